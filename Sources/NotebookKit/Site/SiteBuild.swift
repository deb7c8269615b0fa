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
        /// The site's title; nil for the package's name.
        public var siteTitle: String?
        /// How exercises' solutions appear (`--solutions`).
        public var solutions: SolutionVisibility = .hidden

        /// Creates options.
        public init(output: URL, notebooks: [String] = [], execution: ExecutionService.Settings = .init(), siteTitle: String? = nil) {
            self.output = output
            self.notebooks = notebooks
            self.execution = execution
            self.siteTitle = siteTitle
        }
    }

    /// The result of a build.
    public struct Report: Sendable {
        /// Each notebook as executed, in site order.
        public var notebooks: [ExecutedNotebook]
        /// Each snippet's result.
        public var runs: Runs
        /// Seconds per phase: parse, snippet build, run, assemble, render, write.
        public var timings: [(phase: String, seconds: Double)]
        /// Problems that do not stop the site (formulas that do not parse); the pages mark them.
        public var problems: [NotebookError]
        /// Warnings from drawing the pages (a sweep over its size budget) and from reading the
        /// API reference (a module whose API could not be read, a formula in a doc comment).
        public var warnings: [NotebookError]
        /// The API reference's pages (`api/LossCore.html`), in module order.
        public var referencePages: [String] = []
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
        do {
            writer = try SiteWriter(output: options.output, root: project.root, protecting: service.ownFolders)
            lock = try service.lock()
        } catch {
            throw NotebookErrors([error])
        }
        // A partial build (notebooks named) runs only those, and keeps the rest of the site: the
        // other notebooks are parsed for the index, search and neighbours' links, and drawn
        // from cached results, or their pages kept as they are.
        let selected = Set(options.notebooks)
        let partial = !selected.isEmpty
        let all = project.notebookPaths()
        let workbook: Workbook
        if partial {
            let (loaded, problems) = Workbook.loadingWhatLoads(Array(Set(all).union(selected)).sorted(), with: service)
            let own = problems.filter { selected.contains($0.file) || !all.contains($0.file) }
            guard own.isEmpty, let loaded else { throw NotebookErrors(own.isEmpty ? problems : own) }
            workbook = loaded
        } else {
            workbook = try Workbook.load(all, with: service)
        }
        let isSelected = { (document: Document) in !partial || selected.contains(document.path) }
        let ownSnippets = Set(workbook.documents.filter(isSelected).flatMap(\.snippetReferences).map(\.name))
        lap("parse")
        let runs: Runs
        do {
            runs = try service.execute(workbook, cachedOnly: Set(workbook.referencedSnippets).subtracting(ownSnippets))
        } catch {
            throw NotebookErrors([error])
        }
        timings.append(("snippet build", runs.buildSeconds))
        timings.append(("run", runs.runSeconds))
        clock = Date()
        let reference = APIPages.make(runs.reference)
        let notebooks = ExecutedNotebook.assemble(workbook, runs: runs.results, symbols: reference.links)
        let built = notebooks.filter { isSelected($0.document) }
        NotebookTimings.record(NotebookTimings.times(of: built), in: service.cacheFolder)
        let problems = built.flatMap(\.problems)
        let blocking = NotebookProblem.blocking(problems)
        guard blocking.isEmpty else { throw NotebookErrors(blocking.map(\.error)) }
        lap("assemble")
        // Another notebook whose snippets have no cached result keeps the page it has.
        var kept: [String: Data] = [:]
        for notebook in notebooks where !isSelected(notebook.document) {
            let complete = notebook.owningCells.allSatisfy { $0.result != nil }
            if !complete, let page = try? Data(contentsOf: options.output.appendingPathComponent(notebook.page)) { kept[notebook.page] = page }
        }
        var (files, warnings): ([String: Data], [NotebookError]) = SiteRenderer.render(notebooks, sources: workbook.sources, siteTitle: options.siteTitle ?? workbook.package.name, solutions: options.solutions,
                                                    reference: reference, pageCache: PageCache(folder: service.pageCacheFolder))
        files.merge(kept) { _, old in old }
        warnings += runs.referenceProblems + reference.problems
        lap("render")
        for notebook in built {
            let cells = notebook.owningCells
            let ran = cells.filter { $0.result?.reason != .cached }.count
            let formulaErrors = notebook.problems.filter { $0.kind == .formula }.count
            let mark = notebook.failedCells == 0 && formulaErrors == 0 ? "✔" : "✘"
            var failures = notebook.failedCells == 0 ? "" : ", \(notebook.failedCells) failed"
            if formulaErrors > 0 { failures += formulaErrors == 1 ? ", 1 formula error" : ", \(formulaErrors) formula errors" }
            let snippets = cells.count == 1 ? "1 snippet" : "\(cells.count) snippets"
            progress("\(mark) \(notebook.document.path) → \(notebook.page) (\(snippets): \(ran) ran, \(cells.count - ran) cached\(failures))")
        }
        do {
            try writer.write(files)
        } catch {
            throw NotebookErrors([error])
        }
        lap("write")
        withExtendedLifetime(lock) {}
        var report = Report(notebooks: built, runs: runs, timings: timings,
                            problems: problems.filter { $0.kind == .formula }.map(\.error), warnings: warnings)
        report.referencePages = reference.pages.map(\.page)
        return report
    }
}
