import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site atomically: every file goes into a staging folder beside the output folder,
/// which then replaces the output in one rename (Linux's `renameat2` with `RENAME_EXCHANGE`),
/// so a reader — or a build killed halfway — sees the old site or the new one, never a mix.
///
/// It writes nothing outside the output folder but that staging folder (`.NAME.staging-PID`
/// next to it, renamed into place). It refuses to replace a folder it did not create.
public struct SiteWriter: Sendable {
    /// The output folder.
    public let output: URL
    /// The file that marks a folder as a site this tool wrote.
    public static let marker = ".notebook-site"

    /// A writer for `output`, checked against the package at `root` and the tool's own folders
    /// (`protecting`: the snippets' build folder and the cache).
    /// - Throws: ``NotebookError`` when the output would cover the package or its sources, or
    ///   is an existing folder not made by `notebook build`.
    public init(output: URL, root: URL, protecting folders: [URL] = []) throws(NotebookError) {
        self.output = try OutputFolder.check(output, root: root, protecting: folders, owns: { _, contents in
            contents.contains(Self.marker) || contents.allSatisfy { $0 == ".gitkeep" }
        }, writer: "notebook build")
    }

    /// Writes `files` (site-relative paths to contents) as the new site.
    /// - Throws: ``NotebookError`` for a path leaving the site or a failed write; the old site is then untouched.
    public func write(_ files: [String: Data]) throws(NotebookError) {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).staging-"
        let staging = parent.appendingPathComponent("\(prefix)\(getpid())")
        // Staging folders left by builds that were killed (their process is gone) are removed.
        for name in (try? fileManager.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            if let pid = Int32(name.dropFirst(prefix.count)), pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) {
                try? fileManager.removeItem(at: parent.appendingPathComponent(name))
            }
        }
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let parts = path.split(separator: "/", omittingEmptySubsequences: false)
                guard !path.hasPrefix("/"), !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
                    throw NotebookError(file: path, line: nil, "a site file must stay inside the output folder")
                }
                let url = staging.appendingPathComponent(path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            try Data("written by notebook build\n".utf8).write(to: staging.appendingPathComponent(Self.marker))
            // Keep a `.gitkeep` the output folder had (the repository tracks the empty `site/`).
            let keep = output.appendingPathComponent(".gitkeep")
            if fileManager.fileExists(atPath: keep.path) {
                try Data().write(to: staging.appendingPathComponent(".gitkeep"))
            }
            if fileManager.fileExists(atPath: output.path) {
                guard Self.exchange(staging.path, output.path) else {
                    throw NotebookError(file: output.path, line: nil, "cannot swap in the new site: \(String(cString: strerror(errno)))")
                }
                // `staging` now holds the previous site.
                try? fileManager.removeItem(at: staging)
            } else {
                try fileManager.moveItem(at: staging, to: output)
            }
        } catch let error as NotebookError {
            try? fileManager.removeItem(at: staging)
            throw error
        } catch {
            try? fileManager.removeItem(at: staging)
            throw NotebookError(file: output.path, line: nil, "cannot write the site: \(error.localizedDescription)")
        }
    }

    /// Atomically exchanges two paths (`renameat2(..., RENAME_EXCHANGE)`).
    static func exchange(_ a: String, _ b: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }
}
