import Foundation

/// The snippets that did not compile in the last snippet build that got past them, with their
/// errors and each one's file as the build read it (path, size and modification time), kept in
/// the scratch folder beside ``BuildStamp``.
///
/// A snippet is a module of its own that no other snippet imports, so while its file and
/// everything outside `Snippets/` (manifests, `Package.resolved`, `Sources/`, targets' custom
/// paths and local dependencies, the toolchain, the build's arguments: the ``context``) are as
/// they were, it fails again with the same errors.
/// The next build leaves such snippets out from the start and reports their errors again: one
/// start of SwiftPM, not two (one that fails on them, then one without them), while an author
/// edits another snippet. Errors about a module are never kept (their cause may lie outside the
/// sources), and under `--no-cache` nothing kept is used.
struct KnownFailures: Codable, Equatable {
    /// What the snippets' errors depend on besides their own files: the fingerprint of the
    /// package without `Snippets/` (``SourceFingerprint``), with the build's settings.
    let context: String
    /// Each failed snippet's file (``SourceFingerprint/stamp(_:)``) and compiler errors, by snippet name.
    let snippets: [String: Entry]

    struct Entry: Codable, Equatable {
        let file: String
        let errors: [String]
    }

    static func file(_ scratch: URL) -> URL { scratch.appendingPathComponent("notebook-build-failures.json") }

    static func read(_ scratch: URL) -> KnownFailures? {
        (try? Data(contentsOf: file(scratch))).flatMap { try? JSONDecoder().decode(KnownFailures.self, from: $0) }
    }

    func write(_ scratch: URL) {
        if let data = try? JSONEncoder().encode(self) { try? data.write(to: Self.file(scratch), options: .atomic) }
    }

    static func remove(_ scratch: URL) {
        try? FileManager.default.removeItem(at: file(scratch))
    }

    /// The errors of the snippets among `names` that failed before in the same `context` and
    /// whose files (`file(name)`) have not changed since.
    func unchanged(_ names: [String], context: String, file: (String) -> URL) -> [String: [String]] {
        guard context == self.context else { return [:] }
        var errors: [String: [String]] = [:]
        for name in names {
            guard let entry = snippets[name], SourceFingerprint.stamp(file(name)) == entry.file else { continue }
            errors[name] = entry.errors
        }
        return errors
    }
}
