import FixtureSupport
import Foundation
import Testing
@testable import NotebookKit
import NotebookRuntime

@Suite("Runner: each snippet in its own process, faults become failed cells")
struct RunnerTests {
    func run(_ body: String, timeout: Double = 20, limit: Int = 1 << 20) throws -> SnippetRun {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let script = try folder.script("snippet", body)
        let runner = SnippetRunner(outputLimit: limit, cache: nil, toolchain: "test")
        return runner.execute(.init(name: "s", executable: script, timeout: timeout))
    }

    @Test("Output, exit status and stderr are captured")
    func basics() throws {
        let ok = try run("echo hello; echo warn >&2")
        #expect(ok.stdout == "hello\n")
        #expect(ok.stderr == "warn\n")
        #expect(ok.outcome == .exited(0))
        #expect(!ok.failed)
        let bad = try run("echo 'index out of range' >&2; exit 3")
        #expect(bad.outcome == .exited(3))
        #expect(bad.failed)
        #expect(bad.failureSummary() == "the snippet exited with status 3")
        #expect(bad.stderr.contains("index out of range"))
    }

    @Test("A trap or crash is a failed cell with its signal")
    func signals() throws {
        let trap = try run("kill -ILL $$")
        #expect(trap.outcome == .signaled(SIGILL))
        #expect(trap.failureSummary()?.contains("SIGILL") == true)
        let segv = try run("kill -SEGV $$")
        #expect(segv.outcome == .signaled(SIGSEGV))
    }

    @Test("A timeout kills the whole process group, children included")
    func timeout() throws {
        let marker = "notebook-timeout-\(UUID().uuidString.prefix(8))"
        let result = try run("sh -c 'exec -a \(marker) sleep 300' & sleep 300", timeout: 0.5)
        #expect(result.outcome == .timedOut(0.5))
        #expect(result.failureSummary() == "the snippet timed out after 0.5 s and was stopped; raise `timeout:` in the front matter (default 60 s)")
        // The background child is gone too.
        let count = try runTool("/bin/sh", ["-c", "ps -eo args | grep -v grep | grep -c \(marker)"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(count == "0")
    }

    @Test("Output beyond the limit is cut, with the full size kept")
    func outputLimit() throws {
        let result = try run("head -c 3000000 /dev/zero | tr '\\\\0' 'x'", limit: 100_000)
        #expect(result.stdoutTruncated)
        #expect(result.stdoutBytes == 3_000_000)
        #expect(result.stdout.utf8.count == 100_000)
        #expect(!result.failed)
    }

    @Test("Events come through the side channel; unreadable lines are skipped")
    func events() throws {
        let event = RuntimeEvent(stdoutOffset: 6, payload: .check(CheckResult(passed: false, claim: "MSE moves most", file: "x.swift", line: 3)))
        let json = String(decoding: try EventEncoder.encode(event), as: UTF8.self)
        let result = try run("echo hello; printf '%s\\n' '\(json)' >> \"$NOTEBOOK_EVENTS\"; echo 'garbage' >> \"$NOTEBOOK_EVENTS\"")
        #expect(result.events == [event])
        #expect(result.failed)
        #expect(result.failureSummary() == "check failed: MSE moves most (x.swift:3)")
    }

    @Test("Snippets run in a scratch folder with a fixed environment")
    func environment() throws {
        let result = try run("pwd; echo \"$HOME|$LANG|$TZ|$PATH\"; echo data > relative.txt; ls")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines[0].hasSuffix("/work"))
        #expect(lines[1].hasSuffix("|C.UTF-8|UTC|/usr/bin:/bin"))
        #expect(lines[2] == "relative.txt")
    }

    @Test("Jobs run in parallel and each result is kept")
    func parallel() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        var jobs: [SnippetRunner.Job] = []
        for i in 0..<6 {
            jobs.append(.init(name: "s\(i)", executable: try folder.script("s\(i)", "echo \(i)"), timeout: 20))
        }
        let results = SnippetRunner(cache: nil, toolchain: "t", parallelism: 3).run(jobs)
        #expect(results.count == 6)
        for i in 0..<6 { #expect(results["s\(i)"]?.run.stdout == "\(i)\n") }
    }
}

@Suite("Runner sandbox")
struct SandboxTests {
    @Test("A snippet cannot write outside its scratch folder; inside it can")
    func confined() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let outside = folder.url.appendingPathComponent("outside.txt").path
        let script = try folder.script("writer", "echo inside > here.txt && cat here.txt; echo escaped > \(outside) || exit 4")
        let runner = SnippetRunner(cache: nil, toolchain: "t")
        #expect(runner.sandbox != nil)
        let run = runner.execute(.init(name: "writer", executable: script, timeout: 20))
        #expect(run.stdout == "inside\n")
        #expect(run.outcome == .exited(4))
        #expect(run.stderr.contains("Permission denied"))
        #expect(run.failureSummary() == "the snippet exited with status 4")
        #expect(!FileManager.default.fileExists(atPath: outside))
    }
}

@Suite("Runner limits")
struct RunnerLimitTests {
    @Test("100 MB printed: cut with a note, the build goes on")
    func hugeOutput() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let script = try folder.script("loud", "head -c 100000000 /dev/zero | tr '\\\\0' 'y'")
        let run = SnippetRunner(cache: nil, toolchain: "t").execute(.init(name: "loud", executable: script, timeout: 60))
        #expect(run.stdoutTruncated)
        #expect(run.stdoutBytes == 100_000_000)
        #expect(run.stdout.utf8.count == 1 << 20)
        #expect(TerminalOutput.notes(run).hasPrefix("[output cut: 100000000 bytes printed, the first 1048576 shown]"))
    }

    @Test("Past the limit, the bytes printed leave out every slice marker, read or not")
    func markersPastTheLimit() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        // 5 markers of 20 bytes around 3 × 400,000 bytes of text; the limit cuts after the second.
        let marker = { (name: String) in "printf '\\001notebook.slice \(name)\\002'" }
        let text = "head -c 400000 /dev/zero | tr '\\\\0' 'z'"
        let script = try folder.script("marked", [marker("one"), text, marker("two"), text, marker("tre"), text, marker("for"), marker("six")].joined(separator: "; "))
        let run = SnippetRunner(outputLimit: 500_000, cache: nil, toolchain: "t").execute(.init(name: "marked", executable: script, timeout: 60))
        #expect(run.stdoutTruncated)
        #expect(run.stdoutBytes == 1_200_000, "\(run.stdoutBytes)")
        #expect(run.stdout.utf8.count == 500_000 - 2 * 20)
        // A marker cut off by the end of the output counts to the end.
        let file = folder.url.appendingPathComponent("cut")
        try Data("ab\u{1}notebook.slice x\u{2}cd\u{1}notebook.sli\u{1}notebook.slice y".utf8).write(to: file)
        #expect(SliceMarkers.markerBytes(in: file) == 18 + 17)
    }

    @Test("Output on stderr only is kept and shown for a failed cell")
    func stderrOnly() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let script = try folder.script("quiet", "echo 'only on stderr' >&2; exit 1")
        let run = SnippetRunner(cache: nil, toolchain: "t").execute(.init(name: "quiet", executable: script, timeout: 20))
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "only on stderr\n")
        #expect(TerminalOutput.notes(run) == "only on stderr\n")
    }
}
