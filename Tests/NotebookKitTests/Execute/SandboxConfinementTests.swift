import Foundation
import Testing
@testable import NotebookKit

/// What a snippet may read, use and reach, each promise tried by a snippet that breaks it.
@Suite("Sandbox: reads, descendants, limits, network")
struct SandboxConfinementTests {
    let runner = SnippetRunner(cache: nil, toolchain: "t")

    /// Whether this machine can hold a fork bomb (a pids cgroup or RLIMIT_NPROC, and a PID
    /// namespace): the fork-bomb test is not tried where it cannot (it would take the machine).
    static let canLimitProcesses: Bool = {
        guard let missing = SnippetRunner(cache: nil, toolchain: "t").protections()?.missing else { return false }
        return !missing.contains { $0.hasPrefix("processes") || $0.hasPrefix("descendants") }
    }()

    /// Runs a shell script as a snippet with `limits`.
    func run(_ body: String, limits: SandboxLimits = SandboxLimits(), timeout: Double = 20, in folder: TemporaryFolder) throws -> SnippetRun {
        let script = try folder.script("snippet-\(UUID().uuidString)", body)
        return runner.execute(.init(name: "s", executable: script, timeout: timeout, limits: limits))
    }

    /// Whether any process's command line mentions `marker`.
    func running(_ marker: String) -> Bool {
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return processes.contains { pid in
            guard Int(pid) != nil, let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: data, as: UTF8.self).contains(marker)
        }
    }

    @Test("At its CPU limit a snippet gets SIGXCPU, which names the limit, not a SIGKILL that reads as a kill from outside")
    func cpuLimit() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let sandbox = try #require(runner.sandbox, "notebook-sandbox is built beside the tests")
        let script = try folder.script("spin", "while :; do :; done")
        let work = folder.url.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let (outcome, seconds) = try ChildProcess.run(
            sandbox.path, arguments: ["--read", folder.url.path, "--cpu", "1", "--timeout", "20", work.path, script.path],
            environment: SnippetRunner.baseEnvironment, directory: folder.url,
            stdout: folder.url.appendingPathComponent("out"), stderr: folder.url.appendingPathComponent("err"), timeout: 30)
        #expect(outcome == .signaled(SIGXCPU), "\(outcome)")
        #expect(seconds < 15)
        let verdict = SandboxVerdict.limit(outcome: outcome, stderr: "", hits: [], limits: SandboxLimits(), timeout: 1)
        #expect(verdict?.contains("CPU time limit") == true, "\(verdict ?? "no verdict")")
    }

    @Test("A file outside the package, the toolchain and the system cannot be read; the cell says why")
    func reads() throws {
        let folder = TemporaryFolder(), secrets = TemporaryFolder()
        defer { folder.remove(); secrets.remove() }
        try secrets.write("secret.txt", "the exam answers\n")
        let run = try self.run("cat \(secrets.url.path)/secret.txt", in: folder)
        #expect(!run.stdout.contains("exam answers"))
        #expect(run.failed && run.stderr.contains("Permission denied"))
        #expect(run.stderr.contains("[notebook: the sandbox lets a snippet read only its package, the Swift toolchain and the system's libraries"))
        // A folder the runner names is readable, as are system files.
        var reader = runner
        reader.readable = [secrets.url]
        let allowed = reader.execute(.init(name: "s", executable: try folder.script("reader", "cat \(secrets.url.path)/secret.txt && head -c 1 /usr/bin/env > /dev/null"), timeout: 20))
        #expect(allowed.stdout == "the exam answers\n" && !allowed.failed)
    }

    @Test("The snippet cannot swap its output files for links, nor read what its caller had open")
    func outputFiles() throws {
        let folder = TemporaryFolder(), secrets = TemporaryFolder()
        defer { folder.remove(); secrets.remove() }
        try secrets.write("secret.txt", "the exam answers\n")
        let secret = "\(secrets.url.path)/secret.txt"
        let inherited = open(secret, O_RDONLY)  // not close-on-exec: a careless caller's descriptor
        defer { close(inherited) }
        let run = try self.run("""
            ln -sf \(secret) ../stdout 2>/dev/null; ln -sf \(secret) "$NOTEBOOK_EVENTS" 2>/dev/null
            /bin/bash -c 'cat <&\(inherited)' 2>/dev/null || echo "no descriptor"
            echo done
            """, in: folder)
        #expect(run.stdout == "no descriptor\ndone\n", "\(run.stdout) \(run.outcome) \(run.stderr)")
        #expect(!run.stdout.contains("exam answers") && !run.stderr.contains("exam answers"))
    }

    @Test("Descendants end with the snippet, even in a session of their own")
    func descendants() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let script = try folder.script("escaper-\(UUID().uuidString)", #"if [ "$1" = child ]; then exec sleep 300; fi; setsid sh "$0" child & echo started"#)
        let run = runner.execute(.init(name: "s", executable: script, timeout: 20))
        #expect(run.stdout == "started\n" && !run.failed)
        #expect(eventually(within: 2.5) { !running(script.lastPathComponent) }, "a process of the snippet is still running")
    }

    @Test("Allocating past the memory limit fails the cell, naming the limit",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "needs /usr/bin/python3 to allocate"))
    func memory() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let run = try self.run("exec /usr/bin/python3 -c 'b = bytearray(600 * 1024 * 1024)'", limits: SandboxLimits(memory: 256 << 20), in: folder)
        #expect(run.failed)
        #expect(run.failureSummary() == "the snippet exceeded the 256 MiB memory limit; raise it with `memory:` in the front matter", "\(run.stderr)")
        // Under the default limit the same allocation succeeds.
        #expect(!(try self.run("exec /usr/bin/python3 -c 'b = bytearray(600 * 1024 * 1024)'", in: folder)).failed)
    }

    @Test("A fork bomb hits the process limit, and nothing of it is left running",
          .enabled(if: SandboxConfinementTests.canLimitProcesses, "this machine cannot limit a snippet's processes"))
    func forkBomb() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let marker = "bomb-\(UUID().uuidString)"
        let script = try folder.script(marker, "f() { f | f & }; f; sleep 30")
        let run = runner.execute(.init(name: "s", executable: script, timeout: 3, limits: SandboxLimits(processes: 16)))
        #expect(run.failed)
        #expect(run.failureSummary() == "the snippet exceeded the 16 processes limit; raise it with `processes:` in the front matter", "\(run.outcome) \(run.stderr.prefix(300))")
        #expect(eventually(within: 5) { !running(marker) }, "processes of the fork bomb are still running")
    }

    @Test("Writing a file past the size limit fails the cell, naming the limit")
    func fileSize() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let run = try self.run("exec head -c 5000000 /dev/zero > big.bin", limits: SandboxLimits(fileSize: 1 << 20), in: folder)
        #expect(run.outcome == .signaled(SIGXFSZ))
        #expect(run.failureSummary() == "the snippet exceeded the 1 MiB limit on the size of a file it writes; raise it with `output-files:` in the front matter")
    }

    @Test("No network unless the notebook allows it: a server on 127.0.0.1 is not reached")
    func network() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let server = try LoopbackServer()
        defer { server.close() }
        let connect = "exec /bin/bash -c 'exec 3<>/dev/tcp/127.0.0.1/\(server.port) && echo connected'"
        let denied = try run(connect, in: folder)
        #expect(denied.failed && !denied.stdout.contains("connected"))
        #expect(denied.stderr.contains("the sandbox lets a snippet"))
        let allowed = try run(connect, limits: SandboxLimits(network: true), in: folder)
        #expect(allowed.stdout == "connected\n", "\(allowed.stderr)")
    }

    @Test("Sizes in the front matter and in messages")
    func sizes() {
        #expect(SandboxLimits.parseSize("512 MiB") == 512 << 20)
        #expect(SandboxLimits.parseSize("4GiB") == 4 << 30)
        #expect(SandboxLimits.parseSize("1.5 GiB") == 3 << 29)
        #expect(SandboxLimits.parseSize("1048576") == 1 << 20)
        for bad in ["", "GiB", "2 GB", "-1 MiB", "0", "1e30 TiB"] { #expect(SandboxLimits.parseSize(bad) == nil, "\(bad)") }
        #expect(SandboxLimits.size(2 << 30) == "2 GiB")
        #expect(SandboxLimits.size(3 << 29) == "1.5 GiB")
        #expect(SandboxLimits.size(100) == "100 bytes")
        #expect(SandboxLimits.union([SandboxLimits(memory: 1 << 30), SandboxLimits(processes: 512, network: true)])
            == SandboxLimits(memory: 2 << 30, processes: 512, network: true))
    }

    @Test("--strict-sandbox refuses to run snippets when a protection is missing")
    func strict() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let project = Project(root: folder.url)
        var bare = SnippetRunner(cache: nil, toolchain: "t")
        bare.sandbox = nil
        let lenient = ExecutionService(project: project)
        #expect(try lenient.sandboxCheck(bare) == ["sandbox: notebook-sandbox is not next to this program or on the PATH"])
        let strict = ExecutionService(project: project, settings: .init(strictSandbox: true))
        #expect(throws: NotebookError.self) { try strict.sandboxCheck(bare) }
        if runner.protections()?.missing.isEmpty == true {
            #expect(try strict.sandboxCheck(runner).isEmpty, "every protection is here, so strict mode runs")
        }
    }

    @Test("The probe's report names each missing protection with its reason")
    func protections() {
        let report = """
            protection landlock-files on
            protection network off neither a network namespace nor Landlock ABI 4 is available
            protection processes off running as root without a writable pids cgroup
            protection network off allowed by the notebook
            """
        #expect(SandboxProtections(report: report).missing == [
            "network: neither a network namespace nor Landlock ABI 4 is available",
            "processes: running as root without a writable pids cgroup",
        ])
        #expect(runner.protections() != nil, "notebook-sandbox --probe answers")
    }
}

/// A TCP listener on 127.0.0.1 and a free port, for the network test.
struct LoopbackServer {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socketDescriptor, 8) == 0 else { throw CocoaError(.fileWriteUnknown) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketDescriptor, $0, &length) }
        }
        descriptor = socketDescriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
