import Foundation

/// Notices changes under some folders by comparing snapshots of paths, sizes and modification
/// times (portable, no inotify needed; a package's sources are small). Hidden files and editors'
/// temporary files (`.x.swp`, `x~`, `#x#`, `.x.tmp`) are not sources: a save that passes
/// through them is one change, not several.
public struct SourceWatcher: Sendable {
    /// The folders watched.
    public let folders: [URL]

    /// Watches `folders`.
    public init(folders: [URL]) {
        self.folders = folders
    }

    /// A fingerprint of the folders' source files.
    public func snapshot() -> [String: String] {
        var result: [String: String] = [:]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey],
                options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in enumerator where Self.isSource(url.lastPathComponent) {
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey])
                guard values?.isRegularFile == true else { continue }
                let stamp = values?.contentModificationDate?.timeIntervalSince1970 ?? 0
                result[url.path] = "\(stamp)/\(values?.fileSize ?? -1)"
            }
        }
        return result
    }

    /// Whether a file name is a source rather than an editor's or a writer's temporary file.
    static func isSource(_ name: String) -> Bool {
        !(name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".tmp"))
    }

    /// The snapshot once it has stopped changing: polled every `interval` seconds until two in a
    /// row agree, so a save in several steps starts one rebuild, after its last step.
    public func settledSnapshot(interval: Double = 0.3) async throws -> [String: String] {
        var previous = snapshot()
        while true {
            try await Task.sleep(nanoseconds: UInt64(interval * 1e9))
            let now = snapshot()
            if now == previous { return now }
            previous = now
        }
    }
}
