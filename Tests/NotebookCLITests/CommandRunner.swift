import FixtureSupport
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
/// or `environment`, waiting on a thread of its own (``onOwnThread(_:)``).
func runNotebook(_ arguments: [String], in directory: URL = packageRoot, input: String? = nil,
                 environment: [String: String]? = nil) async throws -> (status: Int32, stdout: String, stderr: String) {
    try await onOwnThread { try runNotebookHere(arguments, in: directory, input: input, environment: environment) }
}

/// ``runNotebook(_:in:input:environment:)`` on the calling thread, which waits for it.
func runNotebookHere(_ arguments: [String], in directory: URL = packageRoot, input: String? = nil,
                     environment: [String: String]? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    let result = try runTool(notebookExecutable().path, arguments, input: input.map { Data($0.utf8) }, directory: directory,
                             environment: environment ?? notebookEnvironment())
    return (result.status, result.output, result.stderr)
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

/// Leaves only the fixture's passing snippets and writes two notebooks: one that passes, and a
/// three-section notebook for the walkthrough.
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

extension SharedFixture {
    /// The doc-test fixture package with only passing notebooks, plus a three-section notebook
    /// for the walkthrough (``writePassingNotebooks(_:)``).
    static let passing = SharedFixture(fixture: packageRoot.appendingPathComponent("Tests/NotebookKitTests/Fixtures/DocTestPackage"), name: "package",
                                       copies: 2, prepare: writePassingNotebooks)
    /// The GeometryKit fixture as it is: a package that is not LossNotebooks, with two library
    /// products and no notebooks. One copy: its tests take it in turn, and build its libraries once.
    static let geometryKit = SharedFixture(fixture: packageRoot.appendingPathComponent("Tests/NotebookCLITests/Fixtures/GeometryKit"), name: "GeometryKit", copies: 1)
    /// The ExerciseKit fixture as it is.
    static let exerciseKit = SharedFixture(fixture: packageRoot.appendingPathComponent("Tests/NotebookCLITests/Fixtures/ExerciseKit"), name: "ExerciseKit", copies: 2)
}
