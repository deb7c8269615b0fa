import FixtureSupport
import Foundation
import Testing

/// A stopped tool takes what it started along: its children run in process groups of their
/// own, which a terminal's Ctrl-C does not reach.
@Suite("Stopping notebook stops its children")
struct StopTests {
    /// Runs `body` with `notebook build` started on the GeometryKit fixture with `notebook
    /// init`'s notebook and snippet (made to spin once it has printed: its sandbox's processor
    /// limit is a minute or more) running, and every process below the build then; kills the
    /// build if it is left running.
    func withSpinningSnippet(_ body: (Process, [Int32]) throws -> Void) async throws {
        try await withFixture(.geometryKit) { root in
            #expect(try await runNotebook(["init"], in: root).status == 0)
            let snippet = root.appendingPathComponent("Snippets/first_snippet.swift")
            try (String(contentsOf: snippet, encoding: .utf8) + "var spins = 0\nwhile spins >= 0 { spins = (spins + 1) % 1_000 }\n")
                .write(to: snippet, atomically: true, encoding: .utf8)
            let (build, started) = try startBuild(in: root, until: { command($0) == "first_snippet" }, "the snippet")
            defer { if build.isRunning { kill(build.processIdentifier, SIGKILL) } }
            try body(build, started)
        }
    }

    /// Starts `notebook build` in `root` and waits until a process below it is `awaited`; returns
    /// the build and every process below it then.
    func startBuild(in root: URL, until awaited: @escaping (Int32) -> Bool, _ what: String) throws -> (Process, [Int32]) {
        let build = try startNotebook(["build"], in: root)
        #expect(within(120) { descendants(of: build.processIdentifier).contains(where: awaited) },
                "\(what) did not start: \(descendants(of: build.processIdentifier).map(command))")
        return (build, descendants(of: build.processIdentifier))
    }

    /// Sends `build` SIGTERM and expects it to end by that signal within 20 s. Whether it runs
    /// is read from `/proc` (a zombie has ended), not from Foundation, whose record of the end
    /// comes from a queue of its own that a loaded machine may run late; how it ended is read
    /// once Foundation has it (Foundation traps on reading how a running process ended).
    func expectStoppedByTERM(_ build: Process) {
        let pid = build.processIdentifier
        kill(pid, SIGTERM)
        let stopped = within(20) { !running(pid) }
        #expect(stopped, "notebook did not stop; its threads:\n\(signalState(pid))")
        guard stopped else { return }
        #expect(within(60) { !build.isRunning }, "Foundation did not see notebook end")
        #expect(!build.isRunning && build.terminationReason == .uncaughtSignal && build.terminationStatus == SIGTERM, "ended by SIGTERM")
    }

    /// Expects every process of `started` to have ended within `seconds`, and kills any that has not.
    func expectEnded(_ started: [Int32], within seconds: Double) {
        #expect(within(seconds) { started.allSatisfy { !running($0) } },
                "still running after the stop: \(started.filter(running).map(command))")
        for pid in started where running(pid) { kill(pid, SIGKILL) }
    }

    @Test("A notebook killed outright (SIGKILL, which no handler sees) leaves no snippet running: the sandbox dies with it")
    func killedOutright() async throws {
        try await withSpinningSnippet { build, started in
            kill(build.processIdentifier, SIGKILL)
            // Without the launcher's parent-death signal the snippet ran on to the launcher's own
            // alarm, a second past the 60 s time limit.
            expectEnded(started, within: 10)
        }
    }

    @Test("A kill during the snippet build also stops SwiftPM's compiler jobs, which run in process groups of their own")
    func interruptedBuild() async throws {
        try await withFixture(.geometryKit) { root in
            #expect(try await runNotebook(["init"], in: root).status == 0)
            // A snippet of 30,000 lines keeps the compiler busy for well over ten seconds.
            let lines = (0..<30_000).map { "let v\($0) = Double(\($0)) * 2.5 + Double(\($0 % 7))" }
            try (["import Shapes"] + lines + ["print(v29999)"]).joined(separator: "\n")
                .write(to: root.appendingPathComponent("Snippets/big.swift"), atomically: true, encoding: .utf8)
            // The compiler on big.swift (after the package's own modules, when an earlier test has not built them).
            func compilingBig(_ pid: Int32) -> Bool {
                command(pid) == "swift-frontend" && (FileManager.default.contents(atPath: "/proc/\(pid)/cmdline").map { String(decoding: $0, as: UTF8.self).contains("Snippets/big.swift") } ?? false)
            }
            let (build, started) = try startBuild(in: root, until: compilingBig, "the compiler on big.swift")
            defer { if build.isRunning { kill(build.processIdentifier, SIGKILL) } }
            // Stopped once the compiler is at work, not as it starts: SwiftPM's cancel reaches a
            // compiler through the compiler driver, which may not know of a frontend it has just
            // started (on a loaded machine, CI twice left one compiling on when the kill came at
            // once). The compile still has well over ten seconds to go.
            let compiler = try #require(started.first(where: compilingBig))
            #expect(within(60) { (processorSeconds(compiler) ?? 0) >= 0.5 }, "the compiler did not get to work")

            expectStoppedByTERM(build)
            // SIGKILL to SwiftPM's group left swiftc and swift-frontend compiling for the rest of
            // their job; SIGINT makes SwiftPM cancel them.
            expectEnded(started, within: 10)
        }
    }

    @Test("A kill while a snippet runs ends notebook by that signal and kills the snippet, which only notebook's time limit would have stopped")
    func interruptedRun() async throws {
        try await withSpinningSnippet { build, started in
            // SIGTERM: a shell may start a command with SIGINT ignored, which notebook then keeps.
            expectStoppedByTERM(build)
            expectEnded(started, within: 20)
        }
    }
}
