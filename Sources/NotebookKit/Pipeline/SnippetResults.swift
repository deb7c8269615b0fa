import Foundation

/// Builds and runs a workbook's snippets: the one stage that starts processes.
public struct SnippetResults: Sendable {
    /// Each snippet's run and why it ran (or came from the cache).
    public var runs: [String: (run: SnippetRun, reason: RunReason)]
    /// Seconds spent building and running.
    public var buildSeconds: Double
    /// Seconds spent running.
    public var runSeconds: Double

    /// Options for building and running.
    public struct Options: Sendable {
        /// Ignore cached results.
        public var noCache: Bool
        /// Run each snippet this many times (for determinism checks; the cache is then bypassed).
        public var repeats: Int
        /// Scratch path for SwiftPM.
        public var scratch: URL?
        /// Cache folder; nil means `.notebook-cache` in the package.
        public var cacheFolder: URL?

        /// Creates options.
        public init(noCache: Bool = false, repeats: Int = 1, scratch: URL? = nil, cacheFolder: URL? = nil) {
            self.noCache = noCache
            self.repeats = max(1, repeats)
            self.scratch = scratch
            self.cacheFolder = cacheFolder
        }
    }

    /// Builds the referenced snippets and runs them.
    /// - Throws: ``NotebookError`` when the package itself does not build.
    public init(workbook: Workbook, options: Options) throws(NotebookError) {
        let names = workbook.referencedSnippets
        let start = Date()
        let builder = try SnippetBuilder(root: workbook.project.root, scratch: options.scratch)
        let built = try builder.build(names, catalog: workbook.catalog)
        buildSeconds = Date().timeIntervalSince(start)
        var runs: [String: (run: SnippetRun, reason: RunReason)] = [:]
        for (name, errors) in built.errors {
            runs[name] = (SnippetRun(name: name, stdout: "", stdoutTruncated: false, stdoutBytes: 0, stderr: "", events: [],
                                     outcome: .exited(0), seconds: 0, buildErrors: errors), .didNotBuild)
        }
        let cacheFolder = options.cacheFolder ?? workbook.project.root.appendingPathComponent(".notebook-cache")
        let runner = SnippetRunner(cache: RunCache(folder: cacheFolder), forceRun: options.noCache, toolchain: builder.toolchainVersion())
        let jobs = names.compactMap { name in
            built.executables[name].map { SnippetRunner.Job(name: name, executable: $0, timeout: workbook.timeout(for: name)) }
        }
        let runStart = Date()
        for (name, result) in runner.run(jobs) { runs[name] = result }
        runSeconds = Date().timeIntervalSince(runStart)
        self.runs = runs
    }
}
