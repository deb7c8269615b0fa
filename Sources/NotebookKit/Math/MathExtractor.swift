/// Finds math in Markdown before cmark-gfm sees it (cmark would read `_` and `*` inside formulas
/// as emphasis), following GitHub's rules, and replaces each formula with a placeholder that
/// survives parsing. Lines are kept, so positions stay true.
///
/// - `$...$` is inline math: the opening `$` is not followed by a space, the closing `$` is not
///   preceded by a space nor followed by a digit (so "$5 and $10" is text);
/// - `$$...$$` is display math;
/// - `\$` is a literal dollar sign; code spans and fenced code blocks are left alone.
enum MathExtractor {
    /// A formula found in the source.
    struct Span: Equatable {
        let tex: String
        let display: Bool
        let line: Int
    }

    static let inlineOpen: Character = "\u{E000}", inlineClose: Character = "\u{E001}"
    static let displayOpen: Character = "\u{E002}", displayClose: Character = "\u{E003}"

    /// The source's UTF-8 with formulas replaced by placeholders, and the formulas. The scan
    /// works on the bytes through a pointer (every delimiter is ASCII), and hands them on as
    /// bytes: valid UTF-8, since only whole ASCII delimiters and formulas are replaced, so the
    /// parser need not decode them again. Text without a `$` is returned as it is.
    static func extract(_ markdown: String) -> (markdown: [UInt8], formulas: [Span]) {
        guard markdown.containsByte(UInt8(ascii: "$")) else { return (Array(markdown.utf8), []) }
        let lines = SourceLines(markdown)
        var scan = Scan()
        scan.output.reserveCapacity(lines.bytes.count + 64)
        lines.bytes.withUnsafeBufferPointer { buffer in
            guard let bytes = buffer.baseAddress else { return }
            scan.run(bytes, lines: lines)
        }
        // Every line went out with a newline: the last line of the input had none.
        if scan.output.last == Scan.newline { scan.output.removeLast() }
        return (scan.output, scan.spans)
    }

    /// One pass over the source's bytes: code fences and blank lines are copied, and each
    /// paragraph (consecutive non-blank lines, contiguous in the source) has its formulas
    /// replaced.
    private struct Scan {
        static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), carriage = UInt8(ascii: "\r"), newline = UInt8(ascii: "\n")
        static let backtick = UInt8(ascii: "`"), tilde = UInt8(ascii: "~"), dollar = UInt8(ascii: "$"), backslash = UInt8(ascii: "\\")
        var output: [UInt8] = []
        var spans: [Span] = []

        mutating func run(_ bytes: UnsafePointer<UInt8>, lines: SourceLines) {
            var fence: (byte: UInt8, length: Int)?
            // The paragraph being collected: its bytes and its first line's number.
            var paragraph: (range: Range<Int>, line: Int)?
            for index in 0..<lines.count {
                let range = lines.range(index)
                var first = range.lowerBound
                while first < range.upperBound, bytes[first] == Self.space { first += 1 }
                if let open = fence {
                    copyLine(bytes, range)
                    var run = first
                    while run < range.upperBound, bytes[run] == open.byte { run += 1 }
                    if run - first >= open.length, Self.isBlank(bytes, run..<range.upperBound, tabs: false) { fence = nil }
                    continue
                }
                if first < range.upperBound, bytes[first] == Self.backtick || bytes[first] == Self.tilde, first - range.lowerBound < 4 {
                    var run = first
                    while run < range.upperBound, bytes[run] == bytes[first] { run += 1 }
                    if run - first >= 3 {
                        if let open = paragraph { replace(bytes, open.range, line: open.line) }
                        paragraph = nil
                        fence = (bytes[first], run - first)
                        copyLine(bytes, range)
                        continue
                    }
                }
                if Self.isBlank(bytes, first..<range.upperBound) {
                    if let open = paragraph { replace(bytes, open.range, line: open.line) }
                    paragraph = nil
                    copyLine(bytes, range)
                    continue
                }
                if let open = paragraph {
                    paragraph = (open.range.lowerBound..<range.upperBound, open.line)
                } else {
                    paragraph = (range, index + 1)
                }
            }
            if let open = paragraph { replace(bytes, open.range, line: open.line) }
        }

        /// Whether the bytes are only spaces, carriage returns and (unless `tabs` is false) tabs.
        static func isBlank(_ bytes: UnsafePointer<UInt8>, _ range: Range<Int>, tabs: Bool = true) -> Bool {
            var i = range.lowerBound
            while i < range.upperBound {
                let c = bytes[i]
                if c != space, c != carriage, !(tabs && c == tab) { return false }
                i += 1
            }
            return true
        }

        mutating func copy(_ bytes: UnsafePointer<UInt8>, _ range: Range<Int>) {
            output.append(contentsOf: UnsafeBufferPointer(start: bytes + range.lowerBound, count: range.count))
        }

        mutating func copyLine(_ bytes: UnsafePointer<UInt8>, _ range: Range<Int>) {
            copy(bytes, range)
            output.append(Self.newline)
        }

        /// Replaces the formulas of one paragraph starting on line `first`, appending it and a
        /// newline to the output.
        mutating func replace(_ bytes: UnsafePointer<UInt8>, _ range: Range<Int>, line first: Int) {
            let end = range.upperBound
            var i = range.lowerBound
            var line = first
            while i < end {
                // Ordinary bytes go out in one piece.
                var plain = i
                while plain < end {
                    let c = bytes[plain]
                    // Lowercase letters, most of prose, are above every byte looked for ('`').
                    if c > Self.backtick { plain += 1; continue }
                    if c == Self.newline || c == Self.backslash || c == Self.backtick || c == Self.dollar { break }
                    plain += 1
                }
                if plain > i {
                    copy(bytes, i..<plain)
                    i = plain
                    continue
                }
                let c = bytes[i]
                if c == Self.newline {
                    line += 1
                    output.append(c)
                    i += 1
                    continue
                }
                if c == Self.backslash {
                    output.append(c)
                    if i + 1 < end {
                        output.append(bytes[i + 1])
                        if bytes[i + 1] == Self.newline { line += 1 }
                    }
                    i += 2
                    continue
                }
                if c == Self.backtick {
                    // A code span: copy up to the matching run of backticks.
                    var run = 0
                    while i + run < end, bytes[i + run] == Self.backtick { run += 1 }
                    var j = i + run
                    var closed = false
                    while j < end {
                        if bytes[j] == Self.backtick {
                            var other = 0
                            while j + other < end, bytes[j + other] == Self.backtick { other += 1 }
                            j += other
                            if other == run {
                                closed = true
                                break
                            }
                        } else {
                            j += 1
                        }
                    }
                    let stop = closed ? j : i + run
                    copy(bytes, i..<stop)
                    line += Self.newlines(bytes, i..<stop)
                    i = stop
                    continue
                }
                // A dollar sign.
                let display = i + 1 < end && bytes[i + 1] == Self.dollar
                if let close = Self.closing(bytes, from: i, end: end, display: display) {
                    let start = i + (display ? 2 : 1)
                    let tex = String(decoding: UnsafeBufferPointer(start: bytes + start, count: close - start), as: UTF8.self)
                    spans.append(Span(tex: tex, display: display, line: line))
                    let open = display ? displayOpen : inlineOpen, shut = display ? displayClose : inlineClose
                    output.append(contentsOf: open.utf8)
                    output.append(contentsOf: String(spans.count - 1).utf8)
                    output.append(contentsOf: shut.utf8)
                    let newlines = Self.newlines(bytes, start..<close)
                    output.append(contentsOf: repeatElement(Self.newline, count: newlines))
                    line += newlines
                    i = close + (display ? 2 : 1)
                    continue
                }
                output.append(c)
                i += 1
            }
            output.append(Self.newline)
        }

        static func newlines(_ bytes: UnsafePointer<UInt8>, _ range: Range<Int>) -> Int {
            var count = 0
            var i = range.lowerBound
            while i < range.upperBound {
                if bytes[i] == newline { count += 1 }
                i += 1
            }
            return count
        }

        /// The index of the closing delimiter for math opened at `start` (before `end`), or nil
        /// when it is text.
        static func closing(_ bytes: UnsafePointer<UInt8>, from start: Int, end: Int, display: Bool) -> Int? {
            if display {
                var j = start + 2
                while j + 1 < end {
                    if bytes[j] == backslash { j += 2; continue }
                    if bytes[j] == dollar, bytes[j + 1] == dollar { return j > start + 2 ? j : nil }
                    j += 1
                }
                return nil
            }
            let first = start + 1
            guard first < end, !character(bytes, at: first, end: end).isWhitespace, bytes[first] != dollar else { return nil }
            var j = first
            while j < end {
                let c = bytes[j]
                if c == backslash { j += 2; continue }
                // A code span or a paragraph break ends the search: that `$` was text.
                if c == backtick { return nil }
                if c == newline, j + 1 < end, bytes[j + 1] == newline { return nil }
                if c == dollar {
                    var before = j - 1
                    while before > start, bytes[before] & 0xC0 == 0x80 { before -= 1 }
                    let after: Character? = j + 1 < end ? character(bytes, at: j + 1, end: end) : nil
                    if !character(bytes, at: before, end: end).isWhitespace, after.map({ !$0.isNumber }) ?? true { return j }
                    return nil
                }
                j += 1
            }
            return nil
        }

        /// The character starting at byte `index` (ASCII at once; else decoded).
        static func character(_ bytes: UnsafePointer<UInt8>, at index: Int, end: Int) -> Character {
            let byte = bytes[index]
            if byte < 0x80 { return Character(Unicode.Scalar(byte)) }
            var stop = index + 1
            while stop < end, bytes[stop] & 0xC0 == 0x80 { stop += 1 }
            return String(decoding: UnsafeBufferPointer(start: bytes + index, count: stop - index), as: UTF8.self).first ?? " "
        }
    }
}
