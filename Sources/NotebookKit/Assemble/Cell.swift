/// A snippet cell of an executed notebook: the reference, the code it shows, the outputs that
/// code produced, and the snippet's result.
public struct Cell: Sendable {
    /// The reference.
    public var reference: SnippetReference
    /// The file shown (`Snippets/huber.swift`).
    public var file: String
    /// The visible lines.
    public var lines: [SnippetSource.Line]
    /// The outputs shown under this cell.
    public var outputs: [OutputItem]
    /// The snippet's result, on every reference to it (nil when it has none).
    public var result: SnippetResult?
    /// Whether this is the snippet's last reference in the notebook, which owns its run: its
    /// failure, notes, checks and time are reported there, once.
    public var ownsRun: Bool
    /// For an `@Exercise`: its number, starter, solution and hints. Its `lines` are then the
    /// starter's and its `outputs` leave out the hidden checks.
    public var exercise: Exercise? = nil

    /// Creates a cell.
    public init(reference: SnippetReference, file: String, lines: [SnippetSource.Line], outputs: [OutputItem],
                result: SnippetResult?, ownsRun: Bool) {
        self.reference = reference
        self.file = file
        self.lines = lines
        self.outputs = outputs
        self.result = result
        self.ownsRun = ownsRun
    }

    /// The run, on the reference that owns it; nil on the others.
    public var ownedRun: SnippetRun? { ownsRun ? result?.run : nil }

    /// The text printed under this cell: for a slice, what that slice printed (``OutputAttribution``);
    /// for the whole snippet, everything it printed. An `output` block is compared with this.
    public var printedText: String {
        outputs.compactMap { item -> String? in
            if case let .text(text) = item { return text }
            return nil
        }.joined()
    }
}

extension Cell {
    /// The cells of a document, in document order, with each snippet's outputs split among the
    /// references that show it.
    static func cells(for document: Document, sources: [String: SnippetSource], results: [String: SnippetResult],
                      exercises: [Exercise] = [], file: (String) -> String) -> [Cell] {
        let references = document.snippetReferences
        var cells: [Int: Cell] = [:]
        for name in Set(references.map(\.name)) {
            let mine = references.filter { $0.name == name }
            guard let source = sources[name] else { continue }
            let result = results[name]
            let targets = mine.map { reference -> OutputAttribution.Target in
                guard let slice = reference.slice, let lines = source.slices[slice], let first = lines.first, let last = lines.last else {
                    return OutputAttribution.Target(lines: nil, prints: true)
                }
                return OutputAttribution.Target(lines: first.number...last.number, prints: lines.contains { $0.text.contains("print(") }, slice: slice)
            }
            let split = result.map { OutputAttribution.split(OutputAttribution.pieces($0.run), among: targets) }
            for (index, reference) in mine.enumerated() {
                var cell = Cell(
                    reference: reference, file: file(name), lines: source.lines(slice: reference.slice) ?? [],
                    outputs: split?[index] ?? [], result: result, ownsRun: index == mine.count - 1)
                if reference.exercise != nil, let exercise = exercises.first(where: { $0.line == reference.line }) {
                    cell.exercise = exercise
                    cell.lines = exercise.source.starterLines
                    cell.outputs = cell.outputs.filter { item in
                        guard case let .event(event) = item, case let .check(check) = event.payload else { return true }
                        return !exercise.source.isHiddenCheck(line: check.line)
                    }
                }
                cells[reference.line] = cell
            }
        }
        return references.compactMap { cells[$0.line] }
    }
}
