import Foundation

/// A package that builds the real package's code with snippets of its own: a link to each
/// top-level entry of the real package (but its `Snippets/`, hidden entries, exercises and the
/// site) and a `Snippets/` folder written here. SwiftPM builds snippets only from a package's own
/// `Snippets/`, so this is how the execution service builds instrumented snippets
/// (``SliceMarkers``) and exercise versions without touching the author's files.
struct ShadowPackage {
    /// The real package.
    let root: URL
    /// The shadow package's folder.
    let folder: URL

    var snippets: URL { folder.appendingPathComponent("Snippets") }

    /// Entries of the real package the shadow leaves out.
    static func isLeftOut(_ name: String) -> Bool {
        name.hasPrefix(".") || ["Snippets", Exercise.folder, "site"].contains(name)
    }

    /// Whether an entry is one of the manifest's files (`Package.swift`, `Package@swift-6.0.swift`,
    /// `Package.resolved`).
    static func isManifest(_ name: String) -> Bool {
        name == "Package.swift" || name == "Package.resolved" || (name.hasPrefix("Package@swift") && name.hasSuffix(".swift"))
    }

    /// Links each entry of the real package (again when the package gains or loses one), and
    /// makes `Snippets/`. With a `manifest` of its own, the shadow gets that as `Package.swift`
    /// and a copy of the package's `Package.resolved` (so the same versions resolve, and SwiftPM
    /// never rewrites the author's file), instead of links to them.
    func link(manifest: String? = nil) throws(NotebookError) {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: snippets, withIntermediateDirectories: true)
            let entries = try fileManager.contentsOfDirectory(atPath: root.path).filter { !Self.isLeftOut($0) && !(manifest != nil && Self.isManifest($0)) }
            // A manifest that was linked and is now written (or the other way round) is replaced.
            for name in try fileManager.contentsOfDirectory(atPath: folder.path) where Self.isManifest(name) {
                let url = folder.appendingPathComponent(name)
                let isLink = (try? fileManager.destinationOfSymbolicLink(atPath: url.path)) != nil
                if isLink == (manifest != nil) { try fileManager.removeItem(at: url) }
            }
            if let manifest {
                let file = folder.appendingPathComponent("Package.swift")
                if (try? String(contentsOf: file, encoding: .utf8)) != manifest { try manifest.write(to: file, atomically: true, encoding: .utf8) }
                let resolved = root.appendingPathComponent("Package.resolved"), copy = folder.appendingPathComponent("Package.resolved")
                if fileManager.fileExists(atPath: resolved.path), !fileManager.fileExists(atPath: copy.path) { try fileManager.copyItem(at: resolved, to: copy) }
            }
            let existing = try fileManager.contentsOfDirectory(atPath: folder.path).filter { $0 != "Snippets" && !(manifest != nil && Self.isManifest($0)) }
            for stale in Set(existing).subtracting(entries) {
                try fileManager.removeItem(at: folder.appendingPathComponent(stale))
            }
            for entry in entries {
                let link = folder.appendingPathComponent(entry), destination = root.appendingPathComponent(entry)
                if existing.contains(entry) {
                    // A link into where the package was before it moved (or was copied) is
                    // pointed at the package again.
                    guard (try? fileManager.destinationOfSymbolicLink(atPath: link.path)) != destination.path else { continue }
                    try fileManager.removeItem(at: link)
                }
                try fileManager.createSymbolicLink(at: link, withDestinationURL: destination)
            }
        } catch {
            throw NotebookError(file: folder.path, line: nil, "cannot prepare the package that builds snippets: \(error.localizedDescription)")
        }
    }

    /// Makes `Snippets/` hold exactly `files` (paths under `Snippets/` to their text): a file
    /// whose text is unchanged is not written again, so SwiftPM does not rebuild it.
    func writeSnippets(_ files: [String: String]) throws(NotebookError) {
        let fileManager = FileManager.default
        for (path, text) in files {
            let url = snippets.appendingPathComponent(path)
            guard (try? String(contentsOf: url, encoding: .utf8)) != text else { continue }
            do {
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                throw NotebookError(file: url.path, line: nil, "cannot write: \(error.localizedDescription)")
            }
        }
        removeSnippets(except: Set(files.keys))
    }

    /// Removes every file under `Snippets/` (or only under its folder `under`) but `kept`
    /// (paths under `Snippets/`).
    func removeSnippets(except kept: Set<String>, under: String? = nil) {
        let fileManager = FileManager.default
        let folder = under.map { snippets.appendingPathComponent($0) } ?? snippets
        guard let enumerator = fileManager.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey]) else { return }
        let prefix = snippets.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix), (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true else { continue }
            if !kept.contains(String(path.dropFirst(prefix.count))) { try? fileManager.removeItem(at: url) }
        }
    }
}
