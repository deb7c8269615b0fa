import Support
import Foundation

/// A Swift package with notebooks on disk: `Package.swift`, `Notebooks/`, `Snippets/`.
public struct Project: Sendable {
    /// The package root.
    public let root: URL

    /// The project at `root`.
    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// The project containing `directory`: the nearest folder upward with a `Package.swift` and
    /// a `Notebooks` folder, or, when `requiringNotebooks` is false (`notebook init`), the
    /// nearest with a `Package.swift`.
    /// - Throws: ``NotebookError`` when there is none.
    public static func locate(from directory: URL, requiringNotebooks: Bool = true) throws(NotebookError) -> Project {
        var folder = directory.standardizedFileURL
        while true {
            let fileManager = FileManager.default
            if fileManager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                !requiringNotebooks || fileManager.fileExists(atPath: folder.appendingPathComponent("Notebooks").path)
            {
                return Project(root: folder)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path {
                let message = requiringNotebooks
                    ? "not inside a notebook package (no Package.swift with a Notebooks folder here or above); use --package-path, or 'notebook init' to add notebooks to a package"
                    : "not inside a Swift package (no Package.swift here or above); use --package-path"
                throw NotebookError(file: directory.path, line: nil, message)
            }
            folder = parent
        }
    }

    /// Every notebook, `Notebooks/**/*.md`, relative to the root, sorted.
    public func notebookPaths() -> [String] {
        let folder = root.appendingPathComponent("Notebooks")
        var paths: [String] = []
        if let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where url.pathExtension == "md" {
                paths.append("Notebooks/" + url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            }
        }
        return paths.sorted()
    }

    /// Turns command-line notebook arguments (paths, or names such as `huber`) into notebook paths.
    /// - Throws: ``NotebookError`` for an argument that names no notebook, with the closest one.
    public func select(_ arguments: [String], currentDirectory: URL) throws(NotebookError) -> [String] {
        let all = notebookPaths()
        guard !arguments.isEmpty else { return all }
        var selected: [String] = []
        for argument in arguments {
            let candidates = [
                argument, "Notebooks/\(argument)", "Notebooks/\(argument).md",
                Self.relative(currentDirectory.appendingPathComponent(argument), to: root),
            ]
            // A name without its number (`quantile-regression` for Notebooks/12-quantile-regression.md,
            // `my notes` for `03 my notes.md`), when one notebook has it.
            let unnumbered = all.filter { Self.unnumberedName($0) == argument }
            if candidates.first(where: { all.contains($0) }) == nil, unnumbered.count > 1 {
                throw NotebookError(file: argument, line: nil, "names \(unnumbered.count) notebooks (\(unnumbered.joined(separator: ", "))); give one with its number")
            }
            guard let match = candidates.first(where: { all.contains($0) }) ?? unnumbered.first else {
                let names = all.map { String($0.dropFirst("Notebooks/".count).dropLast(3)) } + all.compactMap(Self.unnumberedName)
                throw NotebookError(file: argument, line: nil, "no such notebook\(Suggestions.didYouMean(argument, in: names)) (notebooks are Notebooks/*.md)")
            }
            if !selected.contains(match) { selected.append(match) }
        }
        return selected
    }

    /// A notebook's name without its leading number and the `-`, `_` or space after it
    /// (`Notebooks/03-huber.md` → `huber`), or nil when it has no number.
    static func unnumberedName(_ path: String) -> String? {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let number = file.prefix { $0.isNumber }
        let rest = file.dropFirst(number.count)
        guard !number.isEmpty, let separator = rest.first, "-_ ".contains(separator), rest.hasSuffix(".md"), rest.count > 4 else { return nil }
        return String(rest.dropFirst().dropLast(3))
    }

    static func relative(_ url: URL, to root: URL) -> String {
        let path = url.standardizedFileURL.path
        let prefix = root.standardizedFileURL.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Reads and parses notebooks, collecting every error; `@Snippet` paths start with
    /// `packageName`.
    public func load(_ paths: [String], packageName: String) throws(NotebookErrors) -> [Document] {
        var documents: [Document] = []
        var errors: [NotebookError] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
                errors.append(NotebookError(file: path, line: nil, "cannot be read"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                let line = Self.firstInvalidLine(data)
                errors.append(NotebookError(file: path, line: line, "is not valid UTF-8; save it as UTF-8"))
                continue
            }
            do {
                var document = try NotebookParser.parse(text, path: path, packageName: packageName)
                document.sourceDigest = SHA256.hex(data)
                documents.append(document)
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw NotebookErrors(errors) }
        return documents
    }

    /// The line of the first byte sequence that is not UTF-8.
    static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        for (number, chunk) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if String(data: Data(chunk), encoding: .utf8) == nil { return number + 1 }
            line = number + 1
        }
        return line
    }

    /// The site path of a notebook's page: `Notebooks/a/b.md` → `a/b.html`.
    public static func pagePath(_ notebook: String) -> String {
        String(notebook.dropFirst("Notebooks/".count).dropLast(3)) + ".html"
    }
}
