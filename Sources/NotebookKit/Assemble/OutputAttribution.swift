import NotebookRuntime

/// One piece of a snippet's output, in the order it was produced.
public enum OutputItem: Sendable, Equatable {
    /// Printed text.
    case text(String)
    /// A figure, table, check or record.
    case event(RuntimeEvent)
}

/// Splits a snippet's outputs among the references that show its slices, so each output appears
/// under the code that produced it.
///
/// Figures, tables, checks and records carry the line that made them and go to the slice holding
/// that line. Printed text goes to the slice whose code printed it, known from the run's slice
/// markers (``SliceMarkers``). Text whose slice is not known (a run without markers, a slice
/// nested where no marker can stand, or code outside every shown slice) is placed by a rule: a
/// stretch of text between two events goes to the first slice, in the snippet's order from the
/// earlier event's line to the later event's, whose code calls `print` (whatever order the page
/// shows the slices in).
public enum OutputAttribution {
    /// Where a reference shows code: the lines of its slice, and whether they print.
    public struct Target: Sendable, Equatable {
        /// The slice's first and last line in the snippet, or nil for the whole snippet.
        public var lines: ClosedRange<Int>?
        /// Whether the slice's code contains a `print(` call.
        public var prints: Bool
        /// The slice's name, or nil for the whole snippet.
        public var slice: String?

        /// Creates a target.
        public init(lines: ClosedRange<Int>?, prints: Bool, slice: String? = nil) {
            self.lines = lines
            self.prints = prints
            self.slice = slice
        }
    }

    /// One output and the slice whose code made it, when the run's markers tell (text only).
    public struct Piece: Sendable, Equatable {
        /// The output.
        public var item: OutputItem
        /// The slice running when text was printed; nil when not known or outside every slice.
        public var slice: String?
    }

    /// The run's outputs in order: text between events split at the events' offsets (and at
    /// slice markers).
    public static func items(_ run: SnippetRun) -> [OutputItem] {
        pieces(run).map(\.item)
    }

    /// The run's outputs in order, each text with the slice that printed it.
    public static func pieces(_ run: SnippetRun) -> [Piece] {
        let bytes = Array(run.stdout.utf8)
        let marks = (run.sliceMarks ?? []).sorted { $0.offset < $1.offset }
        var position = 0
        var pieces: [Piece] = []
        var nextMark = 0
        var slice: String?
        func text(upTo offset: Int) {
            let end = min(max(position, offset), bytes.count)
            while position < end {
                // Marks at or before the position name the slice now running.
                while nextMark < marks.count, marks[nextMark].offset <= position {
                    slice = marks[nextMark].slice
                    nextMark += 1
                }
                let stop = nextMark < marks.count ? min(end, marks[nextMark].offset) : end
                let piece = String(decoding: bytes[position..<stop], as: UTF8.self)
                // One text per stretch between events printed by one slice.
                if let last = pieces.last, case let .text(earlier) = last.item, last.slice == slice, position > 0 {
                    pieces[pieces.count - 1].item = .text(earlier + piece)
                } else {
                    pieces.append(Piece(item: .text(piece), slice: slice))
                }
                position = stop
            }
        }
        for event in run.events {
            text(upTo: event.stdoutOffset)
            pieces.append(Piece(item: .event(event), slice: nil))
        }
        text(upTo: bytes.count)
        return pieces
    }

    /// The snippet line of an event item, if it is an event with a known line.
    static func eventLine(_ item: OutputItem) -> Int? {
        if case let .event(event) = item { return event.line }
        return nil
    }

    /// The items each target shows (one array per target, in order), from text without slices.
    public static func split(_ items: [OutputItem], among targets: [Target]) -> [[OutputItem]] {
        split(items.map { Piece(item: $0, slice: nil) }, among: targets)
    }

    /// The outputs each target shows (one array per target, in order). Targets that show the
    /// same code (a slice, or the whole snippet, referenced twice) show the same outputs.
    public static func split(_ pieces: [Piece], among targets: [Target]) -> [[OutputItem]] {
        var distinct: [Target] = []
        let owners = targets.map { target in
            if let same = distinct.firstIndex(where: { $0.lines == target.lines && $0.slice == target.slice }) { return same }
            distinct.append(target)
            return distinct.count - 1
        }
        guard distinct.count == targets.count else {
            let shown = split(pieces, among: distinct)
            return owners.map { shown[$0] }
        }
        let items = pieces.map(\.item)
        var result = Array(repeating: [OutputItem](), count: targets.count)
        guard !targets.isEmpty else { return result }
        if let whole = targets.lastIndex(where: { $0.lines == nil }) {
            result[whole] = items
            return result
        }
        func target(forLine line: Int?) -> Int {
            guard let line else { return targets.count - 1 }
            if let inside = targets.firstIndex(where: { $0.lines?.contains(line) == true }) { return inside }
            // Code outside every shown slice: the next slice after it, else the last one.
            return targets.indices.first { (targets[$0].lines?.lowerBound ?? 0) > line } ?? targets.count - 1
        }
        let eventTargets: [Int?] = items.map { item in
            if case let .event(event) = item { return target(forLine: event.line) }
            return nil
        }
        for (index, item) in items.enumerated() {
            if let owner = eventTargets[index] {
                result[owner].append(item)
                continue
            }
            // Text from a shown slice goes under it.
            if let slice = pieces[index].slice, let owner = targets.firstIndex(where: { $0.slice == slice }) {
                result[owner].append(item)
                continue
            }
            let before = eventTargets[..<index].last { $0 != nil } ?? nil
            let after = eventTargets[(index + 1)...].first { $0 != nil } ?? nil
            let from = before ?? 0
            let to = max(from, after ?? targets.count - 1)
            // The events' lines bound where the text was printed; the page may show slices in
            // another order than the snippet's, so the first printing slice is found by line.
            let lower = items[..<index].reversed().lazy.compactMap(eventLine).first ?? Int.min
            let upper = items[(index + 1)...].lazy.compactMap(eventLine).first ?? Int.max
            let byLine = targets.indices.filter { candidate in
                guard targets[candidate].prints, let lines = targets[candidate].lines else { return false }
                return lines.upperBound >= lower && lines.lowerBound <= upper
            }.min { targets[$0].lines!.lowerBound < targets[$1].lines!.lowerBound }
            let owner = byLine ?? (from...to).first { targets[$0].prints } ?? (after ?? from)
            result[owner].append(item)
        }
        return result
    }
}
