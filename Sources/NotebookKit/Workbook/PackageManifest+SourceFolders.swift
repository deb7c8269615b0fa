import Foundation

extension PackageManifest {
    /// The folders outside `Sources/` and `Snippets/` that the package's build reads, from its
    /// description: each target's custom `path:` and each local (`path:`) dependency. A build's
    /// fingerprint (``SourceFingerprint``) covers them too, so an edit there is built. Empty
    /// without a description.
    public func sourceFolders(root: URL) -> [URL] {
        guard let description, let object = try? JSONSerialization.jsonObject(with: description) as? [String: Any] else { return [] }
        var folders: [URL] = []
        for target in object["targets"] as? [[String: Any]] ?? [] {
            guard let path = target["path"] as? String else { continue }
            let folder = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
            let relative = folder.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count)
            if relative.hasPrefix("/Sources/") || relative.hasPrefix("/Snippets/") { continue }
            folders.append(folder.standardizedFileURL)
        }
        for dependency in object["dependencies"] as? [[String: Any]] ?? [] {
            for local in dependency["fileSystem"] as? [[String: Any]] ?? [] {
                if let path = local["path"] as? String { folders.append(URL(fileURLWithPath: path).standardizedFileURL) }
            }
        }
        var seen: Set<String> = []
        return folders.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }
    }
}
