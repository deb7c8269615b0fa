/// Where a page sits in the site: for relative links, previous/next and the site title.
public struct PageContext: Sendable {
    /// The page's path in the site (`huber.html`, `intro/mse.html`).
    public var path: String
    /// The site's title.
    public var siteTitle: String
    /// The previous page (title, path), if any.
    public var previous: (title: String, path: String)?
    /// The next page (title, path), if any.
    public var next: (title: String, path: String)?

    /// Creates a context.
    public init(path: String, siteTitle: String, previous: (title: String, path: String)? = nil, next: (title: String, path: String)? = nil) {
        self.path = path
        self.siteTitle = siteTitle
        self.previous = previous
        self.next = next
    }

    /// `../` once per folder the page is nested in: the way back to the site root.
    public var rootPrefix: String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    /// A site path relative to this page.
    public func link(to sitePath: String) -> String {
        rootPrefix + sitePath
    }
}

/// A snippet cell on a page: the reference, the code it shows, the outputs that code produced,
/// and, on the last reference of each snippet, the run (for its failure, if any).
public struct Cell: Sendable {
    /// The reference.
    public var reference: SnippetReference
    /// The file shown (`Snippets/huber.swift`).
    public var file: String
    /// The visible lines.
    public var lines: [SnippetSource.Line]
    /// The outputs shown under this cell.
    public var outputs: [OutputItem]
    /// The run, on the snippet's last reference: its failure is shown there.
    public var run: SnippetRun?

    /// Creates a cell.
    public init(reference: SnippetReference, file: String, lines: [SnippetSource.Line], outputs: [OutputItem], run: SnippetRun?) {
        self.reference = reference
        self.file = file
        self.lines = lines
        self.outputs = outputs
        self.run = run
    }
}

extension Cell {
    /// The cells of a document, keyed by their reference's line, with each snippet's outputs
    /// split among the references that show it.
    static func cells(for document: Document, sources: [String: SnippetSource], runs: [String: SnippetRun],
                      file: (String) -> String) -> [Int: Cell] {
        var cells: [Int: Cell] = [:]
        let references = document.snippetReferences
        for name in Set(references.map(\.name)) {
            let mine = references.filter { $0.name == name }
            guard let source = sources[name] else { continue }
            let run = runs[name]
            let targets = mine.map { reference -> OutputAttribution.Target in
                guard let slice = reference.slice, let lines = source.slices[slice], let first = lines.first, let last = lines.last else {
                    return OutputAttribution.Target(lines: nil, prints: true)
                }
                return OutputAttribution.Target(lines: first.number...last.number, prints: lines.contains { $0.text.contains("print(") })
            }
            let split = run.map { OutputAttribution.split(OutputAttribution.items($0), among: targets) }
            for (index, reference) in mine.enumerated() {
                cells[reference.line] = Cell(
                    reference: reference, file: file(name), lines: source.lines(slice: reference.slice) ?? [],
                    outputs: split?[index] ?? [], run: index == mine.count - 1 ? run : nil)
            }
        }
        return cells
    }
}
