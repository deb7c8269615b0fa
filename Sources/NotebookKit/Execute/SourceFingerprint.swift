import Foundation

/// A fingerprint of a package's sources (paths, sizes and modification times of its manifests,
/// `Package.resolved`, `Sources/` and `Snippets/`, and of the folders outside them that its
/// build reads: ``PackageManifest/sourceFolders(root:)``): when it is unchanged since the last
/// build that finished (``BuildStamp``), the snippet executables are still current and
/// `swift build` need not run (a warm build then takes milliseconds, not a second).
enum SourceFingerprint {
    /// The fingerprint of the manifests, `Package.resolved`, the files under `folders` and those
    /// under `outside` (absolute folders: a target's custom path, a local dependency), hidden
    /// files and folders there left out (a dependency's `.build`, `.git`).
    static func of(_ root: URL, folders: [String] = ["Sources", "Snippets"], outside: [URL] = []) -> String {
        var hash = SHA256()
        let fileManager = FileManager.default
        var entries: [String] = []
        for name in manifests(in: root) + ["Package.resolved"] {
            if let entry = stamp(root.appendingPathComponent(name)) { entries.append(entry) }
        }
        let walks = folders.map { (root.appendingPathComponent($0), FileManager.DirectoryEnumerationOptions()) }
            + outside.map { ($0, FileManager.DirectoryEnumerationOptions.skipsHiddenFiles) }
        for (folder, options) in walks {
            guard let enumerator = fileManager.enumerator(at: folder, includingPropertiesForKeys: nil, options: options) else { continue }
            for case let url as URL in enumerator {
                if let entry = stamp(url) { entries.append(entry) }
            }
        }
        for entry in entries.sorted() { hash.update(field: entry) }
        return hash.hexDigest()
    }

    /// A file's path, size and modification time, or nil when it cannot be read.
    static func stamp(_ url: URL) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            let size = (attributes[.size] as? NSNumber)?.intValue,
            let date = attributes[.modificationDate] as? Date
        else { return nil }
        return "\(url.path)|\(size)|\(date.timeIntervalSince1970)"
    }

    /// The package's manifests, sorted: `Package.swift` and any version-specific one
    /// (`Package@swift-6.0.swift`), which SwiftPM prefers.
    static func manifests(in root: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
            .filter { $0 == "Package.swift" || ($0.hasPrefix("Package@swift") && $0.hasSuffix(".swift")) }.sorted()
    }
}
