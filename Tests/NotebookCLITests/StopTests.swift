import Foundation
import Testing

/// A stopped tool takes what it started along: its children run in process groups of their
/// own, which a terminal's Ctrl-C does not reach.
@Suite("Stopping notebook stops its children")
struct StopTests {
    @Test("A kill while a snippet runs ends notebook by that signal and kills the snippet, which only notebook's time limit would have stopped")
    func interruptedRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-stop-\(UUID().uuidString)")
        let root = folder.appendingPathComponent("GeometryKit")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/NotebookCLITests/Fixtures/GeometryKit"), to: root)
        #expect(try runNotebook(["init"], in: root).status == 0)
        // The snippet prints, then spins: its sandbox's processor limit is a minute or more.
        let snippet = root.appendingPathComponent("Snippets/first_snippet.swift")
        try (String(contentsOf: snippet, encoding: .utf8) + "var spins = 0\nwhile spins >= 0 { spins = (spins + 1) % 1_000 }\n")
            .write(to: snippet, atomically: true, encoding: .utf8)

        let build = Process()
        build.executableURL = notebookExecutable()
        build.arguments = ["build"]
        build.currentDirectoryURL = root
        build.environment = notebookEnvironment()
        build.standardOutput = FileHandle.nullDevice
        build.standardError = FileHandle.nullDevice
        try build.run()
        defer { if build.isRunning { kill(build.processIdentifier, SIGKILL) } }
        #expect(within(120) { descendants(of: build.processIdentifier).contains { command($0) == "first_snippet" } },
                "the snippet did not start: \(descendants(of: build.processIdentifier).map(command))")
        let started = descendants(of: build.processIdentifier)

        // SIGTERM: a shell may start a command with SIGINT ignored, which notebook then keeps.
        kill(build.processIdentifier, SIGTERM)
        #expect(within(20) { !build.isRunning }, "notebook did not stop")
        #expect(build.terminationReason == .uncaughtSignal && build.terminationStatus == SIGTERM)
        #expect(within(20) { started.allSatisfy { !running($0) } },
                "still running after the stop: \(started.filter(running).map(command))")
        for pid in started where running(pid) { kill(pid, SIGKILL) }
    }
}
