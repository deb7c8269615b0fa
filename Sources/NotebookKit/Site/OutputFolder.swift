import Foundation

/// Where a command may write its output folder: the one check that `notebook build` (the site)
/// and `notebook exercise grade` (the grades) make before they do any work.
public enum OutputFolder {
    /// Why `url` cannot be written as a folder (`asFolder`) or a file, found before any work:
    /// it exists as the other kind, a folder on its way is a file, or the nearest existing
    /// folder on its way cannot be written. Nil when nothing is known to stand in the way.
    public static func problem(writing url: URL, asFolder: Bool) -> String? {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let path = url.standardizedFileURL
        if fileManager.fileExists(atPath: path.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue != asFolder {
                return asFolder ? "is a file, not a folder" : "is a folder; give a file's name"
            }
            // A file is replaced whole (written beside it, then renamed): its folder must be writable.
            let folder = asFolder ? path : path.deletingLastPathComponent()
            return fileManager.isWritableFile(atPath: folder.path) ? nil : "cannot be written: \(folder.path) is not writable"
        }
        var ancestor = path.deletingLastPathComponent()
        while !fileManager.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), ancestor.path != "/" {
            ancestor.deleteLastPathComponent()
        }
        guard isDirectory.boolValue else { return "cannot be made: \(ancestor.path) is a file" }
        guard fileManager.isWritableFile(atPath: ancestor.path) else { return "cannot be made: \(ancestor.path) is not writable" }
        return nil
    }

    /// `url` with every symbolic link on its way followed, the missing end of it included: the
    /// deepest folder that exists is resolved and the rest added (Foundation resolves nothing
    /// when the last part is missing, so a link to the package's sources went unseen).
    static func resolved(_ url: URL) -> URL {
        var existing = url.standardizedFileURL
        var missing: [String] = []
        while existing.path != "/", !FileManager.default.fileExists(atPath: existing.path) {
            missing.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var result = existing.resolvingSymlinksInPath()
        for part in missing { result.appendPathComponent(part) }
        return result
    }

    /// `output`, resolved, once it is known not to cover the package, not to lie inside its
    /// sources or the tool's own folders (`protecting`: the snippets' build folder, the cache,
    /// the submissions being graded), and to be missing or a folder whose file names `owns`
    /// accepts (given the folder and its names).
    /// - Throws: ``NotebookError`` naming `output` and the reason.
    static func check(_ output: URL, root: URL, protecting folders: [URL], owns: (URL, [String]) -> Bool, writer: String) throws(NotebookError) -> URL {
        let out = resolved(output)
        let package = resolved(root)
        func inside(_ child: URL, _ parent: URL) -> Bool {
            child.path == parent.path || child.path.hasPrefix(parent.path + "/")
        }
        guard out.path != "/", !inside(package, out) else {
            throw NotebookError(file: output.path, line: nil, "the output folder would contain the package itself; choose a folder of its own")
        }
        let sources = ["Notebooks", "Snippets", "Sources", "Tests", ".git", ".build"].map { package.appendingPathComponent($0) }
        for protected in sources + folders.map(resolved) {
            if inside(out, protected) {
                let name = inside(protected, package) ? Project.relative(protected, to: package) + "/" : protected.path
                throw NotebookError(file: output.path, line: nil, "the output folder is inside \(name); choose a folder of its own")
            }
        }
        if let problem = problem(writing: out, asFolder: true) {
            throw NotebookError(file: output.path, line: nil, problem)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out.path, isDirectory: &isDirectory) {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            guard owns(out, contents) else {
                throw NotebookError(file: output.path, line: nil, "is a folder with files that \(writer) did not write; refusing to write into it (empty it or choose another output)")
            }
        }
        return out
    }
}
