/// A snippet's Swift source split by the DocC markers: what a page shows, whole or by slice.
///
/// - `// snippet.hide` ... `// snippet.show` hides lines (set-up a reader need not see);
/// - `// snippet.NAME` ... `// snippet.end` marks a slice called NAME;
/// - `// snippet.solution` ... `// snippet.end` marks an exercise's solution (stubbed in the
///   student's starter) and `// snippet.grader` ... `// snippet.end` its hidden checks (never on a
///   page, put back when the student's work is graded); see ``ExerciseSource``;
/// - marker lines themselves are never shown; a shown slice is dedented.
public struct SnippetSource: Sendable, Equatable {
    /// One visible line with its line number in the file.
    public struct Line: Sendable, Equatable {
        /// The 1-based line in the snippet file.
        public let number: Int
        /// The text.
        public let text: String
    }

    /// The visible lines of the whole snippet.
    public let visible: [Line]
    /// The slices, by name, in file order.
    public let slices: [String: [Line]]
    /// Slice names in the order they appear.
    public let sliceNames: [String]
    /// The exercise regions (solutions and hidden checks), in file order.
    public let regions: [ExerciseSource.Region]
    /// The student's and the page's versions, when the snippet has exercise regions.
    public let exercise: ExerciseSource?

    /// Splits `source` (the text of `file`).
    /// - Throws: ``NotebookError`` for a slice that is never ended or opened twice.
    public init(_ source: String, file: String) throws(NotebookError) {
        var visible: [Line] = []
        var slices: [String: [Line]] = [:]
        var names: [String] = []
        var hidden = false
        var open: (name: String, line: Int)?
        var region: (kind: ExerciseSource.Region.Kind, line: Int)?
        var regions: [ExerciseSource.Region] = []
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let text = String(raw).trimmingTrailingSpace
            let trimmed = text.trimmingCharacters(in: " \t")
            if trimmed.hasPrefix("// snippet.") {
                let marker = String(trimmed.dropFirst("// snippet.".count)).trimmingCharacters(in: " \t")
                switch marker {
                case "hide": hidden = true
                case "show": hidden = false
                case "solution", "grader":
                    let kind: ExerciseSource.Region.Kind = marker == "solution" ? .solution : .grader
                    if let current = region {
                        throw NotebookError(file: file, line: number, "a \(marker) region opens inside the \(current.kind) region of line \(current.line); end it first with '// snippet.end'")
                    }
                    region = (kind, number)
                case "end":
                    if let current = region {
                        regions.append(ExerciseSource.Region(kind: current.kind, start: current.line, end: number))
                        region = nil
                        continue
                    }
                    guard open != nil else {
                        throw NotebookError(file: file, line: number, "'// snippet.end' without an open slice")
                    }
                    open = nil
                default:
                    guard !marker.isEmpty, marker.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                        throw NotebookError(file: file, line: number, "invalid snippet marker '\(trimmed)'; expected snippet.hide, snippet.show, snippet.end or snippet.NAME")
                    }
                    if let current = region {
                        throw NotebookError(file: file, line: number, "slice '\(marker)' opens inside the \(current.kind) region of line \(current.line); end it first")
                    }
                    if let current = open {
                        throw NotebookError(file: file, line: number, "slice '\(marker)' opens inside slice '\(current.name)' (line \(current.line)); end it first")
                    }
                    guard slices[marker] == nil else {
                        throw NotebookError(file: file, line: number, "slice '\(marker)' is defined twice")
                    }
                    open = (marker, number)
                    slices[marker] = []
                    names.append(marker)
                }
                continue
            }
            if hidden { continue }
            let line = Line(number: number, text: text)
            visible.append(line)
            if let current = open { slices[current.name, default: []].append(line) }
        }
        if let current = open {
            throw NotebookError(file: file, line: current.line, "slice '\(current.name)' is never ended; expected '// snippet.end'")
        }
        if let current = region {
            throw NotebookError(file: file, line: current.line, "the \(current.kind) region is never ended; expected '// snippet.end'")
        }
        self.regions = regions
        exercise = regions.isEmpty ? nil : ExerciseSource(lines: lines.map { String($0).trimmingTrailingSpace }, regions: regions)
        self.visible = Self.trimBlankEdges(visible)
        self.slices = slices.mapValues { Self.dedent(Self.trimBlankEdges($0)) }
        sliceNames = names
    }

    /// The lines to show for a reference: a slice, or the whole visible snippet.
    public func lines(slice: String?) -> [Line]? {
        guard let slice else { return visible }
        return slices[slice]
    }

    static func trimBlankEdges(_ lines: [Line]) -> [Line] {
        var result = lines
        while result.first?.text.isEmpty == true { result.removeFirst() }
        while result.last?.text.isEmpty == true { result.removeLast() }
        return result
    }

    static func dedent(_ lines: [Line]) -> [Line] {
        let indents = lines.filter { !$0.text.isEmpty }.map { $0.text.prefix { $0 == " " }.count }
        let common = indents.min() ?? 0
        return lines.map { Line(number: $0.number, text: String($0.text.dropFirst(min(common, $0.text.count)))) }
    }
}
