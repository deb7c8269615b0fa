import Foundation
import NotebookRuntime
import Synchronization

/// Runs snippet executables, each in its own process and scratch folder, in parallel, with a
/// time limit and an output limit, using and filling the cache.
public struct SnippetRunner: Sendable {
    /// One snippet to run.
    public struct Job: Sendable {
        /// The snippet's name.
        public var name: String
        /// Its executable.
        public var executable: URL
        /// Seconds before it is stopped.
        public var timeout: Double
        /// What it may use.
        public var limits: SandboxLimits

        /// Creates a job.
        public init(name: String, executable: URL, timeout: Double, limits: SandboxLimits = SandboxLimits()) {
            self.name = name
            self.executable = executable
            self.timeout = timeout
            self.limits = limits
        }
    }

    /// Bytes of stdout and of stderr kept; the rest is cut with a note.
    public var outputLimit: Int
    /// Bytes of events read (figures with millions of points are large).
    public var eventLimit: Int
    /// The cache, or nil to run everything.
    public var cache: RunCache?
    /// Whether to ignore cached results (they are still refreshed).
    public var forceRun: Bool
    /// The toolchain version, part of the cache key.
    public var toolchain: String
    /// How many snippets run at once.
    public var parallelism: Int
    /// The `notebook-sandbox` launcher that confines each snippet (see ``SandboxLimits``).
    public var sandbox: URL?
    /// Folders a snippet may read besides the system's libraries and its own executable's
    /// folder: the package, the Swift toolchain.
    public var readable: [URL] = []

    /// Creates a runner.
    public init(
        outputLimit: Int = 1 << 20, eventLimit: Int = 64 << 20, cache: RunCache?, forceRun: Bool = false,
        toolchain: String, parallelism: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.outputLimit = outputLimit
        self.eventLimit = eventLimit
        self.cache = cache
        self.forceRun = forceRun
        self.toolchain = toolchain
        self.parallelism = max(1, parallelism)
        sandbox = Self.findSandbox()
    }

    /// `notebook-sandbox` next to the running program (SwiftPM builds them side by side), or on the PATH.
    public static func findSandbox() -> URL? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("notebook-sandbox")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return ChildProcess.find("notebook-sandbox").map { URL(fileURLWithPath: $0) }
    }

    /// The environment a snippet gets (its events path is added per run): fixed, so output
    /// does not depend on who runs the build.
    /// Swift's backtracer is turned off: a crash report then comes at once, without symbolication.
    static let baseEnvironment = [
        "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC", "SWIFT_BACKTRACE": "enable=no",
    ]

    /// Which protections `notebook-sandbox` gives on this machine (nil without the launcher).
    public func protections() -> SandboxProtections? {
        guard let sandbox else { return nil }
        let fileManager = FileManager.default
        let folder = fileManager.temporaryDirectory.appendingPathComponent("notebook-probe-\(UUID().uuidString)")
        try? fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        guard (try? ChildProcess.run(sandbox.path, arguments: ["--probe"], environment: Self.baseEnvironment, directory: folder,
                                      stdout: out, stderr: folder.appendingPathComponent("err"), timeout: 10)) != nil,
            let text = try? String(contentsOf: out, encoding: .utf8)
        else { return nil }
        return SandboxProtections(report: text)
    }

    /// Told as each job finishes (n of m).
    public var progress: (@Sendable (ExecutionProgress) -> Void)?

    /// Runs the jobs (in parallel) and returns each result with the reason it ran or was cached.
    public func run(_ jobs: [Job]) -> [String: SnippetResult] {
        guard let progress else { return inParallel(jobs, runOne) }
        let done = Mutex(0)
        return inParallel(jobs) { job in
            let result = runOne(job)
            let count = done.withLock { value -> Int in
                value += 1
                return value
            }
            progress(.finished(snippet: job.name, done: count, total: jobs.count, seconds: result.run.seconds, failed: result.run.failed))
            return result
        }
    }

    /// The cached results of the jobs that have one (none when the cache is off or bypassed),
    /// read in parallel; the others must run.
    public func cachedResults(_ jobs: [Job]) -> [String: SnippetResult] {
        cache?.rememberHashes(of: jobs.map(\.executable))
        guard cache != nil, !forceRun else { return [:] }
        return inParallel(jobs, cachedResult)
    }

    /// `body` for each job, `parallelism` at a time, by job name (nil results left out).
    private func inParallel(_ jobs: [Job], _ body: @Sendable (Job) -> SnippetResult?) -> [String: SnippetResult] {
        let results = Mutex<[String: SnippetResult]>([:])
        let next = Mutex(0)
        let workers = min(parallelism, max(1, jobs.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < jobs.count else { return }
                let job = jobs[index]
                if let result = body(job) { results.withLock { $0[job.name] = result } }
            }
        }
        return results.withLock { $0 }
    }

    func keyParts(_ job: Job) -> RunCache.KeyParts {
        func hash(_ file: URL) -> String {
            cache?.executableHash(file) ?? (try? Data(contentsOf: file)).map { SHA256.hex($0) } ?? "unreadable"
        }
        var executableHash = hash(job.executable)
        // The resource bundles SwiftPM copies beside the executables (`Package_Target.resources`),
        // which a snippet reads through `Bundle.module`: a change to one relinks nothing. Every
        // bundle there counts (a snippet may use any library's); without one the key is the
        // executable's hash alone.
        let bin = job.executable.deletingLastPathComponent()
        let resources = RunCache.resourceFiles(in: bin)
        if !resources.isEmpty {
            var combined = SHA256()
            combined.update(field: executableHash)
            for path in resources { combined.update(field: "\(path)=\(hash(bin.appendingPathComponent(path)))") }
            executableHash = combined.hexDigest()
        }
        var settings = SHA256()
        for (key, value) in Self.baseEnvironment.sorted(by: { $0.key < $1.key }) { settings.update(field: "\(key)=\(value)") }
        settings.update(field: "events=\(RuntimeChannel.environmentKey)")
        settings.update(field: "timeout=\(job.timeout)")
        settings.update(field: "limits=\(outputLimit),\(eventLimit)")
        settings.update(field: "sandbox=\(sandbox == nil ? "none" : "notebook-sandbox-v3")")
        settings.update(field: "limits=\(job.limits.arguments(timeout: job.timeout).joined(separator: " "))")
        for folder in readable { settings.update(field: "read=\(folder.path)") }
        return RunCache.KeyParts(executable: executableHash, toolchain: toolchain, settings: settings.hexDigest())
    }

    /// The job's cached result, if the cache holds one and may be used.
    func cachedResult(_ job: Job) -> SnippetResult? {
        consult(job, keyParts(job)).hit
    }

    /// The cache's answer for a job: its result, or the reason it must run.
    private func consult(_ job: Job, _ parts: RunCache.KeyParts) -> (hit: SnippetResult?, reason: RunReason) {
        guard let cache else { return (nil, .firstRun) }
        guard !forceRun else { return (nil, .forced) }
        switch cache.lookup(name: job.name, parts: parts) {
        case var .hit(cached):
            cached.cacheKey = parts.key
            return (SnippetResult(run: cached, reason: .cached), .cached)
        case let .miss(why):
            return (nil, why)
        }
    }

    func runOne(_ job: Job) -> SnippetResult {
        let parts = keyParts(job)
        let (hit, reason) = consult(job, parts)
        if let hit { return hit }
        var run = execute(job)
        if let cache {
            cache.store(run, parts: parts)
            if run.isReproducible { run.cacheKey = parts.key }
        }
        return SnippetResult(run: run, reason: reason)
    }

    /// Runs one job in a fresh scratch folder and reads what it wrote.
    func execute(_ job: Job) -> SnippetRun {
        let fileManager = FileManager.default
        let scratch = fileManager.temporaryDirectory.appendingPathComponent("notebook-run-\(UUID().uuidString)")
        let work = scratch.appendingPathComponent("work")
        defer { try? fileManager.removeItem(at: scratch) }
        let stdoutFile = scratch.appendingPathComponent("stdout")
        let stderrFile = scratch.appendingPathComponent("stderr")
        let eventsFile = scratch.appendingPathComponent("events.jsonl")
        var environment = Self.baseEnvironment
        environment["HOME"] = work.path
        environment["TMPDIR"] = work.path
        environment[RuntimeChannel.environmentKey] = eventsFile.path
        do {
            try fileManager.createDirectory(at: work, withIntermediateDirectories: true)
            // The snippet writes only in `work` and into the events file, which it cannot replace:
            // its standard streams and events are read back from a folder it cannot change.
            guard fileManager.createFile(atPath: eventsFile.path, contents: nil) else {
                throw NotebookError(file: job.executable.lastPathComponent, line: nil, "cannot run: cannot create \(eventsFile.path)")
            }
            guard let sandbox else {
                throw NotebookError(file: job.executable.lastPathComponent, line: nil,
                                    "cannot run: notebook-sandbox, which confines a snippet's writes, is not next to this program or on the PATH")
            }
            // The sandbox confines reads, writes, network, processes and resources (SandboxLimits).
            let report = scratch.appendingPathComponent("sandbox-report")
            let reads = (readable + [job.executable.deletingLastPathComponent()]).flatMap { ["--read", $0.path] }
            let timeout = ["--timeout", String(Int(job.timeout.rounded(.up)) + 1), "--write", eventsFile.path]
            let (outcome, seconds) = try ChildProcess.run(
                sandbox.path, arguments: ["--report", report.path] + reads + timeout + job.limits.arguments(timeout: job.timeout) + [work.path, job.executable.path],
                environment: environment, directory: work, stdout: stdoutFile, stderr: stderrFile, timeout: job.timeout)
            let (marked, markedBytes) = Self.read(stdoutFile, limit: outputLimit)
            let (stdout, marks, removed) = SliceMarkers.strip(marked)
            // Past the limit, markers are counted in the whole file, not only the part read.
            let stdoutBytes = markedBytes - (markedBytes > outputLimit ? SliceMarkers.markerBytes(in: stdoutFile) : removed.reduce(0) { $0 + $1.count })
            let (stderr, _) = Self.read(stderrFile, limit: outputLimit)
            let eventBytes = Self.size(eventsFile)
            var events: [RuntimeEvent] = []
            var unreadable = 0
            if eventBytes <= eventLimit, let data = try? Data(contentsOf: eventsFile) {
                (events, unreadable) = RuntimeChannel.readEvents(data)
            }
            if !removed.isEmpty {
                for index in events.indices { events[index].stdoutOffset = SliceMarkers.cleanOffset(events[index].stdoutOffset, removed: removed) }
            }
            var errorText = StackTrace.stable(stderr)
            if unreadable > 0 {
                errorText += "\n[notebook: \(unreadable) of the snippet's figures, tables, checks or records could not be read; was it built against another version of NotebookRuntime?]"
            }
            if eventBytes > eventLimit {
                errorText += "\n[notebook: the snippet's figures, tables and checks took \(eventBytes) bytes, over the limit of \(eventLimit); they were not read]"
            }
            var run = SnippetRun(
                name: job.name, stdout: stdout, stdoutTruncated: markedBytes > outputLimit, stdoutBytes: stdoutBytes,
                stderr: errorText, events: events, outcome: outcome, seconds: seconds, buildErrors: [])
            run.sliceMarks = marks.isEmpty ? nil : marks
            let sandboxReport = SandboxReport((try? String(contentsOf: report, encoding: .utf8)) ?? "")
            // A launcher killed at the time limit could not read or remove its cgroups: do it here.
            let hits = sandboxReport.limitsHit + (outcome.isTimeout ? sandboxReport.cgroupLimitsHit() : [])
            sandboxReport.removeCgroups()
            if !outcome.succeeded {
                run.limitExceeded = SandboxVerdict.limit(outcome: outcome, stderr: stderr, hits: hits, limits: job.limits, timeout: job.timeout)
                if run.limitExceeded == nil, SandboxVerdict.deniedAccess(stderr) {
                    run.stderr += (run.stderr.hasSuffix("\n") || run.stderr.isEmpty ? "" : "\n") + SandboxVerdict.accessNote
                }
            }
            return run
        } catch {
            return SnippetRun(
                name: job.name, stdout: "", stdoutTruncated: false, stdoutBytes: 0, stderr: "\(error)",
                events: [], outcome: .exited(127), seconds: 0, buildErrors: [])
        }
    }

    static func size(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Up to `limit` bytes of a file as text (invalid UTF-8 replaced), and the file's full size.
    static func read(_ url: URL, limit: Int) -> (String, Int) {
        let total = size(url)
        guard let handle = try? FileHandle(forReadingFrom: url) else { return ("", 0) }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limit)) ?? nil
        return (String(decoding: data ?? Data(), as: UTF8.self), total)
    }
}
