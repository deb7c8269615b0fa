import Foundation
import Testing
@testable import NotebookKit

@Suite("Child processes: exact environment, own group, time limit")
struct ChildProcessTests {
    func run(_ body: String, environment: [String: String] = ["PATH": "/usr/bin:/bin"], timeout: Double = 20) throws
        -> (outcome: ProcessOutcome, stdout: String, stderr: String, seconds: Double, folder: TemporaryFolder)
    {
        let folder = TemporaryFolder()
        let script = try folder.script("s.sh", body)
        let out = folder.url.appendingPathComponent("out"), err = folder.url.appendingPathComponent("err")
        let (outcome, seconds) = try ChildProcess.run(script.path, arguments: ["a b", "c"], environment: environment, directory: folder.url,
                                                      stdout: out, stderr: err, timeout: timeout)
        return (outcome, folder.read("out") ?? "", folder.read("err") ?? "", seconds, folder)
    }

    @Test("Arguments, the exact environment, the working folder, stdout and stderr reach their places")
    func io() throws {
        let result = try run(#"printf '%s|' "$1" "$2" "$FOO" "$HOME" "$(pwd)"; echo oops >&2; exit 0"#, environment: ["PATH": "/usr/bin:/bin", "FOO": "bar"])
        defer { result.folder.remove() }
        #expect(result.outcome == .exited(0))
        #expect(result.stdout == "a b|c|bar||\(result.folder.url.resolvingSymlinksInPath().path)|")
        #expect(result.stderr == "oops\n")
    }

    @Test("Exit status and signals are reported as such")
    func endings() throws {
        let exited = try run("exit 3")
        defer { exited.folder.remove() }
        #expect(exited.outcome == .exited(3) && !exited.outcome.succeeded)
        let killed = try run("kill -SEGV $$")
        defer { killed.folder.remove() }
        #expect(killed.outcome == .signaled(SIGSEGV))
        #expect(killed.outcome.description.contains("SIGSEGV: a memory fault"))
    }

    @Test("At the time limit the whole group is killed, a child that outlives the parent included")
    func timeout() throws {
        let result = try run("sh -c 'echo $$ > child.pid; exec sleep 30' & sleep 30", timeout: 1)
        defer { result.folder.remove() }
        #expect(result.outcome == .timedOut(1) && result.outcome.isTimeout)
        #expect(result.seconds < 10)
        let pid = try #require(result.folder.read("child.pid").flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        // Gone (or a zombie waiting for init to reap it): no longer running.
        let gone = eventually(within: 2.5) {
            let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
            return state == nil || state == "Z"
        }
        #expect(gone, "the child \(pid) still runs")
    }

    @Test("A program that cannot start is an error naming it; PATH lookup finds programs")
    func missing() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        #expect(throws: NotebookError.self) {
            try ChildProcess.run("/no/such/program", arguments: [], environment: [:], directory: folder.url,
                                 stdout: folder.url.appendingPathComponent("o"), stderr: folder.url.appendingPathComponent("e"), timeout: 5)
        }
        #expect(ChildProcess.find("sh", path: "/nowhere:/bin") == "/bin/sh")
        #expect(ChildProcess.find("no-such-program-xyz", path: "/bin:/usr/bin") == nil)
    }
}
