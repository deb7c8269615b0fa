import Foundation

/// `notebook build`: parse → execute → assemble → render → write, the site replaced atomically.
public struct SiteBuild: Sendable {
    /// What to build.
    public struct Options: Sendable {
        /// The output folder.
        public var output: URL
        /// The notebooks (paths relative to the root); empty for all.
        public var notebooks: [String]
        /// Where snippets are built and cached, and whether to use the cache.
        public var execution: ExecutionService.Settings
        /// The site's title.
        public var siteTitle: String

        /// Creates options.
        public init(output: URL, notebooks: [String] = [], execution: ExecutionService.Settings = .init(), siteTitle: String = "LossNotebooks") {
            self.output = output
            self.notebooks = notebooks
            self.execution = execution
            self.siteTitle = siteTitle
        }
    }

    /// One notebook's outcome.
    public struct NotebookOutcome: Sendable {
        /// The notebook's path.
        public var path: String
        /// Its page's path in the site.
        public var page: String
        /// The cells that own their snippet's run (each snippet's last reference), with its result.
        public var cells: [Cell]
        /// Cells that failed.
        public var failedCells: Int { cells.filter { $0.result?.run.failed == true }.count }
    }

    /// The result of a build.
    public struct Report: Sendable {
        /// Each notebook, in site order.
        public var notebooks: [NotebookOutcome]
        /// Each snippet's result.
        public var runs: [String: SnippetResult]
        /// Seconds per phase: parse, snippet build, run, assemble, render, write.
        public var timings: [(phase: String, seconds: Double)]
        /// Problems that do not stop the site (formulas that do not parse); the pages mark them.
        public var problems: [NotebookError]

        /// Snippets whose cells failed.
        public var failedSnippets: [String] { runs.filter { $0.value.run.failed }.map(\.key).sorted() }
    }

    /// Builds the site.
    /// - Throws: ``NotebookErrors`` for notebook problems (bad references, front matter, prose
    ///   values, links) or a package that does not build; nothing is written then.
    public static func build(project: Project, options: Options, progress: (String) -> Void = { _ in }) throws(NotebookErrors) -> Report {
        var timings: [(String, Double)] = []
        var clock = Date()
        func lap(_ phase: String) {
            timings.append((phase, Date().timeIntervalSince(clock)))
            clock = Date()
        }
        let service = ExecutionService(project: project, settings: options.execution)
        let writer: SiteWriter
        let lock: BuildLock
        let workbook: Workbook
        let runs: Runs
        do {
            writer = try SiteWriter(output: options.output, root: project.root, protecting: service.ownFolders)
            lock = try service.lock()
            let package = try service.packageManifest()
            workbook = try Workbook(project: project, package: package, paths: options.notebooks.isEmpty ? project.notebookPaths() : options.notebooks)
            lap("parse")
            runs = try service.execute(workbook)
        } catch let error as NotebookError {
            throw NotebookErrors([error])
        } catch let errors as NotebookErrors {
            throw errors
        } catch {
            throw NotebookErrors([NotebookError(file: project.root.path, line: nil, "\(error)")])
        }
        timings.append(("snippet build", runs.buildSeconds))
        timings.append(("run", runs.runSeconds))
        clock = Date()
        let notebooks = ExecutedNotebook.assemble(workbook, runs: runs.results)
        let problems = notebooks.flatMap(\.problems)
        let blocking = problems.filter { $0.kind == .value } + problems.filter { $0.kind == .link }
        guard blocking.isEmpty else { throw NotebookErrors(blocking.map(\.error)) }
        lap("assemble")
        let files = SiteRenderer.files(for: notebooks, sources: workbook.sources, siteTitle: options.siteTitle,
                                       pageCache: PageCache(folder: service.pageCacheFolder))
        lap("render")
        let outcomes = notebooks.map { NotebookOutcome(path: $0.document.path, page: $0.page, cells: $0.owningCells) }
        for outcome in outcomes {
            let ran = outcome.cells.filter { $0.result?.reason != .cached }.count
            let mark = outcome.failedCells == 0 ? "✔" : "✘"
            let failures = outcome.failedCells == 0 ? "" : ", \(outcome.failedCells) failed"
            let snippets = outcome.cells.count == 1 ? "1 snippet" : "\(outcome.cells.count) snippets"
            progress("\(mark) \(outcome.path) → \(outcome.page) (\(snippets): \(ran) ran, \(outcome.cells.count - ran) cached\(failures))")
        }
        do {
            try writer.write(files)
        } catch {
            throw NotebookErrors([error])
        }
        lap("write")
        withExtendedLifetime(lock) {}
        return Report(notebooks: outcomes, runs: runs.results, timings: timings,
                      problems: problems.filter { $0.kind == .formula }.map(\.error))
    }
}
