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

    /// The source with formulas replaced by placeholders, and the formulas.
    static func extract(_ markdown: String) -> (String, [Span]) {
        var spans: [Span] = []
        var output = ""
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fence: (character: Character, length: Int)?
        var paragraph: [(number: Int, text: String)] = []
        func flush() {
            guard !paragraph.isEmpty else { return }
            output += replace(paragraph, into: &spans)
            paragraph.removeAll()
        }
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                output += line + "\n"
                let run = trimmed.prefix { $0 == open.character }
                if run.count >= open.length, trimmed.dropFirst(run.count).allSatisfy({ $0 == " " || $0 == "\r" }) { fence = nil }
                continue
            }
            if let first = trimmed.first, first == "`" || first == "~", line.count - trimmed.count < 4 {
                let run = trimmed.prefix { $0 == first }
                if run.count >= 3 {
                    flush()
                    fence = (first, run.count)
                    output += line + "\n"
                    continue
                }
            }
            if trimmed.allSatisfy({ $0 == " " || $0 == "\r" || $0 == "\t" }) {
                flush()
                output += line + "\n"
                continue
            }
            paragraph.append((index + 1, line))
        }
        flush()
        // Every line went out with a newline: the last line of the input had none.
        if output.hasSuffix("\n") { output.removeLast() }
        return (output, spans)
    }

    /// Replaces the formulas of one paragraph (consecutive non-blank lines).
    private static func replace(_ lines: [(number: Int, text: String)], into spans: inout [Span]) -> String {
        let text = lines.map(\.text).joined(separator: "\n")
        let characters = Array(text)
        let firstLine = lines[0].number
        var result = ""
        var i = 0
        var line = firstLine
        func lineAt(_ index: Int) -> Int { firstLine + characters[..<index].filter { $0 == "\n" }.count }
        while i < characters.count {
            let c = characters[i]
            if c == "\n" { line += 1 }
            if c == "\\", i + 1 < characters.count {
                result.append(c)
                result.append(characters[i + 1])
                if characters[i + 1] == "\n" { line += 1 }
                i += 2
                continue
            }
            if c == "`" {
                // A code span: copy up to the matching run of backticks.
                var run = 0
                while i + run < characters.count, characters[i + run] == "`" { run += 1 }
                var j = i + run
                var closed = false
                while j < characters.count {
                    if characters[j] == "`" {
                        var other = 0
                        while j + other < characters.count, characters[j + other] == "`" { other += 1 }
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
                result += String(characters[i..<end])
                line += characters[i..<end].filter { $0 == "\n" }.count
                i = end
                continue
            }
            if c == "$" {
                let display = i + 1 < characters.count && characters[i + 1] == "$"
                if let close = closing(characters, from: i, display: display) {
                    let start = i + (display ? 2 : 1)
                    let tex = String(characters[start..<close])
                    let spanLine = lineAt(i)
                    spans.append(Span(tex: tex, display: display, line: spanLine))
                    let open = display ? displayOpen : inlineOpen, shut = display ? displayClose : inlineClose
                    result += "\(open)\(spans.count - 1)\(shut)"
                    let newlines = tex.filter { $0 == "\n" }.count
                    result += String(repeating: "\n", count: newlines)
                    line += newlines
                    i = close + (display ? 2 : 1)
                    continue
                }
            }
            result.append(c)
            i += 1
        }
        return result + "\n"
    }

    /// The index of the closing delimiter for math opened at `start`, or nil when it is text.
    private static func closing(_ characters: [Character], from start: Int, display: Bool) -> Int? {
        if display {
            var j = start + 2
            while j + 1 < characters.count {
                if characters[j] == "\\" { j += 2; continue }
                if characters[j] == "$", characters[j + 1] == "$" { return j > start + 2 ? j : nil }
                j += 1
            }
            return nil
        }
        let first = start + 1
        guard first < characters.count, !characters[first].isWhitespace, characters[first] != "$" else { return nil }
        var j = first
        while j < characters.count {
            let c = characters[j]
            if c == "\\" { j += 2; continue }
            // A code span or a paragraph break ends the search: that `$` was text.
            if c == "`" { return nil }
            if c == "\n", j + 1 < characters.count, characters[j + 1] == "\n" { return nil }
            if c == "$" {
                let before = characters[j - 1]
                let after: Character? = j + 1 < characters.count ? characters[j + 1] : nil
                if !before.isWhitespace, after.map({ !$0.isNumber }) ?? true { return j }
                return nil
            }
            j += 1
        }
        return nil
    }
}
