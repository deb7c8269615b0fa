import Foundation

/// `notebook new NAME`: a new lesson that builds and tests at once: `Notebooks/NN-NAME.md` (front
/// matter, a title, a first section) and its snippet `Snippets/NAME.swift` (imports, slices, a
/// plot, a check and a recorded value quoted in the prose).
public enum NotebookNew {
    /// What was created.
    public struct Result: Sendable, Equatable {
        /// The notebook, relative to the package.
        public var notebook: String
        /// The snippet, relative to the package.
        public var snippet: String
    }

    /// Creates the notebook and snippet for `name` (lowercase letters, digits, `-` and `_`) in
    /// the package at `project`, described by `package`, at `order` (default: after the existing
    /// notebooks).
    /// - Throws: ``NotebookError`` for a bad name or a file that exists (nothing is changed then).
    public static func run(name: String, title: String? = nil, order requested: Int? = nil, project: Project, package: PackageManifest) throws(NotebookError) -> Result {
        guard let first = name.first, first.isLetter, name.allSatisfy({ ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw NotebookError(file: name, line: nil, "a notebook's name is lowercase letters, digits, '-' and '_', starting with a letter (such as quantile-regression)")
        }
        let existing = project.notebookPaths()
        if let requested, requested < 1 || requested > 999 {
            throw NotebookError(file: "--order", line: nil, "\(requested) is not a place from 1 to 999")
        }
        if let title, title.trimmingCharacters(in: " \t").isEmpty || title.contains(where: { $0.isNewline || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true }) {
            throw NotebookError(file: "--title", line: nil, "'\(title.debugDescription.dropFirst().dropLast())' is not a title: give one line of text")
        }
        let order: Int
        if let requested { order = requested } else { order = try nextOrder(existing, project: project) }
        let notebook = "Notebooks/\(String(format: "%02d", order))-\(name).md"
        let snippetName = name.replacingOccurrences(of: "-", with: "_")
        let snippet = "Snippets/\(snippetName).swift"
        for path in [notebook, snippet] where FileManager.default.fileExists(atPath: project.root.appendingPathComponent(path).path) {
            throw NotebookError(file: path, line: nil, "exists already; 'notebook new' changes nothing then")
        }
        if let taken = existing.first(where: { $0.hasSuffix("-\(name).md") || $0.hasSuffix("/\(name).md") }) {
            throw NotebookError(file: taken, line: nil, "a notebook named '\(name)' exists already")
        }
        let heading = title ?? name.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        let modules = Set(package.libraries.map(\.name))
        let runtime = modules.contains("NotebookRuntime") && modules.contains("Plotting")
        let library = package.libraries.first { !["NotebookRuntime", "Plotting"].contains($0.name) }?.targets.first
        var created: [URL] = []
        do {
            for (path, text) in [(snippet, snippetText(title: heading, notebook: notebook, library: library, runtime: runtime)),
                                 (notebook, notebookText(title: heading, order: order, package: package.name, snippet: snippetName, runtime: runtime))] {
                let url = project.root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
                created.append(url)
            }
        } catch {
            for url in created { try? FileManager.default.removeItem(at: url) }
            throw NotebookError(file: notebook, line: nil, "cannot be written: \(error.localizedDescription)")
        }
        return Result(notebook: notebook, snippet: snippet)
    }

    /// One past the largest `order:` or leading number of the existing notebooks.
    /// - Throws: ``NotebookError`` when that is past 999, the last place `--order` takes.
    static func nextOrder(_ paths: [String], project: Project) throws(NotebookError) -> Int {
        var largest = paths.count
        for path in paths {
            let file = path.split(separator: "/").last.map(String.init) ?? path
            var found: [(Int, String)] = []
            if let number = Int(file.prefix { $0.isNumber }) { found.append((number, "its name's number")) }
            if let text = try? String(contentsOf: project.root.appendingPathComponent(path), encoding: .utf8),
               let order = (try? FrontMatterParser.split(text, path: path))?.0.order {
                found.append((order, "its order"))
            }
            for (number, what) in found where number >= 999 {
                throw NotebookError(file: path, line: nil, "\(what) is \(number), so no place is left after it; give the new notebook one with --order N (1 to 999)")
            }
            largest = max(largest, found.map(\.0).max() ?? largest)
        }
        guard largest < 999 else {
            throw NotebookError(file: "Notebooks", line: nil, "holds \(paths.count) notebooks, so no place is left after them; give the new notebook one with --order N (1 to 999)")
        }
        return largest + 1
    }

    static func snippetText(title: String, notebook: String, library: String?, runtime: Bool) -> String {
        let imports = ([library].compactMap { $0 } + (runtime ? ["NotebookRuntime", "Plotting"] : [])).map { "import \($0)" }.joined(separator: "\n")
        guard runtime else {
            return """
                // \(title): the snippet behind \(notebook). `swift run` it by hand, or `notebook test`.
                \(imports)

                // snippet.data
                let residuals = stride(from: -3.0, through: 3.0, by: 0.5).map { $0 }
                let squares = residuals.map { $0 * $0 }
                print("smallest square:", squares.min() ?? 0)
                // snippet.end

                """
        }
        return """
            // \(title): the snippet behind \(notebook). `swift run` it by hand (ASCII plots), or
            // `notebook build` / `notebook test`. Each `// snippet.NAME` ... `// snippet.end` is a
            // slice the notebook shows with `@Snippet(..., slice: "NAME")`.
            \(imports)

            // snippet.data
            let residuals = stride(from: -3.0, through: 3.0, by: 0.25).map { $0 }
            let squares = residuals.map { $0 * $0 }
            // snippet.end

            // snippet.plot
            show(Figure(Panel(title: "The square of the residual", x: Axis("residual r"), y: Axis("r²"), series: [
                Series("r²", x: residuals, y: squares),
            ])))
            // snippet.end

            // snippet.check
            let smallest = squares.min() ?? .infinity
            check(smallest == 0, "the square is smallest, 0, at r = 0")
            record("smallest", smallest)
            // snippet.end

            """
    }

    static func notebookText(title: String, order: Int, package: String, snippet: String, runtime: Bool) -> String {
        let path = "\(package)/Snippets/\(snippet)"
        let head = """
            ---
            title: \(FrontMatterParser.quoted(title))
            summary: One sentence for the index.
            order: \(order)
            ---

            # \(title)

            What this lesson shows, in a paragraph.\(runtime ? " Formulas are TeX: $L(r) = r^2$." : "")

            ## A first look


            """
        guard runtime else {
            return head + """
                @Snippet(path: "\(path)", slice: "data")

                ```output
                smallest square: 0.0
                ```

                """
        }
        return head + """
            The residuals and their squares:

            @Snippet(path: "\(path)", slice: "data")

            The plot shows where the square is smallest:

            @Snippet(path: "\(path)", slice: "plot")

            A claim in prose is never stronger than the check behind it, and numbers in prose come
            from `record`: the smallest square is {{smallest}}.

            @Snippet(path: "\(path)", slice: "check")

            """
    }
}
