import Foundation
import NotebookRuntime

/// `notebook build`: parse, build and run snippets, render pages, write the site atomically.
public struct SiteBuild: Sendable {
    /// What to build.
    public struct Options: Sendable {
        /// The output folder.
        public var output: URL
        /// The notebooks (paths relative to the root); empty for all.
        public var notebooks: [String]
        /// Building and running options.
        public var snippets: SnippetResults.Options
        /// The site's title.
        public var siteTitle: String

        /// Creates options.
        public init(output: URL, notebooks: [String] = [], snippets: SnippetResults.Options = .init(), siteTitle: String = "LossNotebooks") {
            self.output = output
            self.notebooks = notebooks
            self.snippets = snippets
            self.siteTitle = siteTitle
        }
    }

    /// One notebook's outcome.
    public struct NotebookOutcome: Sendable {
        /// The notebook's path.
        public var path: String
        /// Its page's path in the site.
        public var page: String
        /// Its cells: reference and result.
        public var cells: [(reference: SnippetReference, run: SnippetRun, reason: RunReason)]
        /// Cells that failed.
        public var failedCells: Int { cells.filter { $0.run.failed }.count }
    }

    /// The result of a build.
    public struct Report: Sendable {
        /// Each notebook, in site order.
        public var notebooks: [NotebookOutcome]
        /// Each snippet's run.
        public var runs: [String: (run: SnippetRun, reason: RunReason)]
        /// Seconds per phase: parse, snippet build, run, render, write.
        public var timings: [(phase: String, seconds: Double)]
        /// Problems that do not stop the site (formulas that do not parse); the pages mark them.
        public var problems: [NotebookError]

        /// Snippets whose cells failed.
        public var failedSnippets: [String] { runs.filter { $0.value.run.failed }.map(\.key).sorted() }
    }

    /// Builds the site.
    /// - Throws: ``NotebookErrors`` for notebook problems (bad references, front matter, prose
    ///   values) or a package that does not build; nothing is written then.
    public static func build(project: Project, options: Options, progress: (String) -> Void = { _ in }) throws(NotebookErrors) -> Report {
        var timings: [(String, Double)] = []
        var clock = Date()
        func lap(_ phase: String) {
            timings.append((phase, Date().timeIntervalSince(clock)))
            clock = Date()
        }
        let writer: SiteWriter
        let lock: BuildLock
        do {
            writer = try SiteWriter(output: options.output, root: project.root)
            lock = try BuildLock(folder: options.snippets.cacheFolder ?? project.root.appendingPathComponent(".notebook-cache"))
        } catch {
            throw NotebookErrors([error])
        }
        let paths = options.notebooks.isEmpty ? project.notebookPaths() : options.notebooks
        let workbook = try Workbook(project: project, paths: paths)
        lap("parse")
        let results: SnippetResults
        do {
            results = try SnippetResults(workbook: workbook, options: options.snippets)
        } catch {
            throw NotebookErrors([error])
        }
        timings.append(("snippet build", results.buildSeconds))
        timings.append(("run", results.runSeconds))
        clock = Date()
        let cacheFolder = options.snippets.cacheFolder ?? project.root.appendingPathComponent(".notebook-cache")
        let (files, outcomes) = try render(workbook: workbook, runs: results.runs, siteTitle: options.siteTitle,
                                           pageCache: PageCache(folder: cacheFolder.appendingPathComponent("pages")))
        lap("render")
        for outcome in outcomes {
            let ran = outcome.cells.filter { $0.reason != .cached }.count
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
        let problems = workbook.documents.flatMap(Formula.problems)
        return Report(notebooks: outcomes, runs: results.runs, timings: timings, problems: problems)
    }

    /// Renders every page, the index and the stylesheet.
    static func render(
        workbook: Workbook, runs: [String: (run: SnippetRun, reason: RunReason)], siteTitle: String,
        pageCache: PageCache? = nil
    ) throws(NotebookErrors) -> ([String: Data], [NotebookOutcome]) {
        var files: [String: Data] = ["style.css": Data(Stylesheet.css.utf8), "search.js": Data(SearchIndex.searchScript.utf8)]
        var searchEntries: [SearchIndex.Entry] = []
        var outcomes: [NotebookOutcome] = []
        var errors: [NotebookError] = []
        var entries: [IndexRenderer.Entry] = []
        let documents = workbook.documents
        for (index, document) in documents.enumerated() {
            let page = Project.pagePath(document.path)
            let references = document.snippetReferences
            let cells = Cell.cells(for: document, sources: workbook.sources, runs: runs.mapValues(\.run),
                                   file: workbook.catalog.relativePath)
            var cellResults: [(reference: SnippetReference, run: SnippetRun, reason: RunReason)] = []
            for (position, reference) in references.enumerated() {
                guard let result = runs[reference.name] else { continue }
                let isLast = !references[(position + 1)...].contains { $0.name == reference.name }
                if isLast { cellResults.append((reference, result.run, result.reason)) }
            }
            var values: [String: RecordedValue] = [:]
            for result in cellResults { values.merge(result.run.records) { _, new in new } }
            let complete = !cellResults.contains { !$0.run.buildErrors.isEmpty || !$0.run.outcome.succeeded }
            let context = PageContext(
                path: page, siteTitle: siteTitle,
                previous: index > 0 ? (documents[index - 1].title, Project.pagePath(documents[index - 1].path)) : nil,
                next: index + 1 < documents.count ? (documents[index + 1].title, Project.pagePath(documents[index + 1].path)) : nil)
            let key = pageCache.flatMap { _ in PageCache.key(document: document, sources: workbook.sources, runs: runs, context: context) }
            if let key, let cached = pageCache?.page(key) {
                files[page] = cached
            } else {
                var renderer = PageRenderer(document: document, cells: cells, values: values, valuesComplete: complete, context: context)
                do {
                    let html = Data(try renderer.render().utf8)
                    files[page] = html
                    if let key { pageCache?.store(html, key: key) }
                } catch {
                    errors += error.errors
                }
            }
            searchEntries += SearchIndex.entries(document, page: page)
            let outcome = NotebookOutcome(path: document.path, page: page, cells: cellResults)
            outcomes.append(outcome)
            entries.append(IndexRenderer.Entry(
                title: document.title, summary: document.frontMatter.summary, path: page,
                failedCells: outcome.failedCells, cells: cellResults.count))
        }
        var anchors: [String: Set<String>] = [:]
        for document in documents { anchors[document.path] = LinkChecker.anchors(document) }
        errors += LinkChecker.check(documents, allNotebooks: Set(workbook.project.notebookPaths()), anchorsByPath: anchors)
        guard errors.isEmpty else { throw NotebookErrors(errors) }
        files["index.html"] = Data(IndexRenderer.render(siteTitle: siteTitle, entries: entries).utf8)
        files["search-index.js"] = Data(SearchIndex.script(searchEntries).utf8)
        return (files, outcomes)
    }
}
