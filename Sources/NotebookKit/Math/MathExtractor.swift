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

    /// The source with formulas replaced by placeholders, and the formulas. The scan works on
    /// the UTF-8 bytes (every delimiter is ASCII); text without a `$` is returned as it is.
    static func extract(_ markdown: String) -> (String, [Span]) {
        guard markdown.utf8.contains(UInt8(ascii: "$")) else { return (markdown, []) }
        var spans: [Span] = []
        let lines = SourceLines(markdown)
        var output: [UInt8] = []
        output.reserveCapacity(lines.bytes.count + 64)
        var fence: (byte: UInt8, length: Int)?
        var paragraph: [(number: Int, text: ArraySlice<UInt8>)] = []
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), carriage = UInt8(ascii: "\r"), newline = UInt8(ascii: "\n")
        func flush() {
            guard !paragraph.isEmpty else { return }
            replace(paragraph, into: &spans, output: &output)
            paragraph.removeAll()
        }
        for index in 0..<lines.count {
            let line = lines[index]
            let trimmed = line.drop { $0 == space }
            if let open = fence {
                output += line
                output.append(newline)
                let run = trimmed.prefix { $0 == open.byte }
                if run.count >= open.length, trimmed.dropFirst(run.count).allSatisfy({ $0 == space || $0 == carriage }) { fence = nil }
                continue
            }
            if let first = trimmed.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~"), line.count - trimmed.count < 4 {
                let run = trimmed.prefix { $0 == first }
                if run.count >= 3 {
                    flush()
                    fence = (first, run.count)
                    output += line
                    output.append(newline)
                    continue
                }
            }
            if trimmed.allSatisfy({ $0 == space || $0 == carriage || $0 == tab }) {
                flush()
                output += line
                output.append(newline)
                continue
            }
            paragraph.append((index + 1, line))
        }
        flush()
        // Every line went out with a newline: the last line of the input had none.
        if output.last == newline { output.removeLast() }
        return (String(decoding: output, as: UTF8.self), spans)
    }

    /// Replaces the formulas of one paragraph (consecutive non-blank lines), appending it and a
    /// newline to `result`.
    private static func replace(_ lines: [(number: Int, text: ArraySlice<UInt8>)], into spans: inout [Span], output result: inout [UInt8]) {
        var bytes: [UInt8] = []
        for (index, line) in lines.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "\n")) }
            bytes += line.text
        }
        let newline = UInt8(ascii: "\n"), backtick = UInt8(ascii: "`"), dollar = UInt8(ascii: "$")
        var i = 0
        var line = lines[0].number
        while i < bytes.count {
            let c = bytes[i]
            if c == newline { line += 1 }
            if c == UInt8(ascii: "\\"), i + 1 < bytes.count {
                result.append(c)
                result.append(bytes[i + 1])
                if bytes[i + 1] == newline { line += 1 }
                i += 2
                continue
            }
            if c == backtick {
                // A code span: copy up to the matching run of backticks.
                var run = 0
                while i + run < bytes.count, bytes[i + run] == backtick { run += 1 }
                var j = i + run
                var closed = false
                while j < bytes.count {
                    if bytes[j] == backtick {
                        var other = 0
                        while j + other < bytes.count, bytes[j + other] == backtick { other += 1 }
                        if other == run {
                            j += other
                            closed = true
                            break
                        }
                        j += other
                    } else {
                        j += 1
                    }
                }
                let end = closed ? j : i + run
                result += bytes[i..<end]
                line += bytes[i..<end].reduce(0) { $1 == newline ? $0 + 1 : $0 }
                i = end
                continue
            }
            if c == dollar {
                let display = i + 1 < bytes.count && bytes[i + 1] == dollar
                if let close = closing(bytes, from: i, display: display) {
                    let start = i + (display ? 2 : 1)
                    let tex = String(decoding: bytes[start..<close], as: UTF8.self)
                    spans.append(Span(tex: tex, display: display, line: line))
                    let open = display ? displayOpen : inlineOpen, shut = display ? displayClose : inlineClose
                    result += "\(open)\(spans.count - 1)\(shut)".utf8
                    let newlines = bytes[start..<close].reduce(0) { $1 == newline ? $0 + 1 : $0 }
                    result += repeatElement(newline, count: newlines)
                    line += newlines
                    i = close + (display ? 2 : 1)
                    continue
                }
            }
            result.append(c)
            i += 1
        }
        result.append(newline)
    }

    /// The index of the closing delimiter for math opened at `start`, or nil when it is text.
    private static func closing(_ bytes: [UInt8], from start: Int, display: Bool) -> Int? {
        let dollar = UInt8(ascii: "$"), backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
        if display {
            var j = start + 2
            while j + 1 < bytes.count {
                if bytes[j] == backslash { j += 2; continue }
                if bytes[j] == dollar, bytes[j + 1] == dollar { return j > start + 2 ? j : nil }
                j += 1
            }
            return nil
        }
        let first = start + 1
        guard first < bytes.count, !character(in: bytes, at: first).isWhitespace, bytes[first] != dollar else { return nil }
        var j = first
        while j < bytes.count {
            let c = bytes[j]
            if c == backslash { j += 2; continue }
            // A code span or a paragraph break ends the search: that `$` was text.
            if c == UInt8(ascii: "`") { return nil }
            if c == newline, j + 1 < bytes.count, bytes[j + 1] == newline { return nil }
            if c == dollar {
                var before = j - 1
                while before > 0, bytes[before] & 0xC0 == 0x80 { before -= 1 }
                let after: Character? = j + 1 < bytes.count ? character(in: bytes, at: j + 1) : nil
                if !character(in: bytes, at: before).isWhitespace, after.map({ !$0.isNumber }) ?? true { return j }
                return nil
            }
            j += 1
        }
        return nil
    }

    /// The character starting at byte `index` (ASCII at once; else decoded).
    private static func character(in bytes: [UInt8], at index: Int) -> Character {
        let byte = bytes[index]
        if byte < 0x80 { return Character(Unicode.Scalar(byte)) }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self).first ?? " "
    }
}
