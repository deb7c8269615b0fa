/// How deeply each line of Swift source is nested, and its code with everything that is not
/// code blanked, read line by line without a parser: what the snippet build needs to know where
/// a statement may stand (``SliceMarkers``), and what grading needs to know that a given line
/// was not moved into a block and what the student's own code declares (``ExerciseSource``).
enum SwiftNesting {
    /// What one traversal of the source found.
    struct Scan {
        /// Each line's nesting at its start: the braces, brackets and parentheses open around it
        /// (strings, comments and regex literals skipped; an interpolation's code counts), plus
        /// one for each string, block comment or interpolation it starts inside, plus, when asked
        /// for, the `#if` blocks open around it (an `#if` line itself is outside its block, the
        /// lines after it to its `#endif` inside). 0 is where a top-level statement may stand.
        var depths: [Int]
        /// Each line with the contents of string literals, block comments and regex literals
        /// (`#/.../#`, and a bare `/.../` where an expression starts) replaced by spaces and a
        /// `//` comment cut off (an interpolation's code kept), so that what is left is code:
        /// words, operators and brackets.
        var skeleton: [String]
        /// The first 0-based line where the reading went wrong: a bracket closed that was not
        /// open, or (the last line) brackets, strings or comments left open at the end. Code
        /// that compiles is balanced, so a scan of it that is not was misread.
        var unbalanced: Int?
    }

    /// ``Scan/depths`` of `lines`.
    static func depths(_ lines: [String], conditionals: Bool = false) -> [Int] {
        scan(lines, conditionals: conditionals).depths
    }

    /// Reads `lines` once; with `conditionals`, `#if` blocks count in the depths.
    static func scan(_ lines: [String], conditionals: Bool = false) -> Scan {
        enum State { case code, string(hashes: Int, multiline: Bool), blockComment(depth: Int), regex(hashes: Int) }
        var stack: [State] = [.code]
        // Nesting of (, [ and { in code; an interpolation remembers the depth it started at.
        var depth = 0
        var interpolations: [Int] = []
        var conditional = 0
        var result = Scan(depths: [], skeleton: [], unbalanced: nil)
        // The line where the outermost bracket, string or comment still open was opened.
        var opened: Int?
        for line in lines {
            result.depths.append(depth + stack.count - 1 + conditional)
            let characters = Array(line)
            var skeleton = ""
            var index = 0
            func at(_ offset: Int) -> Character? { index + offset < characters.count ? characters[index + offset] : nil }
            // Moves past `count` characters, keeping them in the skeleton or blanking them.
            func advance(_ count: Int, keep: Bool) {
                for offset in 0..<count where index + offset < characters.count {
                    skeleton.append(keep ? characters[index + offset] : " ")
                }
                index += count
            }
            lineLoop: while index < characters.count {
                let character = characters[index]
                switch stack.last ?? .code {
                case .code:
                    if character == "/", at(1) == "/" { break lineLoop }
                    if character == "/", at(1) == "*" { stack.append(.blockComment(depth: 1)); advance(2, keep: false); continue }
                    // A bare regex literal, /.../ on one line, where an expression starts (after an
                    // operator with a space between, an opening bracket, a comma, `try`, `return`,
                    // `await`, `throw`, `in` or nothing), not right after an operator character
                    // (`1+/2` is an operator `+/`) and not before a space.
                    if character == "/", let first = at(1), first != " ", first != "\t",
                        index == 0 || !"/=-+!*%<>&|^~?.".contains(characters[index - 1]),
                        Self.expressionStarts(before: skeleton),
                        let length = Self.regexLength(characters, from: index)
                    {
                        advance(length, keep: false)
                        continue
                    }
                    if character == "#" || character == "\"" {
                        var hashes = 0
                        while at(hashes) == "#" { hashes += 1 }
                        if at(hashes) == "\"" {
                            let multiline = at(hashes + 1) == "\"" && at(hashes + 2) == "\""
                            stack.append(.string(hashes: hashes, multiline: multiline))
                            advance(hashes + (multiline ? 3 : 1), keep: true)
                            continue
                        }
                        if hashes > 0, at(hashes) == "/" {
                            stack.append(.regex(hashes: hashes))
                            advance(hashes + 1, keep: false)
                            continue
                        }
                    }
                    if "([{".contains(character) { depth += 1 }
                    if ")]}".contains(character) {
                        if character == ")", let start = interpolations.last, start == depth {
                            interpolations.removeLast()
                            stack.removeLast()
                            advance(1, keep: false)
                            continue
                        }
                        if depth == 0, result.unbalanced == nil { result.unbalanced = result.depths.count - 1 }
                        depth = max(0, depth - 1)
                    }
                    advance(1, keep: true)
                    continue
                case let .string(hashes, multiline):
                    if character == "\\", characters[(index + 1)...].prefix(hashes).allSatisfy({ $0 == "#" }), index + 1 + hashes <= characters.count {
                        if at(hashes + 1) == "(" {
                            interpolations.append(depth)
                            stack.append(.code)
                            advance(hashes + 2, keep: false)
                            continue
                        }
                        advance(hashes + 2, keep: false)
                        continue
                    }
                    let quotes = multiline ? 3 : 1
                    if character == "\"", (0..<quotes).allSatisfy({ at($0) == "\"" }), (0..<hashes).allSatisfy({ at(quotes + $0) == "#" }) {
                        stack.removeLast()
                        advance(quotes + hashes, keep: true)
                        continue
                    }
                case let .blockComment(level):
                    if character == "*", at(1) == "/" {
                        stack.removeLast()
                        if level > 1 { stack.append(.blockComment(depth: level - 1)) }
                        advance(2, keep: false)
                        continue
                    }
                    if character == "/", at(1) == "*" { stack.removeLast(); stack.append(.blockComment(depth: level + 1)); advance(2, keep: false); continue }
                case let .regex(hashes):
                    if character == "\\" { advance(2, keep: false); continue }
                    if character == "/", (0..<hashes).allSatisfy({ at(1 + $0) == "#" }) {
                        stack.removeLast()
                        advance(1 + hashes, keep: false)
                        continue
                    }
                }
                advance(1, keep: false)
            }
            // A single-line string does not go past its line.
            if case let .string(_, multiline)? = stack.last, !multiline { stack.removeLast() }
            if depth + stack.count - 1 == 0 { opened = nil } else if opened == nil { opened = result.depths.count - 1 }
            // An `#if` opens a block from the next line on, an `#endif` closes one (comments
            // before either are blanked in the skeleton).
            let directive = skeleton.drop { $0 == " " || $0 == "\t" }
            if conditionals, directive.hasPrefix("#if") { conditional += 1 }
            if conditionals, directive.hasPrefix("#endif") { conditional = max(0, conditional - 1) }
            result.skeleton.append(skeleton)
        }
        if depth > 0 || stack.count > 1, result.unbalanced == nil { result.unbalanced = opened ?? max(0, lines.count - 1) }
        return result
    }

    /// Whether an expression may start after `skeleton`, the code of the line so far: after an
    /// opening bracket, a comma or an operator (spaces between), after `try`, `return`, `await`,
    /// `throw` or `in`, or at the start of the line.
    static func expressionStarts(before skeleton: String) -> Bool {
        let before = skeleton.reversed().drop { $0 == " " || $0 == "\t" }
        guard let last = before.first else { return true }
        if "([{,;:=!&|^~+-*%<>?".contains(last) { return true }
        let word = String(before.prefix { $0.isLetter }.reversed())
        return ["try", "return", "await", "throw", "in"].contains(word)
    }

    /// The length of a bare regex literal starting with the `/` at `start`: up to the next `/`
    /// on the line that is not escaped or inside a character class; nil when there is none.
    static func regexLength(_ characters: [Character], from start: Int) -> Int? {
        var index = start + 1
        var inClass = false
        while index < characters.count {
            switch characters[index] {
            case "\\": index += 1
            case "[": inClass = true
            case "]": inClass = false
            case "/" where !inClass: return index - start + 1
            default: break
            }
            index += 1
        }
        return nil
    }
}
