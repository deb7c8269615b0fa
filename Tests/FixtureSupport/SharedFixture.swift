import Foundation

/// Copies of a fixture package, each at one path for the whole test run, which tests that build
/// take in turn (``withFixture(_:_:)``). A copy's snippets keep their path and modification
/// times from test to test, so later tests find them built: a fresh copy at a new path compiles
/// every snippet again (its slice markers name the path), about 5 s of processor time. A test
/// takes the copy used last that is free, so a second copy is made and built only when a test
/// would otherwise wait for the first (the fixture's tests then run two at a time instead of
/// one after the other).
public actor SharedFixture {
    /// The fixture's folder.
    public let fixture: URL
    /// What is done to a fresh copy of the fixture.
    let prepare: @Sendable (URL) throws -> Void
    /// The copies' roots not in use, the one used last at the end.
    private var free: [URL]
    private var waiting: [CheckedContinuation<URL, Never>] = []

    /// Copies of `fixture` named `name`, at most `copies` of them, each put through `prepare`
    /// whenever a test takes it.
    public init(fixture: URL, name: String, copies: Int, prepare: @escaping @Sendable (URL) throws -> Void = { _ in }) {
        self.fixture = fixture
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-fixture-\(UUID().uuidString)")
        free = (0..<copies).reversed().map { folder.appendingPathComponent("\($0)/\(name)") }
        self.prepare = prepare
    }

    /// A free copy's root, waiting for one when all are in use.
    func acquire() async -> URL {
        if let root = free.popLast() { return root }
        return await withCheckedContinuation { waiting.append($0) }
    }

    func release(_ root: URL) {
        if waiting.isEmpty { free.append(root) } else { waiting.removeFirst().resume(returning: root) }
    }

    /// Puts the copy at `root` back as a fresh copy would be: every file but the snippet and
    /// exercise builds (`.build-notebooks`, which holds the cached package manifest too) is
    /// replaced, the fixture's files copied with their modification times (`cp -a`), so no run
    /// is cached and nothing is left from an earlier test, but unchanged snippets need no build.
    nonisolated func reset(_ root: URL) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        for name in try fileManager.contentsOfDirectory(atPath: root.path) where name != ".build-notebooks" && name != ".notebook-cache" {
            try fileManager.removeItem(at: root.appendingPathComponent(name))
        }
        let cache = root.appendingPathComponent(".notebook-cache")
        for name in (try? fileManager.contentsOfDirectory(atPath: cache.path)) ?? [] {
            try fileManager.removeItem(at: cache.appendingPathComponent(name))
        }
        try copyKeepingTimes(URL(fileURLWithPath: fixture.path + "/."), to: root)
        try prepare(root)
    }
}

/// Runs `body` with one of `shared`'s copies to itself, put back as a fresh copy would be; the
/// copy's snippets build into its `.build-notebooks`.
public func withFixture<T>(_ shared: SharedFixture, _ body: (URL) async throws -> T) async throws -> T {
    let root = await shared.acquire()
    let result: Result<T, any Error>
    do {
        try shared.reset(root)
        result = .success(try await body(root))
    } catch {
        result = .failure(error)
    }
    await shared.release(root)
    return try result.get()
}

/// `cp -a`: a copy of `file` (or a folder's contents, given as `folder/.`) with its modification
/// times.
public func copyKeepingTimes(_ file: URL, to copy: URL) throws {
    guard try runTool("/bin/cp", ["-a", file.path, copy.path]).status == 0 else { throw CocoaError(.fileWriteUnknown) }
}
