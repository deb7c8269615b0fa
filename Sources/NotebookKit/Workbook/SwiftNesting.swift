/// How deeply each line of Swift source is nested, read line by line without a parser: what
/// the snippet build needs to know where a statement may stand (``SliceMarkers``), and what
/// grading needs to know that a given line was not moved into a block (``ExerciseSource``).
enum SwiftNesting {
    /// Each line's nesting at its start: the braces, brackets and parentheses open around it
    /// (strings and comments skipped; an interpolation's code counts), plus one when it starts
    /// inside a multi-line string or a block comment, plus, with `conditionals`, the `#if`
    /// blocks open around it. 0 is where a top-level statement may stand.
    static func depths(_ lines: [String], conditionals: Bool = false) -> [Int] {
        enum State { case code, string(hashes: Int, multiline: Bool), blockComment(depth: Int) }
        var stack: [State] = [.code]
        // Nesting of (, [ and { in code; an interpolation remembers the depth it started at.
        var depth = 0
        var interpolations: [Int] = []
        var conditional = 0
        var result: [Int] = []
        for line in lines {
            if conditionals, stack.count == 1, line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#endif") { conditional = max(0, conditional - 1) }
            result.append(depth + stack.count - 1 + conditional)
            if conditionals, stack.count == 1, line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#if") { conditional += 1 }
            let characters = Array(line)
            var index = 0
            func at(_ offset: Int) -> Character? { index + offset < characters.count ? characters[index + offset] : nil }
            lineLoop: while index < characters.count {
                let character = characters[index]
                switch stack.last ?? .code {
                case .code:
                    if character == "/", at(1) == "/" { break lineLoop }
                    if character == "/", at(1) == "*" { stack.append(.blockComment(depth: 1)); index += 2; continue }
                    if character == "#" || character == "\"" {
                        var hashes = 0
                        while at(hashes) == "#" { hashes += 1 }
                        if at(hashes) == "\"" {
                            let multiline = at(hashes + 1) == "\"" && at(hashes + 2) == "\""
                            stack.append(.string(hashes: hashes, multiline: multiline))
                            index += hashes + (multiline ? 3 : 1)
                            continue
                        }
                    }
                    if "([{".contains(character) { depth += 1 }
                    if ")]}".contains(character) {
                        if character == ")", let start = interpolations.last, start == depth {
                            interpolations.removeLast()
                            stack.removeLast()
                            index += 1
                            continue
                        }
                        depth = max(0, depth - 1)
                    }
                case let .string(hashes, multiline):
                    if character == "\\", characters[(index + 1)...].prefix(hashes).allSatisfy({ $0 == "#" }), index + 1 + hashes <= characters.count {
                        if at(hashes + 1) == "(" {
                            interpolations.append(depth)
                            stack.append(.code)
                            index += hashes + 2
                            continue
                        }
                        index += hashes + 2
                        continue
                    }
                    let quotes = multiline ? 3 : 1
                    if character == "\"", (0..<quotes).allSatisfy({ at($0) == "\"" }), (0..<hashes).allSatisfy({ at(quotes + $0) == "#" }) {
                        stack.removeLast()
                        index += quotes + hashes
                        continue
                    }
                case let .blockComment(level):
                    if character == "*", at(1) == "/" {
                        stack.removeLast()
                        if level > 1 { stack.append(.blockComment(depth: level - 1)) }
                        index += 2
                        continue
                    }
                    if character == "/", at(1) == "*" { stack.removeLast(); stack.append(.blockComment(depth: level + 1)); index += 2; continue }
                }
                index += 1
            }
            // A single-line string does not go past its line.
            if case let .string(_, multiline)? = stack.last, !multiline { stack.removeLast() }
        }
        return result
    }
}
