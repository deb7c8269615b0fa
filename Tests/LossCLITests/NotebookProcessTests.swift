import Foundation
import Testing

/// Runs the built `notebook` executable (a dependency of this test target, so `swift test`
/// builds it next to the test bundle).
func runNotebook(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    var candidate = directory
    // The test bundle may sit one or more folders below the products folder.
    while !FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("notebook").path),
        candidate.pathComponents.count > 1
    {
        candidate.deleteLastPathComponent()
    }
    let executable = candidate.appendingPathComponent("notebook")
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

@Suite("The notebook executable")
struct NotebookProcessTests {
    @Test("notebook loss prints the loss and gradient, exit 0")
    func success() throws {
        let result = try runNotebook(["loss", "huber", "--y-true", "[[0,1],[0,0]]", "--y-pred", "[[0.6,0.4],[0.4,0.6]]", "--json"])
        #expect(result.status == 0)
        #expect(result.stdout == "{\"loss\": 0.155, \"gradient\": [[0.15, -0.15], [0.1, 0.15]]}\n")
        #expect(result.stderr.isEmpty)
    }

    @Test("A bad name, bad JSON or bad option: one line on stderr, exit 2", arguments: [
        ["loss", "hubr", "--y-true", "[1]", "--y-pred", "[1]"],
        ["loss", "mse", "--y-true", "[1", "--y-pred", "[1]"],
        ["loss", "mse", "--y-true", "[1]", "--y-pred", "[1]", "--bogus"],
        ["loss", "mse", "--y-true", "[1]"],
        ["loss", "mse", "--y-true", "[1]", "--y-pred", "[1]", "--reduction", "average"],
        ["loss", "huber", "--y-true", "[1]", "--y-pred", "[1]", "--delta", "abc"],
        ["frobnicate"],
    ])
    func usageErrors(arguments: [String]) throws {
        let result = try runNotebook(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("notebook: "))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
    }

    @Test("--help exits 0")
    func help() throws {
        let result = try runNotebook(["loss", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("kl-divergence"))
    }
}
