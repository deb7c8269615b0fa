import Foundation

/// Cached snippet results in the execution service's cache folder, keyed by everything that decides the output:
/// the executable's content hash (it covers the snippet and the libraries linked into it) with
/// the resource bundles beside it, the toolchain version, and the arguments, environment and
/// limits the runner passes.
public struct RunCache: Sendable {
    /// What a cache key is made of, kept per snippet to explain why a cell ran.
    public struct KeyParts: Codable, Sendable, Equatable {
        /// SHA-256 of the executable file (with the resource bundles beside it, when there are
        /// any: ``resourceFiles(in:)``).
        public var executable: String
        /// `swift --version`.
        public var toolchain: String
        /// SHA-256 of the runner's arguments, environment and limits.
        public var settings: String

        /// The key.
        public var key: String {
            var hash = SHA256()
            hash.update(field: "notebook-run-cache-v1")
            hash.update(field: executable)
            hash.update(field: toolchain)
            hash.update(field: settings)
            return hash.hexDigest()
        }
    }

    /// The cache folder.
    public let folder: URL

    /// A cache in `folder`.
    public init(folder: URL) {
        self.folder = folder
    }

    /// What the cache holds for a snippet.
    public enum Lookup: Sendable, Equatable {
        /// A run stored under these key parts.
        case hit(SnippetRun)
        /// None: the reason the snippet must run.
        case miss(RunReason)
    }

    /// The cached run for these key parts, or the reason it must run.
    public func lookup(name: String, parts: KeyParts) -> Lookup {
        let entry = folder.appendingPathComponent("runs/\(parts.key).json")
        if let data = try? Data(contentsOf: entry), let run = try? Self.decoder.decode(SnippetRun.self, from: data), run.name == name {
            return .hit(run)
        }
        guard let data = try? Data(contentsOf: indexFile(name)), let previous = try? JSONDecoder().decode(KeyParts.self, from: data) else {
            return .miss(.firstRun)
        }
        if previous.toolchain != parts.toolchain { return .miss(.toolchainChanged) }
        if previous.settings != parts.settings { return .miss(.settingsChanged) }
        if previous.executable != parts.executable { return .miss(.executableChanged) }
        return .miss(.firstRun)
    }

    /// Stores a run, unless it is not reproducible (``SnippetRun/isReproducible``: it timed out,
    /// or was killed from outside).
    public func store(_ run: SnippetRun, parts: KeyParts) {
        guard run.isReproducible else { return }
        let fileManager = FileManager.default
        try? fileManager.createDirectory(at: folder.appendingPathComponent("runs"), withIntermediateDirectories: true)
        try? fileManager.createDirectory(at: folder.appendingPathComponent("index"), withIntermediateDirectories: true)
        if let data = try? Self.encoder.encode(run) {
            try? data.write(to: folder.appendingPathComponent("runs/\(parts.key).json"), options: .atomic)
        }
        if let data = try? JSONEncoder().encode(parts) {
            try? data.write(to: indexFile(run.name), options: .atomic)
        }
    }

    /// Every file in the resource bundles (`*.resources` folders) in the products folder `bin`,
    /// by its path there, sorted.
    static func resourceFiles(in bin: URL) -> [String] {
        let bundles = ((try? FileManager.default.contentsOfDirectory(atPath: bin.path)) ?? []).filter { $0.hasSuffix(".resources") }
        return bundles.flatMap { files(under: $0, in: bin) }.sorted()
    }

    /// The paths, in `bin`, of the files (not folders) under its folder `folder`.
    static func files(under folder: String, in bin: URL) -> [String] {
        let fileManager = FileManager.default
        return (fileManager.subpaths(atPath: bin.appendingPathComponent(folder).path) ?? []).map { folder + "/" + $0 }.filter { path in
            var isFolder: ObjCBool = false
            return fileManager.fileExists(atPath: bin.appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }

    /// The SHA-256 of an executable, remembered by its path, size and modification time so a
    /// warm build does not read every executable again.
    public func executableHash(_ url: URL) -> String {
        if let saved = rememberedHash(url) { return saved }
        // Past about 64 KB, starting `sha256sum` costs less than a debug build's own hash.
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber, size.intValue > 1 << 16 {
            rememberHashes(of: [url])
            if let saved = rememberedHash(url) { return saved }
        }
        guard let data = try? Data(contentsOf: url) else { return "unreadable" }
        let hash = SHA256.hex(data)
        remember(hash, of: url)
        return hash
    }

    /// Hashes every executable not hashed since it last changed, with the system's `sha256sum`
    /// in one process when there is one (a debug build of this tool hashes a 4 MB snippet in
    /// most of a second; `sha256sum` hashes thirty in a fraction of one, and one in a few
    /// milliseconds, its start included); ``executableHash(_:)`` then finds them remembered.
    public func rememberHashes(of urls: [URL]) {
        let pending = urls.filter { rememberedHash($0) == nil && FileManager.default.isReadableFile(atPath: $0.path) }
        guard !pending.isEmpty, let program = ChildProcess.find("sha256sum") else { return }
        let fileManager = FileManager.default
        let scratch = fileManager.temporaryDirectory.appendingPathComponent("notebook-hash-\(UUID().uuidString)")
        try? fileManager.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        guard let (outcome, _) = try? ChildProcess.run(program, arguments: ["--"] + pending.map(\.path), environment: ["LC_ALL": "C"],
                                                        directory: scratch, stdout: out, stderr: scratch.appendingPathComponent("err"), timeout: 300),
            outcome.succeeded, let text = try? String(contentsOf: out, encoding: .utf8)
        else { return }
        // `HEX  PATH` per file, in order (a path with a newline or backslash is escaped: skipped).
        let lines = text.split(separator: "\n")
        for (url, line) in zip(pending, lines) where line.hasSuffix("  " + url.path) && !line.hasPrefix("\\") {
            let hash = String(line.prefix(64))
            if hash.count == 64, hash.allSatisfy(\.isHexDigit) { remember(hash.lowercased(), of: url) }
        }
    }

    /// What an executable's hash memo holds, when the file is unchanged since.
    private func rememberedHash(_ url: URL) -> String? {
        guard let saved = try? String(contentsOf: memoFile(url), encoding: .utf8), let newline = saved.firstIndex(of: "\n"),
            saved[..<newline] == identity(url)
        else { return nil }
        return String(saved[saved.index(after: newline)...])
    }

    private func remember(_ hash: String, of url: URL) {
        let memo = memoFile(url)
        try? FileManager.default.createDirectory(at: memo.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? (identity(url) + "\n" + hash).write(to: memo, atomically: true, encoding: .utf8)
    }

    /// A file's path, size and modification time.
    private func identity(_ url: URL) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        return "\(url.path)|\((attributes?[.size] as? NSNumber)?.intValue ?? -1)|\((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
    }

    private func memoFile(_ url: URL) -> URL {
        folder.appendingPathComponent("hashes/\(SHA256.hex(url.path.utf8).prefix(32)).txt")
    }

    private func indexFile(_ name: String) -> URL {
        folder.appendingPathComponent("index/\(SHA256.hex(name.utf8).prefix(32)).json")
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }
}
