import Foundation

/// The package root.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `notebook` executable (a dependency of this test target, so `swift test` builds it).
func notebookExecutable() -> URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("notebook").path), folder.pathComponents.count > 1 {
        folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("notebook")
}

/// One compiler module cache for every package these tests build (``notebookEnvironment(_:)``):
/// the system's and Foundation's modules are compiled once per test run, not once per package.
let sharedModuleCache = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-cli-module-cache-\(UUID().uuidString)")

/// This process's environment with `NOTEBOOK_MODULE_CACHE` naming ``sharedModuleCache``, then
/// `extra` (which may name another).
func notebookEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["NOTEBOOK_MODULE_CACHE"] = sharedModuleCache.path
    environment.merge(extra) { _, new in new }
    return environment
}

/// Runs `notebook` to completion with optional standard input, in ``notebookEnvironment(_:)``
/// or `environment`.
func runNotebook(_ arguments: [String], in directory: URL = packageRoot, input: String? = nil,
                 environment: [String: String]? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = notebookExecutable()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = environment ?? notebookEnvironment()
    let out = Pipe(), err = Pipe(), inPipe = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inPipe
    try process.run()
    if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try inPipe.fileHandleForWriting.close()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdoutData, as: UTF8.self), String(decoding: stderrData, as: UTF8.self))
}

/// Starts `notebook` in ``notebookEnvironment(_:)`` with its output thrown away, and returns
/// at once (to be killed, or waited for).
func startNotebook(_ arguments: [String], in directory: URL) throws -> Process {
    let process = Process()
    process.executableURL = notebookExecutable()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = notebookEnvironment()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

/// A copy of the doc-test fixture package with only passing notebooks, plus a three-section
/// notebook for the walkthrough.
func passingPackage() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let root = folder.appendingPathComponent("package")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/NotebookKitTests/Fixtures/DocTestPackage"), to: root)
    try writePassingNotebooks(root)
    return root
}

/// Leaves only the fixture's passing snippets and writes the two notebooks of ``passingPackage()``.
@Sendable private func writePassingNotebooks(_ root: URL) throws {
    for name in ["failing.md", "values.md", "random.md"] {
        try FileManager.default.removeItem(at: root.appendingPathComponent("Notebooks/\(name)"))
    }
    try FileManager.default.removeItem(at: root.appendingPathComponent("Snippets/broken.swift"))
    try """
        # Passing

        @Snippet(path: "LossNotebooks/Snippets/good", slice: "main")

        ```output
        loss = 0.5
        slope = 2.0
        ```

        """.write(to: root.appendingPathComponent("Notebooks/passing.md"), atomically: true, encoding: .utf8)
    try """
        # Walk

        Intro with *emphasis* and `code`.

        ## Second

        @Snippet(path: "LossNotebooks/Snippets/good")

        ## Third

        - one
        - two

        """.write(to: root.appendingPathComponent("Notebooks/walk.md"), atomically: true, encoding: .utf8)
}

/// Copies of a fixture package, each at one path for the whole test run, which tests that build
/// take in turn (``withFixture(_:_:)``). A copy's snippets keep their path and modification
/// times from test to test, so later tests find them built: a fresh copy at a new path compiles
/// every snippet again (its slice markers name the path), about 5 s of processor time. A test
/// takes the copy used last that is free, so a second copy is made and built only when a test
/// would otherwise wait for the first (the fixture's tests then run two at a time instead of
/// one after the other).
actor SharedFixture {
    /// ``passingPackage()``'s package.
    static let passing = SharedFixture(fixture: "Tests/NotebookKitTests/Fixtures/DocTestPackage", name: "package", copies: 2, prepare: writePassingNotebooks)
    /// The ExerciseKit fixture as it is.
    static let exerciseKit = SharedFixture(fixture: "Tests/NotebookCLITests/Fixtures/ExerciseKit", name: "ExerciseKit", copies: 2, prepare: { _ in })

    /// The fixture's folder in this package.
    let fixture: URL
    /// What is done to a fresh copy of the fixture.
    let prepare: @Sendable (URL) throws -> Void
    /// The copies' roots not in use, the one used last at the end.
    private var free: [URL]
    private var waiting: [CheckedContinuation<URL, Never>] = []

    init(fixture: String, name: String, copies: Int, prepare: @escaping @Sendable (URL) throws -> Void) {
        self.fixture = packageRoot.appendingPathComponent(fixture)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-cli-shared-\(UUID().uuidString)")
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
    /// exercise builds (`.build-notebooks`, which holds the cached package manifest too) is replaced, the
    /// fixture's files copied with their modification times (`cp -a`), so no run is cached and
    /// nothing is left from an earlier test, but unchanged snippets need no build.
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

/// Runs `body` with one of `shared`'s copies to itself, put back as a fresh copy would be.
func withFixture<T>(_ shared: SharedFixture, _ body: (URL) async throws -> T) async throws -> T {
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
func copyKeepingTimes(_ file: URL, to copy: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/cp")
    process.arguments = ["-a", file.path, copy.path]
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
}
