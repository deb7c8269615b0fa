import Foundation

/// `notebook init`: sets up notebooks in an existing Swift package — a `Notebooks/` folder with a
/// first notebook, a first snippet in `Snippets/` that imports one of the package's library
/// modules, and `.gitignore` entries for the tool's build folder, cache and site.
public enum NotebookInit {
    /// What was set up.
    public struct Result: Sendable, Equatable {
        /// The files created, relative to the package.
        public var created: [String]
        /// The lines added to `.gitignore`.
        public var ignored: [String]
        /// The module the first snippet imports, or nil when the package has no library product.
        public var importedModule: String?
    }

    /// The first notebook's path.
    public static let notebookPath = "Notebooks/01-first-notebook.md"
    /// The first snippet's name (its file is `Snippets/NAME.swift`).
    public static let snippetName = "first_snippet"

    /// Sets up notebooks in the package at `project`, described by `package`.
    /// - Throws: ``NotebookError`` when the package already has notebooks or the first snippet's
    ///   file exists (nothing is changed then), or a file cannot be written.
    public static func run(project: Project, package: PackageManifest) throws(NotebookError) -> Result {
        let fileManager = FileManager.default
        let root = project.root
        try preflight(project)
        let snippetFile = "Snippets/\(snippetName).swift"
        let module = package.libraries.first?.targets.first
        let greeting = module.map { "Hello from \($0)" } ?? "Hello from a snippet"
        var created: [String] = []
        func write(_ path: String, _ text: String) throws(NotebookError) {
            let url = root.appendingPathComponent(path)
            do {
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                throw NotebookError(file: path, line: nil, "cannot be written: \(error.localizedDescription)")
            }
            created.append(path)
        }
        do {
            try write(snippetFile, snippet(module: module, greeting: greeting))
            try write(notebookPath, notebook(package: package.name, module: module, greeting: greeting))
        } catch {
            // All or nothing: a half set-up package would refuse the next init.
            for path in created { try? fileManager.removeItem(at: root.appendingPathComponent(path)) }
            throw error
        }
        let ignored = try ignore(["/\(ExecutionService.scratchFolderName)/", "/\(ExecutionService.cacheFolderName)/", "/site/"], in: root)
        return Result(created: created, ignored: ignored, importedModule: module)
    }

    /// Checks that init would change nothing it should not: no notebooks yet, no first snippet,
    /// a `.gitignore` (if any) that can be read.
    /// - Throws: ``NotebookError`` saying why nothing is changed.
    public static func preflight(_ project: Project) throws(NotebookError) {
        if !project.notebookPaths().isEmpty {
            throw NotebookError(file: "Notebooks", line: nil, "the package already has notebooks; 'notebook init' changes nothing then")
        }
        let snippetFile = "Snippets/\(snippetName).swift"
        if FileManager.default.fileExists(atPath: project.root.appendingPathComponent(snippetFile).path) {
            throw NotebookError(file: snippetFile, line: nil, "exists already; 'notebook init' changes nothing then")
        }
        let ignore = project.root.appendingPathComponent(".gitignore")
        if let data = FileManager.default.contents(atPath: ignore.path), String(data: data, encoding: .utf8) == nil {
            throw NotebookError(file: ".gitignore", line: nil, "is not valid UTF-8; 'notebook init' changes nothing then")
        }
    }

    /// Appends the `entries` that `.gitignore` lacks; returns those added.
    static func ignore(_ entries: [String], in root: URL) throws(NotebookError) -> [String] {
        let url = root.appendingPathComponent(".gitignore")
        let data = FileManager.default.contents(atPath: url.path) ?? Data()
        guard let existing = String(data: data, encoding: .utf8) else {
            throw NotebookError(file: ".gitignore", line: nil, "is not valid UTF-8; add \(entries.joined(separator: " ")) by hand")
        }
        let newline = existing.contains("\r\n") ? "\r\n" : "\n"
        let lines = Set(existing.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = entries.filter { entry in
            let bare = entry.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            return ![entry, bare, bare + "/", "/" + bare].contains { lines.contains($0) }
        }
        guard !missing.isEmpty else { return [] }
        var text = existing
        if !text.isEmpty && !text.hasSuffix("\n") { text += newline }
        text += (["# notebook: the snippets' build folder, the run cache and the built site"] + missing).joined(separator: newline) + newline
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw NotebookError(file: ".gitignore", line: nil, "cannot be written: \(error.localizedDescription)")
        }
        return missing
    }

    static func snippet(module: String?, greeting: String) -> String {
        let importLine = module.map { "import \($0)\n\n" } ?? ""
        return """
            // A first snippet. SwiftPM builds every file in Snippets/ as a small program of its own,
            // which can import the package's library modules. `notebook build` runs it and shows
            // what it prints under the @Snippet line that references it; `swift run \(snippetName)`
            // runs it by hand.
            \(importLine)// snippet.greeting
            let greeting = "\(greeting)"
            print(greeting)
            // snippet.end

            """
    }

    static func notebook(package: String, module: String?, greeting: String) -> String {
        let uses = module.map { "It imports `\($0)`, a library of this package." }
            ?? "This package has no library product yet; add one to use its code from snippets."
        return """
            ---
            title: A first notebook
            summary: How a notebook shows a snippet, its output, and checks it.
            order: 1
            ---

            # A first notebook

            A notebook is GitHub-flavoured Markdown. The line below shows a slice of the snippet
            `Snippets/\(snippetName).swift` with what it printed. \(uses)

            @Snippet(path: "\(package)/Snippets/\(snippetName)", slice: "greeting")

            ```output
            \(greeting)
            ```

            The `output` block is the text the snippet must print: `notebook test` fails when it
            prints something else, and `notebook test --update` rewrites the block.

            ## Next steps

            - `notebook build` writes the site into `site/`; `notebook walk 01-first-notebook`
              walks through this notebook in the terminal.
            - Write a snippet of your own in `Snippets/`, reference it here, and run `notebook test`.

            """
    }
}
