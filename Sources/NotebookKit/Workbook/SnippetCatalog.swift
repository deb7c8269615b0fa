import Support
import Foundation

/// The snippets of a package: every `Snippets/**/*.swift`, by name (path under `Snippets/`
/// without `.swift`), and the executable name SwiftPM gives each (the file's base name).
public struct SnippetCatalog: Sendable {
    /// The package root.
    public let root: URL
    /// Snippet names, sorted.
    public let names: [String]

    /// Lists the snippets under `root/Snippets`.
    public init(root: URL) {
        self.root = root
        let folder = root.appendingPathComponent("Snippets")
        var names: [String] = []
        if let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where url.pathExtension == "swift" {
                let relative = url.path.dropFirst(folder.path.count + 1)
                names.append(String(relative.dropLast(".swift".count)))
            }
        }
        self.names = names.sorted()
    }

    /// The file of a snippet, relative to the package (`Snippets/huber.swift`).
    public func relativePath(_ name: String) -> String {
        "Snippets/\(name).swift"
    }

    /// The executable SwiftPM builds for a snippet: its file's base name.
    public func executableName(_ name: String) -> String {
        String(name.split(separator: "/").last ?? Substring(name))
    }

    /// Checks a reference and loads the snippet's source (or takes `loaded`, the source an
    /// earlier reference to the same snippet loaded).
    /// - Throws: ``NotebookError`` at the notebook's line for a missing snippet or slice,
    ///   naming the closest valid one.
    public func resolve(_ reference: SnippetReference, in notebook: String, loaded: SnippetSource? = nil) throws(NotebookError) -> SnippetSource {
        guard names.contains(reference.name) else {
            throw NotebookError(
                file: notebook, line: reference.line,
                "no snippet '\(reference.name)' (expected \(relativePath(reference.name)))\(Suggestions.didYouMean(reference.name, in: names))")
        }
        let source: SnippetSource
        if let loaded {
            source = loaded
        } else {
            source = try load(reference, in: notebook)
        }
        if reference.exercise != nil, !source.regions.contains(where: { $0.kind == .solution }) {
            throw NotebookError(
                file: notebook, line: reference.line,
                "snippet '\(reference.name)' is used as an exercise but has no '// snippet.solution' ... '// snippet.end' region, so the student would have nothing to do")
        }
        if reference.exercise == nil, source.exercise != nil {
            throw NotebookError(
                file: notebook, line: reference.line,
                "snippet '\(reference.name)' is an exercise (it has solution or hidden-check regions): show it with @Exercise(path: \"\(reference.path)\")")
        }
        if let slice = reference.slice, source.slices[slice] == nil {
            let known = source.sliceNames.isEmpty ? "it has no slices" : "its slices: \(source.sliceNames.joined(separator: ", "))"
            throw NotebookError(
                file: notebook, line: reference.line,
                "snippet '\(reference.name)' has no slice '\(slice)'\(Suggestions.didYouMean(slice, in: source.sliceNames)) (\(known))")
        }
        return source
    }

    /// Reads and splits the snippet a reference names.
    private func load(_ reference: SnippetReference, in notebook: String) throws(NotebookError) -> SnippetSource {
        let file = relativePath(reference.name)
        let url = root.appendingPathComponent(file)
        guard let data = try? Data(contentsOf: url) else {
            throw NotebookError(file: notebook, line: reference.line, "cannot read \(file)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw NotebookError(file: file, line: nil, "is not valid UTF-8")
        }
        return try SnippetSource(text, file: file)
    }

    /// The modules some snippet imports (`import X`, `@testable import X`, `import struct X.Y`),
    /// read from every snippet's file: what the snippet build must compile and the API
    /// reference shows, the same whichever notebooks are built.
    public func importedModules() -> Set<String> {
        var imported: Set<String> = []
        for name in names {
            guard let text = try? String(contentsOf: root.appendingPathComponent(relativePath(name)), encoding: .utf8) else { continue }
            imported.formUnion(Self.importedModules(in: text))
        }
        return imported
    }

    /// The modules a Swift source imports (`import X`, `@testable import X`, `import struct X.Y`).
    static func importedModules(in text: String) -> Set<String> {
        var imported: Set<String> = []
        for line in text.split(separator: "\n") {
            let words = line.split(whereSeparator: \.isWhitespace)
            guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
                words[..<index].allSatisfy({ $0.hasPrefix("@") || $0 == "public" || $0 == "internal" })
            else { continue }
            // `import struct X.Y` names its kind first.
            let kinds: Set<Substring> = ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"]
            let module = index + 2 < words.count && kinds.contains(words[index + 1]) ? words[index + 2] : words[index + 1]
            imported.insert(String(module.split(separator: ".")[0]))
        }
        return imported
    }
}
