import Foundation

/// Notices changes under some folders by comparing snapshots of paths, sizes and modification
/// times (portable, no inotify needed; a package's sources are small).
public struct SourceWatcher: Sendable {
    /// The folders watched.
    public let folders: [URL]

    /// Watches `folders`.
    public init(folders: [URL]) {
        self.folders = folders
    }

    /// A fingerprint of the folders' files.
    public func snapshot() -> [String: String] {
        var result: [String: String] = [:]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey]) else { continue }
            for case let url as URL in enumerator {
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
                let stamp = values?.contentModificationDate?.timeIntervalSince1970 ?? 0
                result[url.path] = "\(stamp)/\(values?.fileSize ?? -1)"
            }
        }
        return result
    }
}
