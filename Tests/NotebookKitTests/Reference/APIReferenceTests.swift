import Foundation
import Testing
@testable import NotebookKit

/// The golden book's module `Mini` (symbol graphs in `Fixtures/GoldenBook/symbols`).
private func mini() throws -> APIReference {
    try GoldenBook.reference(GoldenSiteTests.book)
}

@Suite("API reference: symbol graphs to pages, and symbol links")
struct APIReferenceTests {
    @Test("The graphs' cache key changes with a doc comment alone (the .swiftdoc), not only with the interface")
    func cacheKeyFollowsDocs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("symbol-key-\(UUID().uuidString)")
        let modules = folder.appendingPathComponent("Modules")
        try FileManager.default.createDirectory(at: modules, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ suffix: String, _ text: String) throws {
            let file = modules.appendingPathComponent("Mini.\(suffix)")
            try Data(text.utf8).write(to: file)
            // A new modification time, as a rebuild gives: the run cache remembers a digest until then.
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: Double(text.count))], ofItemAtPath: file.path)
        }
        func key() -> String {
            SymbolGraphExtractor.cacheKey(module: "Mini", modulesFolder: modules, toolchain: "swift 6", root: folder,
                                          runCache: RunCache(folder: folder.appendingPathComponent("cache")))
        }
        try write("swiftmodule", "interface")
        try write("swiftdoc", "/// Old words.")
        try write("swiftsourceinfo", "line 1")
        let first = key()
        #expect(key() == first, "nothing changed")
        try write("swiftdoc", "/// New words, longer.")
        let edited = key()
        #expect(edited != first, "a doc comment changed; the interface did not")
        try write("swiftsourceinfo", "line 12, moved")
        #expect(key() != edited, "a declaration moved")
        try write("swiftmodule", "interface, changed")
        #expect(key() != edited)
    }

    @Test("Symbols the compiler made are left out; a type extended from another module gets an entry; paths are the package's")
    func reference() throws {
        let module = try #require(try mini().modules.first)
        let paths = module.symbols.map(\.dottedPath)
        #expect(!paths.contains("Huber.!=(_:_:)"))
        #expect(paths.filter { $0 == "Huber.value(_:)" }.count == 2, "both overloads")
        let double = try #require(module.symbols.first { $0.dottedPath == "Double" })
        #expect(double.kind == "extension" && double.declaration == "extension Double")
        let huber = try #require(module.symbols.first { $0.dottedPath == "Huber" })
        #expect(huber.file == "Sources/Mini/Huber.swift" && huber.line == 11 && huber.documentationLine == 5)
    }

    @Test("A public symbol without a doc comment is reported at its declaration; extensions need none")
    func undocumented() throws {
        #expect(try mini().undocumented.map(\.description) == ["Sources/Mini/Trainer.swift:9: public instance property Trainer.Options.steps in Mini has no doc comment"])
    }

    @Test("Links resolve by path, module-qualified, without argument labels, and from a doc comment's scope outwards")
    func resolve() throws {
        let links = APIPages.make(try mini()).links
        #expect(links.resolve("Huber") == .found("api/Mini.html#huber"))
        #expect(links.resolve("Mini/Huber") == .found("api/Mini.html#huber"))
        #expect(links.resolve("Trainer/Options") == .found("api/Mini.html#trainer-options"))
        #expect(links.resolve("Huber/value") == .found("api/Mini.html#value-1"), "the first overload")
        #expect(links.resolve("Huber/value(_:)") == .found("api/Mini.html#value-1"))
        #expect(links.resolve("Loss/value(_:)") == .found("api/Mini.html#value"))
        #expect(links.resolve("Double/clamped(to:)") == .found("api/Mini.html#clamped-to"))
        #expect(links.resolve("value(_:)") == .notFound, "a member needs its type outside its scope")
        #expect(links.resolve("value(_:)", scope: ("Mini", ["Huber"])) == .found("api/Mini.html#value-1"))
        #expect(links.resolve("steps", scope: ("Mini", ["Trainer", "Options"])) == .found("api/Mini.html#steps"))
        #expect(links.resolve("Huber", scope: ("Mini", ["Trainer"])) == .found("api/Mini.html#huber"), "outer scopes are tried")
        #expect(links.resolve("Hubr") == .notFound && links.suggestion(for: "Hubr") == "Huber")
        #expect(links.resolve("Nothing") == .notFound && links.suggestion(for: "Nothing") == nil)
    }

    @Test("A name two modules share is ambiguous until qualified")
    func ambiguous() {
        let links = SymbolLinks(entries: [
            .init(module: "A", path: ["Loss"], sitePath: "api/A.html#loss"),
            .init(module: "B", path: ["Loss"], sitePath: "api/B.html#loss"),
        ])
        #expect(links.resolve("Loss") == .ambiguous(["A/Loss", "B/Loss"]))
        #expect(links.resolve("B/Loss") == .found("api/B.html#loss"))
        #expect(links.problem("Loss", file: "Notebooks/a.md", line: 3)?.description
            == "Notebooks/a.md:3: symbol link ``Loss`` is ambiguous: it could be ``A/Loss`` or ``B/Loss``; write one of those")
    }

    @Test("The module's page: groups by kind, members under their type, doc comments as Markdown with math and links")
    func page() throws {
        let result = APIPages.make(try mini())
        #expect(result.problems.isEmpty, "\(result.problems)")
        let page = try #require(result.pages.first)
        #expect(page.page == "api/Mini.html" && page.document.title == "Mini API reference")
        let outline = page.outline.headings.map { "\($0.level) \($0.text)" }
        #expect(outline.prefix(4) == ["1 Mini API reference", "2 Protocols", "3 Loss", "4 value(_:)"])
        #expect(outline.contains("3 Trainer.Options") && outline.contains("2 Extensions of other modules' types"))
        // Members: initialisers, then properties, then methods.
        let huber = try #require(outline.firstIndex(of: "3 Huber"))
        #expect(Array(outline[(huber + 1)...].prefix(4)) == ["4 init(delta:)", "4 delta", "4 value(_:)", "4 value(_:)"])
        var renderer = PageRenderer(notebook: page, context: PageContext(path: page.page, siteTitle: "T"))
        let html = renderer.render()
        #expect(html.contains("linear beyond <a href=\"Mini.html#delta\"><code>delta</code></a>"), "a link from the type's own scope")
        #expect(html.contains("at most <a href=\"Mini.html#steps\"><code>steps</code></a> steps"))
        #expect(html.contains("<math display=\"block\""))
        #expect(html.contains("&lt;b&gt;raw HTML&lt;/b&gt;"), "doc comments' raw HTML is shown as text")
    }

    @Test("A formula that does not parse in a doc comment is reported at its file:line")
    func formulaProblem() throws {
        let symbol = APIReference.Symbol(module: "M", path: ["f()"], kind: "swift.func", kindName: "Function", declaration: "func f()",
                                         documentation: "Fine.\n\nBroken: $\\frac{1}$.", file: "Sources/M/F.swift", line: 9, documentationLine: 6)
        let result = APIPages.make(APIReference(modules: [.init(name: "M", symbols: [symbol])]))
        #expect(result.problems.count == 1)
        #expect(result.problems.first.map { "\($0.file):\($0.line ?? 0)" } == "Sources/M/F.swift:8")
    }

    @Test("In prose, a code span between two backticks is a symbol link; one or three backticks, or a space inside, make code")
    func parsing() throws {
        let document = try parseNotebook("A ``Huber`` and `Huber`, ```Trainer```, `` a b `` and ``Mini/Huber/value(_:)``.\n", path: "Notebooks/a.md")
        guard case let .paragraph(inlines, _) = document.blocks.first else { Issue.record("no paragraph"); return }
        let links = inlines.compactMap { inline -> String? in if case let .symbolLink(name) = inline { return name } else { return nil } }
        let code = inlines.compactMap { inline -> String? in if case let .code(text) = inline { return text } else { return nil } }
        #expect(links == ["Huber", "Mini/Huber/value(_:)"])
        #expect(code == ["Huber", "Trainer", "a b"])
    }

    @Test("A symbol link in a notebook that names nothing fails it at file:line, with the closest name")
    func brokenLink() throws {
        let document = try parseNotebook("# T\n\nSee ``Hubr``\nand ``Trainer``.\n", path: "Notebooks/a.md")
        let notebook = executedNotebook(document, symbols: APIPages.make(try mini()).links)
        #expect(notebook.problems.map(\.error.description) == ["Notebooks/a.md:3: symbol link ``Hubr`` names no public symbol of Mini; did you mean ``Huber``?"])
        #expect(notebook.problems.first?.kind == .link)
        let none = executedNotebook(document)
        #expect(none.problems.first?.error.message.contains("there is no API reference") == true)
    }
}
