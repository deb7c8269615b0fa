import NotebookRuntime
import Plotting

/// A notebook as terminal sections for the classroom walkthrough: split at `##` headings, prose
/// wrapped, code with line numbers, outputs with tables, check marks and ASCII plots.
public struct Walkthrough: Sendable {
    /// The sections' text, in order (each sweep at its initial frame).
    public let sections: [String]
    private let blocks: [[Block]]
    private let renderer: TerminalBlockRenderer

    /// Renders an executed notebook.
    public init(notebook: ExecutedNotebook, style: TerminalStyle) {
        let renderer = TerminalBlockRenderer(notebook: notebook, style: style)
        var sections: [[Block]] = [[]]
        for block in notebook.document.blocks {
            if case .heading(2, _, _) = block, !(sections.last?.isEmpty ?? true) { sections.append([]) }
            sections[sections.count - 1].append(block)
        }
        blocks = sections.filter { !$0.isEmpty }
        self.renderer = renderer
        self.sections = blocks.map { renderer.render($0) }
    }

    /// Whether section `index` shows a sweep (← and → step through its frames).
    public func hasSweep(_ index: Int) -> Bool {
        !sweeps(index).isEmpty
    }

    /// The steps from the initial frames that show a new frame of some sweep in section `index`.
    public func sweepSteps(_ index: Int) -> ClosedRange<Int> {
        let sweeps = self.sweeps(index)
        return -(sweeps.map(\.initial).max() ?? 0)...(sweeps.map { $0.frames.count - 1 - $0.initial }.max() ?? 0)
    }

    /// The sweeps shown in section `index`.
    private func sweeps(_ index: Int) -> [Sweep] {
        blocks[index].flatMap { block -> [Sweep] in
            guard case let .snippet(reference) = block, let cell = renderer.notebook.cell(at: reference.line) else { return [] }
            return cell.outputs.compactMap { if case let .event(event) = $0, case let .sweep(sweep) = event.payload { sweep } else { nil } }
        }
    }

    /// Section `index` with each sweep moved `step` frames from its initial one (kept within its
    /// frames), and each exercise with its first `hints` hints and, when `solution`, its solution.
    public func section(_ index: Int, sweepStep step: Int, hints: Int = 0, solution: Bool = false) -> String {
        renderer.render(blocks[index], view: .init(sweepStep: step, hints: hints, solution: solution))
    }

    /// The most hints any exercise in section `index` has (0 when it has no exercise).
    public func hintCount(_ index: Int) -> Int {
        exercises(index).map(\.text.hints.count).max() ?? 0
    }

    /// Whether section `index` sets an exercise (`h` shows the next hint, `s` the solution).
    public func hasExercise(_ index: Int) -> Bool {
        !exercises(index).isEmpty
    }

    private func exercises(_ index: Int) -> [Exercise] {
        blocks[index].compactMap { block in
            guard case let .snippet(reference) = block else { return nil }
            return renderer.notebook.cell(at: reference.line)?.exercise
        }
    }
}

extension Walkthrough {
    /// Blocks outside any notebook's flow (an exercise's hint) as terminal text; recorded values
    /// are not available there.
    public static func text(of blocks: [Block], style: TerminalStyle) -> String {
        let document = Document(path: "", frontMatter: FrontMatter(), blocks: blocks)
        let notebook = ExecutedNotebook(document: document, page: "", cells: [], values: [:], valuesComplete: false,
                                        outline: Outline(document), problems: [])
        return TerminalBlockRenderer(notebook: notebook, style: style).render(blocks)
    }
}

/// What a section shows of its sweeps and exercises.
struct SectionView {
    /// Frames each sweep is moved from its initial one.
    var sweepStep = 0
    /// Hints shown of each exercise.
    var hints = 0
    /// Whether exercises show their solutions.
    var solution = false
}

/// Renders blocks as terminal text.
struct TerminalBlockRenderer {
    let notebook: ExecutedNotebook
    let style: TerminalStyle

    func render(_ blocks: [Block], view: SectionView = SectionView()) -> String {
        blocks.map { block($0, indent: "", view: view) }.joined(separator: "\n")
    }

    func block(_ block: Block, indent: String, view: SectionView = SectionView()) -> String {
        switch block {
        case let .heading(level, content, _):
            return style.heading(inlines(content), level: level) + "\n"
        case let .paragraph(content, _):
            return style.wrapWords(inlines(content), first: indent, indent: indent) + "\n"
        case .code where block.speakerNotes != nil:
            return ""
        case let .code(_, text, _):
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
            return lines.map { indent + "    " + $0 }.joined(separator: "\n") + "\n"
        case let .quote(children, _):
            let bar = style.unicode ? "│ " : "| "
            return children.map { self.block($0, indent: indent + bar) }.joined(separator: indent + bar + "\n")
        case let .list(ordered, start, _, items, _):
            var text = ""
            for (index, item) in items.enumerated() {
                var marker = ordered ? "\(start + index). " : (style.unicode ? "• " : "- ")
                if let checked = item.task { marker += checked ? "[x] " : "[ ] " }
                let inner = indent + String(repeating: " ", count: marker.count)
                for (position, child) in item.blocks.enumerated() {
                    if position == 0, case let .paragraph(content, _) = child {
                        text += style.wrapWords(inlines(content), first: indent + marker, indent: inner) + "\n"
                    } else {
                        text += self.block(child, indent: inner)
                    }
                }
            }
            return text
        case let .table(table, _):
            let rows = [table.header.map(inlines)] + table.rows.map { $0.map(inlines) }
            var narrowed = style
            narrowed.width = max(20, style.width - TerminalStyle.visibleWidth(indent))
            return TerminalTable.lines(NotebookRuntime.Table(headers: rows[0], rows: Array(rows.dropFirst())), style: narrowed)
                .map { indent + $0 }.joined(separator: "\n") + "\n"
        case .rule:
            return String(repeating: style.unicode ? "─" : "-", count: min(style.width, 60)) + "\n"
        case let .html(raw, _):
            return indent + raw
        case let .snippet(reference):
            return cell(reference, view: view)
        case let .math(tex, _):
            // Too wide for the terminal: each of the display's formulas or cases (after ",  " or
            // ";  ") on a line of its own, and one still too wide broken at its spaces.
            let formula = Formula.unicode(tex)
            let lead = indent + "    "
            guard TerminalStyle.visibleWidth(lead + formula) > style.width else { return lead + formula + "\n" }
            var pieces: [String] = [""]
            for character in formula {
                if character == " ", pieces[pieces.count - 1].hasSuffix(", ") || pieces[pieces.count - 1].hasSuffix("; ") {
                    pieces[pieces.count - 1].removeLast()
                    pieces.append("")
                } else {
                    pieces[pieces.count - 1].append(character)
                }
            }
            return pieces.flatMap { piece in
                TerminalStyle.visibleWidth(lead + piece) <= style.width ? [lead + piece] : WordWrap.lines(piece, width: style.width, first: lead, indent: lead + "  ")
            }.joined(separator: "\n") + "\n"
        }
    }

    /// Numbered code; a line wider than the terminal wraps at a space, its continuation under
    /// the code column (indented two more), so no line runs past the width.
    func code(_ lines: [SnippetSource.Line]) -> String {
        let numberWidth = String(lines.last?.number ?? 0).count
        let bar = style.unicode ? "│" : "|"
        let room = max(12, style.width - numberWidth - 3)
        return lines.map { line in
            let number = String(line.number)
            let pieces = Self.wrapCode(line.text, width: room)
            let first = style.dim(String(repeating: " ", count: numberWidth - number.count) + number + " " + bar) + " " + pieces[0] + "\n"
            let gutter = style.dim(String(repeating: " ", count: numberWidth) + " " + bar) + " "
            return first + pieces.dropFirst().map { gutter + $0 + "\n" }.joined()
        }.joined()
    }

    /// A code line broken at spaces into pieces of at most `width` characters; each
    /// continuation keeps the line's indentation plus two spaces; a word wider than a piece is
    /// cut.
    static func wrapCode(_ text: String, width: Int) -> [String] {
        guard text.count > width else { return [text] }
        let indent = String(repeating: " ", count: min(text.prefix { $0 == " " }.count + 2, width / 2))
        var pieces: [String] = []
        var rest = Substring(text)
        var prefix = ""
        while prefix.count + rest.count > width {
            let room = width - prefix.count
            let window = rest.prefix(room + 1)
            // The last space within the room that leaves something before it.
            let cut = window.lastIndex(of: " ").flatMap { $0 > rest.startIndex && rest[rest.startIndex..<$0].contains { $0 != " " } ? $0 : nil }
            let end = cut ?? rest.index(rest.startIndex, offsetBy: room)
            pieces.append(prefix + rest[..<end])
            rest = rest[end...].drop { $0 == " " }
            prefix = indent
            if rest.isEmpty { break }
        }
        if !rest.isEmpty { pieces.append(prefix + rest) }
        return pieces
    }

    /// An exercise: its number and statement, the starter, the hints asked for so far, and the
    /// solution when asked for (its hidden checks never).
    func exercise(_ cell: Cell, _ exercise: Exercise, view: SectionView) -> String {
        var text = style.bold("Exercise \(exercise.number)") + "\n\n"
        text += render(exercise.text.statement) + "\n"
        text += header([exercise.studentFile, "notebook exercise start \(exercise.name)"]) + "\n" + code(exercise.source.starterLines)
        for (index, hint) in exercise.text.hints.prefix(view.hints).enumerated() {
            text += "\n" + style.bold("Hint \(index + 1)") + "\n" + render(hint)
        }
        if view.solution {
            text += "\n" + style.bold("Solution") + "\n" + code(exercise.source.solutionLines)
            let output = TerminalOutput.render(cell.outputs, file: cell.file, width: style.width, mode: style.unicode ? .unicode : .ascii, sweepStep: view.sweepStep)
            if !output.isEmpty { text += "\n" + colorChecks(output) }
        }
        var keys: [String] = []
        if view.hints < exercise.text.hints.count { keys.append("h: hint \(view.hints + 1) of \(exercise.text.hints.count)") }
        if !view.solution { keys.append("s: solution") }
        if !keys.isEmpty { text += "\n" + header(keys, around: ("(", ")")) + "\n" }
        return text
    }

    /// A dim line of parts (a file, a slice, a command, keys) joined by a middle dot (a hyphen
    /// in ASCII), wrapped at the width.
    func header(_ parts: [String], around: (String, String) = ("", "")) -> String {
        let text = around.0 + parts.joined(separator: style.unicode ? " · " : " - ") + around.1
        return style.wrapWords(text, indent: "  ").split(separator: "\n", omittingEmptySubsequences: false).map { style.dim(String($0)) }.joined(separator: "\n")
    }

    func cell(_ reference: SnippetReference, view: SectionView = SectionView()) -> String {
        guard let cell = notebook.cell(at: reference.line) else { return "" }
        if let exercise = cell.exercise { return self.exercise(cell, exercise, view: view) }
        var text = header([cell.file] + (reference.slice.map { ["slice \($0)"] } ?? [])) + "\n" + code(cell.lines)
        // Each cell shows the outputs of its own code, as on the page.
        var output = TerminalOutput.render(cell.outputs, file: cell.file, width: style.width, mode: style.unicode ? .unicode : .ascii, sweepStep: view.sweepStep)
        if let run = cell.ownedRun { output += TerminalOutput.notes(run) }
        if !output.isEmpty { text += "\n" + colorChecks(output) }
        if let run = cell.ownedRun, run.failed, let summary = run.failureSummary(file: cell.file) {
            text += style.fail((style.unicode ? "✘ " : "x ") + "This cell failed: \(summary)") + "\n"
        }
        return text
    }

    func colorChecks(_ output: String) -> String {
        output.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("✔ ") { return style.pass(String(line)) }
            if line.hasPrefix("✘ ") { return style.fail(String(line)) }
            return String(line)
        }.joined(separator: "\n")
    }

    func inlines(_ content: [Inline]) -> String {
        content.map { inline -> String in
            switch inline {
            case let .text(text): return prose(text)
            case let .code(code), let .symbolLink(code): return style.code(code)
            case let .emphasis(children): return style.italic(inlines(children))
            case let .strong(children): return style.bold(inlines(children))
            case let .strikethrough(children): return style.strike(inlines(children))
            case let .link(destination, _, children):
                let label = inlines(children)
                return label == destination ? label : "\(label) (\(destination))"
            case let .image(source, _, alt): return "[image: \(Inline.plainText(alt))] (\(source))"
            case .softBreak: return " "
            case .lineBreak: return "\n"
            case let .html(raw): return raw
            case let .math(tex, _, _): return Formula.unicode(tex)
            }
        }.joined()
    }

    func prose(_ text: String) -> String {
        notebook.prose(text).map { piece -> String in
            switch piece {
            case let .text(text): return text
            case let .value(_, formatted): return formatted
            case let .missing(name): return "{{\(name)}}"
            }
        }.joined()
    }
}
