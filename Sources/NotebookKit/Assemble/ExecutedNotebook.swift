import NotebookRuntime

/// One notebook after its snippets ran: its cells with their outputs, the values its snippets
/// recorded, its outline with heading ids, and every problem found. The site, the terminal
/// walkthrough and the doc tests all read this; none of them looks for problems itself.
public struct ExecutedNotebook: Sendable {
    /// The parsed notebook.
    public let document: Document
    /// Its page's path in the site (`huber.html`).
    public let page: String
    /// Its snippet cells, in document order.
    public let cells: [Cell]
    /// The values its snippets recorded, by name (a later snippet's value wins).
    public let values: [String: RecordedValue]
    /// Whether every snippet it shows built and exited normally, so that every value it quotes
    /// should have been recorded (when false, a missing value is shown as unavailable instead).
    public let valuesComplete: Bool
    /// Its headings with their ids.
    public let outline: Outline
    /// Every problem found: unknown values, broken links, formulas that do not parse.
    public let problems: [NotebookProblem]

    private let cellIndexByLine: [Int: Int]

    /// Creates an executed notebook (``assemble(_:runs:symbols:)`` makes them for a workbook).
    public init(document: Document, page: String, cells: [Cell], values: [String: RecordedValue], valuesComplete: Bool,
                outline: Outline, problems: [NotebookProblem]) {
        self.document = document
        self.page = page
        self.cells = cells
        self.values = values
        self.valuesComplete = valuesComplete
        self.outline = outline
        self.problems = problems
        cellIndexByLine = Dictionary(cells.enumerated().map { ($1.reference.line, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The cell of the reference on `line`.
    public func cell(at line: Int) -> Cell? {
        cellIndexByLine[line].map { cells[$0] }
    }

    /// The cells that own their snippet's run (each snippet's last reference), in order.
    public var owningCells: [Cell] {
        cells.filter { $0.ownsRun && $0.result != nil }
    }

    /// How many of the owning cells failed.
    public var failedCells: Int {
        owningCells.filter { $0.result?.run.failed == true }.count
    }

    /// Prose text with its `{{name}}` values filled in.
    public func prose(_ text: String) -> [ProseValues.Piece] {
        ProseValues.fill(text, values: values)
    }
}

extension ExecutedNotebook {
    /// Assembles every document of `workbook` with the snippets' `runs`, in site order;
    /// `symbols` are the API reference's targets, which symbol links in prose must name.
    public static func assemble(_ workbook: Workbook, runs: [String: SnippetResult], symbols: SymbolLinks) -> [ExecutedNotebook] {
        let outlines = workbook.documents.map(Outline.init)
        let exercises = Dictionary(grouping: workbook.exercises, by: \.notebook)
        var anchors: [String: Set<String>] = [:]
        for (document, outline) in zip(workbook.documents, outlines) {
            anchors[document.path] = anchorIDs(document, outline: outline, exercises: exercises[document.path] ?? [])
        }
        // The notebooks not loaded (a test or build of some of them) are parsed for their ids
        // too, so a link into them is checked whichever notebooks are named.
        for path in workbook.allNotebookPaths where anchors[path] == nil {
            guard let document = try? workbook.project.load([path], packageName: workbook.package.name).first else { continue }
            // Exercise numbers come from the site order, known here only from `order:`.
            let exercises = document.snippetReferences.filter { $0.exercise != nil }.count
            guard exercises == 0 || document.frontMatter.order != nil else { continue }
            let ids = (0..<exercises).map { Exercise.anchorID(number: Exercise.number(notebook: document.frontMatter.order ?? 0, position: $0)) }
            anchors[path] = anchorIDs(document, outline: Outline(document), exercises: []).union(ids)
        }
        let links = LinkTargets(notebooks: workbook.allNotebookPaths, anchors: anchors, symbols: symbols)
        return zip(workbook.documents, outlines).map { document, outline in
            let cells = Cell.cells(for: document, sources: workbook.sources, results: runs, exercises: exercises[document.path] ?? [],
                                   file: workbook.catalog.relativePath)
            let (values, complete) = recordedValues(cells)
            return assemble(document, outline: outline, cells: cells, values: values, valuesComplete: complete, links: links)
        }
    }

    /// Every id on `document`'s page a link may point at: its headings, its exercises and, when
    /// it allows raw HTML, the ids in that HTML.
    static func anchorIDs(_ document: Document, outline: Outline, exercises: [Exercise]) -> Set<String> {
        outline.ids.union(exercises.map(\.anchorID)).union(document.frontMatter.allowsRawHTML ? document.rawHTMLIDs : [])
    }

    /// What links may point at: every notebook of the package, and the ids on the pages of
    /// those whose content is known.
    struct LinkTargets {
        var notebooks: Set<String>
        var anchors: [String: Set<String>]
        var symbols: SymbolLinks
    }

    /// The values the cells' snippets recorded (each snippet's run counted once, a later one
    /// winning), and whether every one of those snippets built and exited normally.
    static func recordedValues(_ cells: [Cell]) -> (values: [String: RecordedValue], complete: Bool) {
        let owners = cells.filter(\.ownsRun).compactMap(\.result)
        var values: [String: RecordedValue] = [:]
        for result in owners { values.merge(result.run.records) { _, new in new } }
        return (values, !owners.contains { !$0.run.buildErrors.isEmpty || !$0.run.outcome.succeeded })
    }

    /// One document with its cells and values, and the problems found in it.
    static func assemble(_ document: Document, outline: Outline, cells: [Cell], values: [String: RecordedValue],
                         valuesComplete: Bool, links: LinkTargets) -> ExecutedNotebook {
        var problems: [NotebookProblem] = []
        for (text, line) in document.proseTexts {
            problems += ProseValues.problems(in: text, line: line, file: document.path, values: values, complete: valuesComplete)
                .map { NotebookProblem(.value, $0) }
        }
        problems += LinkChecker.problems(in: document, allNotebooks: links.notebooks, anchorsByPath: links.anchors)
            .map { NotebookProblem(.link, $0) }
        problems += document.symbolLinks.compactMap { links.symbols.problem($0.name, file: document.path, line: $0.line) }
            .map { NotebookProblem(.link, $0) }
        problems += Formula.problems(in: document).map { NotebookProblem(.formula, $0) }
        return ExecutedNotebook(
            document: document, page: Project.pagePath(document.path), cells: cells, values: values,
            valuesComplete: valuesComplete, outline: outline, problems: problems)
    }
}
