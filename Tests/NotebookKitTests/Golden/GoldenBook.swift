import Foundation
import NotebookRuntime
@testable import NotebookKit

/// Renders a golden book (notebooks, snippet sources and recorded runs) without starting a process.
enum GoldenBook {
    /// The recorded runs in `book/runs`, by snippet name.
    static func runs(_ book: URL) throws -> [String: SnippetRun] {
        var runs: [String: SnippetRun] = [:]
        let folder = book.appendingPathComponent("runs")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".json") {
            let run = try RunCache.decoder.decode(SnippetRun.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
            runs[run.name] = run
        }
        return runs
    }

    /// The API reference of the book's module `Mini`, from the symbol graphs in `book/symbols`
    /// (their sources sit in `/package`).
    static func reference(_ book: URL) throws -> APIReference {
        let folder = book.appendingPathComponent("symbols")
        let graphs = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { name in
            try SymbolGraph(json: Data(contentsOf: folder.appendingPathComponent(name)), file: name)
        }
        return APIReference(graphs: ["Mini": graphs], root: URL(fileURLWithPath: "/package"))
    }

    /// Every site file, plus `walk/NAME.txt`: each notebook's walkthrough sections.
    static func render(_ book: URL) throws -> [String: Data] {
        let project = Project(root: book)
        let workbook = try Workbook(project: project, package: fixturePackage, paths: project.notebookPaths())
        let results = try runs(book).mapValues { SnippetResult(run: $0, reason: .cached) }
        let reference = APIPages.make(try self.reference(book))
        let notebooks = ExecutedNotebook.assemble(workbook, runs: results, symbols: reference.links)
        var files = SiteRenderer.render(notebooks, sources: workbook.sources, siteTitle: "LossNotebooks", reference: reference).files
        let style = TerminalStyle(color: false, unicode: true, width: 80)
        for notebook in notebooks {
            let walk = Walkthrough(notebook: notebook, style: style)
            files["walk/\(notebook.page).txt"] = Data(walk.sections.joined(separator: "\n\u{1E}\n").utf8)
        }
        return files
    }
}
