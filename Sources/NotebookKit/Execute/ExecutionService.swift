import Foundation

/// The one service that starts processes: it builds snippets with SwiftPM, runs them in the
/// sandbox, keeps their results in the run cache, and reads the package's manifest.
///
/// It is the only place that knows where the tool keeps its files in a package: snippets are
/// built into `.build-notebooks` (never `.build`, which `swift test` holds locked) and results,
/// rendered pages and the build lock live in `.notebook-cache`.
public struct ExecutionService: Sendable {
    /// Where to build and cache, and whether to use cached results.
    public struct Settings: Sendable {
        /// Run every snippet even if a cached result exists (results are still stored).
        public var noCache: Bool
        /// SwiftPM's scratch path for snippets; nil means `.build-notebooks` in the package.
        public var scratch: URL?
        /// The cache folder; nil means `.notebook-cache` in the package.
        public var cacheFolder: URL?
        /// Refuse to run snippets when the sandbox cannot give every protection here.
        public var strictSandbox: Bool
        /// Told what the service is doing: compiling, which snippet ran, n of m.
        public var progress: (@Sendable (ExecutionProgress) -> Void)?
        /// The compiler's module cache, shared by the snippet and exercise builds; nil means the
        /// folder `NOTEBOOK_MODULE_CACHE` names, else `module-cache` in the scratch folder.
        public var moduleCache: URL?

        /// Creates settings.
        public init(noCache: Bool = false, scratch: URL? = nil, cacheFolder: URL? = nil, strictSandbox: Bool = false,
                    moduleCache: URL? = nil, progress: (@Sendable (ExecutionProgress) -> Void)? = nil) {
            self.noCache = noCache
            self.moduleCache = moduleCache
            self.scratch = scratch
            self.cacheFolder = cacheFolder
            self.strictSandbox = strictSandbox
            self.progress = progress
        }
    }

    /// The package.
    public let project: Project
    /// SwiftPM's scratch path for snippets.
    public let scratch: URL
    /// The cache folder: run results, rendered pages, the package manifest, the build lock.
    public let cacheFolder: URL
    /// Whether cached results are ignored.
    public let noCache: Bool
    /// Whether a missing sandbox protection stops the run.
    public let strictSandbox: Bool
    /// The compiler's module cache: the system's and Foundation's modules, compiled once and
    /// shared by the snippet build, the exercise build and any other package naming the folder.
    public let moduleCache: URL
    /// Told what the service is doing.
    let progress: (@Sendable (ExecutionProgress) -> Void)?

    /// The default scratch folder's name, in the package.
    public static let scratchFolderName = ".build-notebooks"
    /// The default cache folder's name, in the package.
    public static let cacheFolderName = ".notebook-cache"

    /// The service for `project`.
    public init(project: Project, settings: Settings = Settings()) {
        self.project = project
        scratch = settings.scratch ?? project.root.appendingPathComponent(Self.scratchFolderName)
        cacheFolder = settings.cacheFolder ?? project.root.appendingPathComponent(Self.cacheFolderName)
        noCache = settings.noCache
        strictSandbox = settings.strictSandbox
        progress = settings.progress
        let named = ProcessInfo.processInfo.environment["NOTEBOOK_MODULE_CACHE"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        moduleCache = settings.moduleCache ?? named ?? scratch.appendingPathComponent("module-cache")
    }

    /// A builder of this package's snippets into the scratch folder, with the module cache.
    /// - Throws: ``NotebookError`` when `swift` is not on the PATH.
    func snippetBuilder() throws(NotebookError) -> SnippetBuilder {
        var builder = try SnippetBuilder(root: project.root, scratch: scratch)
        builder.moduleCache = moduleCache
        builder.reusesFailedBuild = !noCache
        return builder
    }

    /// A runner for this package: its cache, and the folders a snippet may read (the package,
    /// the snippets' build folder, the Swift toolchain).
    func runner(builder: SnippetBuilder, cached: Bool) -> SnippetRunner {
        var runner = SnippetRunner(cache: cached ? RunCache(folder: cacheFolder) : nil, forceRun: noCache, toolchain: builder.toolchainVersion())
        runner.readable = [project.root, scratch, builder.toolchainRoot]
        return runner
    }

    /// The protections missing on this machine, each with its reason, checked once per run of
    /// snippets. With `strictSandbox`, any missing protection is an error instead.
    func sandboxCheck(_ runner: SnippetRunner) throws(NotebookError) -> [String] {
        let missing = runner.protections()?.missing ?? ["sandbox: notebook-sandbox is not next to this program or on the PATH"]
        if strictSandbox, !missing.isEmpty {
            throw NotebookError(file: "notebook-sandbox", line: nil, "--strict-sandbox: not every protection is available here, so no snippet runs: \(missing.joined(separator: "; "))")
        }
        return missing
    }

    /// The folder of rendered pages kept between builds.
    public var pageCacheFolder: URL { cacheFolder.appendingPathComponent("pages") }

    /// The folders a site must never be written into (the service's own).
    public var ownFolders: [URL] { [scratch, cacheFolder] }

    /// Takes the package's build lock, or throws at once when another build holds it.
    public func lock() throws(NotebookError) -> BuildLock {
        try BuildLock(folder: cacheFolder)
    }

    /// Takes the lock on the shadow package that the snippet build and the exercise build share
    /// (`build.lock` in the scratch folder), waiting for another process that builds or runs
    /// from it (`notebook exercise watch` and `notebook build` at once, say), so neither writes
    /// the other's files while it builds, nor relinks an executable the other is about to run.
    func shadowLock() throws(NotebookError) -> BuildLock {
        try BuildLock(folder: scratch, waiting: true)
    }

    /// The package's name and products, from `swift package dump-package`, cached in the scratch
    /// folder by the bytes of `Package.swift` and the toolchain (so only the first call after a
    /// change starts SwiftPM, whichever run cache a build uses).
    /// - Throws: ``NotebookError`` when the manifest cannot be read.
    public func packageManifest() throws(NotebookError) -> PackageManifest {
        let builder = try snippetBuilder()
        guard FileManager.default.isReadableFile(atPath: project.root.appendingPathComponent("Package.swift").path) else {
            throw NotebookError(file: "Package.swift", line: nil, "cannot be read")
        }
        let manifests = SourceFingerprint.manifests(in: project.root)
        var hash = SHA256()
        hash.update(field: "package-manifest-v2")
        // Local dependencies are described by absolute paths: a scratch folder that another
        // package uses, or that moved with a copied course, asks again.
        hash.update(field: project.root.standardizedFileURL.path)
        for name in manifests {
            hash.update(field: name)
            hash.update(field: (try? Data(contentsOf: project.root.appendingPathComponent(name))).map { SHA256.hex($0) } ?? "unreadable")
        }
        hash.update(field: builder.toolchainVersion())
        let entry = scratch.appendingPathComponent("package-manifests/\(hash.hexDigest()).json")
        if let data = try? Data(contentsOf: entry), let cached = try? JSONDecoder().decode(PackageManifest.self, from: data) {
            return cached
        }
        let dump = try builder.invoke(["package", "--scratch-path", scratch.path, "dump-package"])
        guard dump.ok else {
            if let first = SnippetBuilder.errors(in: dump.output, root: project.root).first {
                throw NotebookError(file: SnippetBuilder.relative(first.file, root: project.root), line: first.line,
                                    "the package manifest does not compile: \(first.message)")
            }
            let tail = dump.output.split(separator: "\n").suffix(3).joined(separator: " | ")
            throw NotebookError(file: "Package.swift", line: nil, "swift package dump-package failed: \(tail)")
        }
        let result = try PackageManifest(dumpPackageJSON: Data(dump.stdout.utf8))
        try? FileManager.default.createDirectory(at: entry.deletingLastPathComponent(), withIntermediateDirectories: true)
        if let data = try? JSONEncoder().encode(result) { try? data.write(to: entry, options: .atomic) }
        return result
    }

    /// The hints each exercise's student has seen (`notebook exercise check` shows the next one
    /// on a failure).
    public var exerciseStateFile: URL { cacheFolder.appendingPathComponent("exercises/hints-seen.json") }

    /// Builds the workbook's snippets (or those named in `only`) and runs each (from the cache when allowed); with
    /// `repeats` > 1, runs each that many times without the cache, for determinism checks.
    /// Those in `cachedOnly` are never run: they get their cached result or none (a partial
    /// build keeps the other notebooks' pages as they were).
    /// - Throws: ``NotebookError`` when the package itself does not build.
    public func execute(_ workbook: Workbook, repeats: Int = 1, only: [String]? = nil, cachedOnly: Set<String> = []) throws(NotebookError) -> Runs {
        let names = workbook.referencedSnippets.filter { only?.contains($0) ?? true }
        let start = Date()
        let lock = try shadowLock()
        defer { withExtendedLifetime(lock) {} }
        var builder = try snippetBuilder()
        builder.progress = progress
        builder.marksSlices = true
        // Read once: what the snippet build keeps and what the reference shows.
        let imported = workbook.catalog.importedModules()
        builder.shadowManifest = Self.shadowManifest(workbook.package, imported: imported)
        builder.outsideSources = workbook.package.sourceFolders(root: project.root)
        let built = try builder.build(names, catalog: workbook.catalog)
        let buildSeconds = Date().timeIntervalSince(start)
        var results: [String: SnippetResult] = [:]
        for (name, errors) in built.errors {
            results[name] = SnippetResult(run: .didNotBuild(name, errors: errors), reason: .didNotBuild)
        }
        var runner = self.runner(builder: builder, cached: true)
        runner.forceRun = noCache || repeats > 1
        let jobs = names.compactMap { name in
            built.executables[name].map {
                SnippetRunner.Job(name: name, executable: $0, timeout: workbook.timeout(for: name), limits: workbook.limits(for: name))
            }
        }
        let runStart = Date()
        // Cached results first: the sandbox is asked what it protects only when something runs.
        let cached = runner.cachedResults(jobs)
        results.merge(cached) { _, hit in hit }
        let pending = jobs.filter { cached[$0.name] == nil && !cachedOnly.contains($0.name) }
        let missing = pending.isEmpty ? [] : try sandboxCheck(runner)
        if !pending.isEmpty { progress?(.runsStarted(count: pending.count, cached: cached.count)) }
        runner.progress = progress
        for (name, result) in runner.run(pending) { results[name] = result }
        var again: [String: [SnippetRun]] = [:]
        if repeats > 1 {
            let uncached = self.runner(builder: builder, cached: false)
            for _ in 1..<repeats {
                for (name, result) in uncached.run(jobs.filter { !cachedOnly.contains($0.name) }) { again[name, default: []].append(result.run) }
            }
        }
        var runs = Runs(results: results, repeats: again, buildSeconds: buildSeconds, runSeconds: Date().timeIntervalSince(runStart),
                        unprotected: missing)
        if let bin = built.bin {
            let extractor = SymbolGraphExtractor(root: project.root, scratch: scratch, bin: bin, cacheFolder: cacheFolder, builder: builder)
            (runs.reference, runs.referenceProblems) = extractor.reference(SymbolGraphExtractor.modules(imported: imported, package: workbook.package))
        }
        return runs
    }

    /// Builds and runs one snippet by name (`notebook run`), with the default time limit.
    /// - Throws: ``NotebookError`` when the package does not build.
    public func run(snippet name: String, catalog: SnippetCatalog, timeout: Double = 60, limits: SandboxLimits = SandboxLimits()) throws(NotebookError) -> SnippetResult {
        let lock = try shadowLock()
        defer { withExtendedLifetime(lock) {} }
        var builder = try snippetBuilder()
        builder.marksSlices = true
        let manifest = try? packageManifest()
        builder.shadowManifest = manifest.flatMap { Self.shadowManifest($0, imported: catalog.importedModules()) }
        builder.outsideSources = manifest?.sourceFolders(root: project.root) ?? []
        let built = try builder.build([name], catalog: catalog)
        guard let executable = built.executables[name] else {
            return SnippetResult(run: .didNotBuild(name, errors: built.errors[name] ?? []), reason: .didNotBuild)
        }
        let runner = self.runner(builder: builder, cached: true)
        let job = SnippetRunner.Job(name: name, executable: executable, timeout: timeout, limits: limits)
        if let hit = runner.cachedResult(job) { return hit }
        _ = try sandboxCheck(runner)
        return runner.run([job])[name] ?? SnippetResult(run: .didNotBuild(name, errors: ["the snippet did not run"]), reason: .didNotBuild)
    }

    /// The snippet build's cut-down manifest (``ShadowManifest``): the library products with a
    /// module among `imported`; nil to build with the package's own.
    static func shadowManifest(_ package: PackageManifest, imported: Set<String>) -> String? {
        guard let description = package.description else { return nil }
        return ShadowManifest.make(description: description, keeping: package.libraries(importing: imported).map(\.name))
    }

    /// One exercise version to build and run: a starter, a student's file or a submission.
    public struct ExerciseJob: Sendable {
        /// A unique key (`alice/huber_slope`), by which results come back.
        public var id: String
        /// The text to build, with the hidden checks put back.
        public var graded: ExerciseSource.Graded
        /// The student's file, as messages name it (`Exercises/huber_slope.swift`).
        public var studentFile: String
        /// Seconds before it is stopped.
        public var timeout: Double
        /// What it may use.
        public var limits: SandboxLimits

        /// Creates a job.
        public init(id: String, graded: ExerciseSource.Graded, studentFile: String, timeout: Double, limits: SandboxLimits) {
            self.id = id
            self.graded = graded
            self.studentFile = studentFile
            self.timeout = timeout
            self.limits = limits
        }
    }

    /// Builds each exercise version as a snippet of the snippet build's shadow package (see
    /// ``ExerciseBuilder``) and runs it in the sandbox with its limits, like any snippet: one
    /// that does not compile, crashes, hangs or prints without end affects no other. Results
    /// come back by job id; `cached` allows results of identical executables from the run cache
    /// (graders want fresh runs). Another process building snippets or exercises in this
    /// package (a `watch` and a `check`) is waited for.
    /// - Throws: ``NotebookError`` when the package itself does not build.
    public func runExercises(_ jobs: [ExerciseJob], cached: Bool) throws(NotebookError) -> [String: SnippetResult] {
        guard !jobs.isEmpty else { return [:] }
        let lock = try shadowLock()
        defer { withExtendedLifetime(lock) {} }
        let packageBuilder = try snippetBuilder()
        let toolchain = packageBuilder.toolchainVersion()
        var builder = ExerciseBuilder(root: project.root, scratch: scratch)
        builder.progress = progress
        builder.moduleCache = moduleCache
        // The snippet build's manifest (the library products the snippets import), with any
        // the versions import besides: the package they share is then not planned again.
        let imported = jobs.reduce(into: SnippetCatalog(root: project.root).importedModules()) { $0.formUnion(SnippetCatalog.importedModules(in: $1.graded.text)) }
        let manifest = try? packageManifest()
        builder.manifest = manifest.flatMap { Self.shadowManifest($0, imported: imported) }
        builder.outsideSources = manifest?.sourceFolders(root: project.root) ?? []
        let built = try builder.build(jobs, toolchain: toolchain)
        var results: [String: SnippetResult] = [:]
        for (id, errors) in built.errors {
            results[id] = SnippetResult(run: .didNotBuild(id, errors: errors), reason: .didNotBuild)
        }
        var runner = self.runner(builder: packageBuilder, cached: cached)
        runner.forceRun = !cached
        let runnable = jobs.compactMap { job in
            built.executables[job.id].map { SnippetRunner.Job(name: job.id, executable: $0, timeout: job.timeout, limits: job.limits) }
        }
        let hits = runner.cachedResults(runnable)
        results.merge(hits) { _, hit in hit }
        let pending = runnable.filter { hits[$0.name] == nil }
        if !pending.isEmpty { _ = try sandboxCheck(runner) }
        results.merge(runner.run(pending)) { _, new in new }
        return results
    }
}
