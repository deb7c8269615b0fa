import Support

/// Compares a snippet's printed output with the expected block: numbers within a relative
/// tolerance (``Tolerance``, capped at 1), everything else exactly; on a mismatch, a readable
/// line diff.
public enum OutputComparison {
    /// A piece of text: a number or the text between numbers.
    enum Token: Equatable {
        case number(Double, String)
        case text(String)
    }

    /// Whether `actual` matches `expected`.
    public static func matches(expected: String, actual: String, tolerance: Double) -> Bool {
        let a = tokens(expected), b = tokens(actual)
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            switch (x, y) {
            case let (.text(s), .text(t)):
                if s != t { return false }
            case let (.number(u, uText), .number(v, vText)):
                if uText == vText || (u.isNaN && v.isNaN) { continue }
                guard Tolerance(relative: tolerance).accepts(u, v) else { return false }
            default:
                return false
            }
        }
        return true
    }

    /// Splits text into numbers (`-1.5e-3`, `42`, `inf`, `nan`) and the text between them.
    static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        var pending = ""
        let characters = Array(text)
        var i = 0
        func flush() {
            if !pending.isEmpty { result.append(.text(pending)) }
            pending = ""
        }
        while i < characters.count {
            let c = characters[i]
            let startsNumber = c.isASCII && (c.isNumber || ((c == "-" || c == "+") && i + 1 < characters.count && characters[i + 1].isASCII && characters[i + 1].isNumber))
            let previousIsWord = i > 0 && (characters[i - 1].isLetter || characters[i - 1] == "_")
            if startsNumber && !previousIsWord {
                var j = i + 1
                while j < characters.count, characters[j].isASCII, characters[j].isNumber { j += 1 }
                if j + 1 < characters.count, characters[j] == ".", characters[j + 1].isNumber {
                    j += 1
                    while j < characters.count, characters[j].isASCII, characters[j].isNumber { j += 1 }
                }
                if j < characters.count, characters[j] == "e" || characters[j] == "E" {
                    var k = j + 1
                    if k < characters.count, characters[k] == "-" || characters[k] == "+" { k += 1 }
                    if k < characters.count, characters[k].isASCII, characters[k].isNumber {
                        while k < characters.count, characters[k].isASCII, characters[k].isNumber { k += 1 }
                        j = k
                    }
                }
                let literal = String(characters[i..<j])
                if let value = Double(literal) {
                    flush()
                    result.append(.number(value, literal))
                    i = j
                    continue
                }
            }
            pending.append(c)
            i += 1
        }
        flush()
        return result
    }

    /// A line diff: lines only in `expected` start with `- `, only in `actual` with `+ `,
    /// common lines with two spaces; at most `context` unchanged lines around each change. Lines
    /// whose numbers agree within `tolerance` count as the same.
    public static func diff(expected: String, actual: String, context: Int = 2, tolerance: Double = 0) -> String {
        func lines(_ text: String) -> [String] {
            var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if text.hasSuffix("\n") { result.removeLast() }
            return result
        }
        let a = lines(expected)
        let b = lines(actual)
        func same(_ x: String, _ y: String) -> Bool { x == y || matches(expected: x, actual: y, tolerance: tolerance) }
        // Longest common subsequence table.
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = same(a[i], b[j]) ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var lines: [(Character, String)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, same(a[i], b[j]) {
                lines.append((" ", a[i])); i += 1; j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                lines.append(("-", a[i])); i += 1
            } else {
                lines.append(("+", b[j])); j += 1
            }
        }
        let changed = lines.indices.filter { lines[$0].0 != " " }
        return lines.indices.filter { index in changed.contains { abs($0 - index) <= context } }
            .map { "\(lines[$0].0) \(lines[$0].1)" }.joined(separator: "\n")
    }
}
