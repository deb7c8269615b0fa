extension ExerciseSource {
    /// How a student's version departs from the lines the exercise gave (``departure(in:)``).
    public enum Departure: Sendable, Equatable, CustomStringConvertible {
        /// A given line changed or removed: its 1-based line in the starter, and its text.
        case changed(line: Int, text: String)
        /// A given line kept but moved into a block, a comment, a string or an `#if` that the
        /// exercise did not put it in (where `if false { }` would keep it from running): its
        /// 1-based line in the starter, and its text.
        case moved(line: Int, text: String)
        /// A declaration of the student's own, at top level or in an extension of theirs, with
        /// a name the exercise's checks use and the exercise does not declare (`check`,
        /// `record` or `show`, or a function or operator such as `abs` or `==`), which would
        /// stand in for the one the checks mean, on the student's 1-based line.
        case shadows(String, line: Int)
        /// A check of the student's own that says which line made it (`check(…, line: 9)` or a
        /// `#sourceLocation`), so that it would pass for one of the exercise's, on the student's
        /// 1-based line.
        case setsCheckLine(line: Int)
        /// The student's file does not read as balanced Swift from its 1-based line on (a
        /// bracket closed that was not open, or something left open at the end), so where its
        /// lines stand cannot be told.
        case unreadable(line: Int)

        /// The departure in a few words, for a list of exercises: "changed the exercise's line 3".
        public var summary: String {
            switch self {
            case let .changed(line, _): "changed the exercise's line \(line)"
            case let .moved(line, _): "moved the exercise's line \(line)"
            case let .shadows(name, _): "declares its own \(name)"
            case .setsCheckLine: "sets a check's line"
            case .unreadable: "unbalanced"
            }
        }

        /// The departure in words, such as "changed the exercise's line 3 (let unit = 1.0)".
        public var description: String {
            switch self {
            case let .changed(line, text): "changed the exercise's line \(line) (\(text))"
            case let .moved(line, text): "moved the exercise's line \(line) (\(text)) into a block, comment or #if of its own"
            case let .shadows(name, line): "declares its own '\(name)' on its line \(line)"
            case let .setsCheckLine(line): "sets the line a check reports on its line \(line)"
            case let .unreadable(line): "does not read as balanced Swift from its line \(line) (a bracket, string or comment)"
            }
        }
    }

    /// A student's version against the exercise's lines.
    public struct Comparison: Sendable, Equatable {
        /// How it departs from them, or nil.
        public var departure: Departure?
        /// The student's 1-based lines that are the exercise's given lines, found in order and
        /// as deeply nested (all of them when `departure` is nil): the only lines of the
        /// student's file whose checks count.
        public var givenLines: Set<Int>
    }

    /// The first of the starter's own code lines that a student's file no longer has, in order
    /// and as deeply nested, or else the first declaration of the student's own that would
    /// stand in for a name the checks use; nil when neither (``compare(_:)``).
    public func departure(in student: String) -> Departure? {
        compare(student).departure
    }

    /// Compares a student's version with the exercise's lines.
    ///
    /// A student writes their answers in place of the stubs and may add lines anywhere (helpers,
    /// imports, prints), but the lines the exercise gave them (the checks, the helpers the
    /// hidden checks call, the declarations) are the exercise's: a version that changed one
    /// could pass a check it did not earn (nbgrader's locked cells). Lines are compared as
    /// `code(_:)` gives them (spacing and trailing `//` comments aside) and as `pieces(_:depths:openers:)`
    /// splits them (where braces stand aside); blank lines, comments, `import`s, stubs and the
    /// hidden-checks placeholder are left out. A given line must stand as deeply in braces,
    /// comments, strings and `#if`s as the exercise put it, so it cannot be wrapped in
    /// `if false { }`. Then the student's own declarations must not take a name the checks use,
    /// and their checks must not set the line they report. This is a check of lines, not a
    /// proof: the student's code runs in the same process as the checks, so graders still read
    /// submissions that score oddly.
    public func compare(_ student: String) -> Comparison {
        let studentLines = Self.lines(student).map(String.init)
        let compared = studentLines.map { Self.code(Substring($0)) }
        let starter = Self.lines(starterText).map(String.init)
        let studentScan = SwiftNesting.scan(studentLines, conditionals: true)
        if let line = studentScan.unbalanced { return Comparison(departure: .unreadable(line: line + 1), givenLines: []) }
        let starterDepths = SwiftNesting.depths(starter, conditionals: true)
        let stub = Self.code(Substring(Self.stub)), placeholder = Self.code(Substring(Self.placeholder))
        let given = Set(starter.map { Self.code(Substring($0)) })
        let pieces = Self.pieces(compared, depths: studentScan.depths, openers: given)
        var position = 0
        var inBlock = false
        var matched: Set<Int> = []
        for (index, line) in starter.enumerated() {
            let own = Self.code(Substring(line))
            // Lines of a /* ... */ comment in the starter are instructions, not code.
            if inBlock || own.hasPrefix("/*") {
                inBlock = !own.contains("*/")
                continue
            }
            if own.isEmpty || own.hasPrefix("import") || own == stub || own == placeholder { continue }
            let matches = pieces[position...].indices.filter { pieces[$0].code == own }
            let text = line.trimmingCharacters(in: " \t\r")
            guard !matches.isEmpty else { return Comparison(departure: .changed(line: index + 1, text: text), givenLines: []) }
            guard let found = matches.first(where: { pieces[$0].depth == starterDepths[index] }) else {
                return Comparison(departure: .moved(line: index + 1, text: text), givenLines: [])
            }
            matched.insert(found)
            position = found + 1
        }
        // A line is the exercise's only when all of its code is: a check the student writes after
        // a given `{` on the same line is theirs.
        var givenLines = Set(matched.map { pieces[$0].line + 1 })
        for (index, piece) in pieces.enumerated() where !matched.contains(index) && !piece.code.isEmpty {
            givenLines.remove(piece.line + 1)
        }
        // A declaration of the student's own would stand in for what the checks call. (The
        // declarations' depths are their brackets: an `#if` makes no scope.)
        let authors = Self.tokens(SwiftNesting.scan(starter + graderBlocks.joined()).skeleton)
        let authorsOwn = Set(Self.declarations(authors, ownExtensions: false).map(\.name))
        let used = Self.namesUsed(authors).union(["check", "record", "show"]).subtracting(authorsOwn)
        let usedMembers = Self.namesUsed(authors, members: true)
        let added = { (line: Int) in !given.contains(compared[line]) }
        let theirs = Self.tokens(studentScan.skeleton)
        let declared = Self.declarations(theirs, ownExtensions: true, counts: added)
        if let shadow = declared.first(where: { $0.member ? usedMembers.contains($0.name) || ($0.name.first.map(Self.isOperator) ?? false) && used.contains($0.name) : used.contains($0.name) }) {
            return Comparison(departure: .shadows(shadow.name, line: shadow.line + 1), givenLines: givenLines)
        }
        if let line = Self.checkLineSet(theirs, counts: added) {
            return Comparison(departure: .setsCheckLine(line: line + 1), givenLines: givenLines)
        }
        return Comparison(departure: nil, givenLines: givenLines)
    }

    /// A student's line, or part of one, as the comparison reads it: its code, its 0-based line
    /// and its nesting.
    struct Piece {
        var code: String
        var line: Int
        var depth: Int
    }

    /// The student's lines (as ``code(_:)`` gives them, with their depths) as pieces that
    /// forgive where braces stand: a line that is only `{` joins the line before it; a line
    /// that starts with one of the exercise's lines ending in `{` (`given`) is that line and the
    /// rest; a line ending in `}` is the rest and the `}`. So `func f() -> Double { x }` and
    /// a brace on the next line keep the exercise's lines; code inside a given line's own
    /// braces (a check's closure) is still compared whole.
    static func pieces(_ codes: [String], depths: [Int], openers given: Set<String>) -> [Piece] {
        // The given lines that end in `{`, longest first (so that the choice does not depend on
        // a set's order), each with the brackets it leaves open, which nest what follows it.
        let openers = given.filter { $0.hasSuffix("{") }.sorted { ($0.count, $0) > ($1.count, $1) }.map { opener in
            let skeleton = SwiftNesting.scan([opener]).skeleton[0]
            return (code: opener, opens: skeleton.filter { "([{".contains($0) }.count - skeleton.filter { ")]}".contains($0) }.count)
        }
        var pieces: [Piece] = []
        for (line, code) in codes.enumerated() {
            var rest = Substring(code), depth = depths[line]
            // A brace on the next line joins the line before it; code after it is one level in.
            if code.hasPrefix("{"), let last = pieces.lastIndex(where: { !$0.code.isEmpty }), code == "{" || given.contains(pieces[last].code + "{") {
                pieces[last].code += "{"
                if code == "{" { continue }
                rest = rest.dropFirst()
                depth += 1
            }
            if !given.contains(code), let opener = openers.first(where: { $0.code.count < rest.count && rest.hasPrefix($0.code) }) {
                pieces.append(Piece(code: opener.code, line: line, depth: depth))
                rest = rest.dropFirst(opener.code.count)
                depth += opener.opens
            }
            if rest.count > 1, rest.hasSuffix("}"), given.contains("}"), !given.contains(String(rest)) {
                pieces.append(Piece(code: String(rest.dropLast()), line: line, depth: depth))
                pieces.append(Piece(code: "}", line: line, depth: depth))
            } else {
                pieces.append(Piece(code: String(rest), line: line, depth: depth))
            }
        }
        return pieces
    }

    /// One word or operator of code, on its 0-based line, with the brackets open before it.
    struct Token {
        var text: String
        var line: Int
        var depth: Int
    }

    /// The code of skeleton lines (``SwiftNesting/Scan/skeleton``) as words (backticks taken
    /// off), runs of operator characters, and single brackets and punctuation.
    static func tokens(_ skeleton: [String]) -> [Token] {
        var tokens: [Token] = []
        var depth = 0
        for (line, text) in skeleton.enumerated() {
            var word = "", symbol = ""
            func flush() {
                if !word.isEmpty { tokens.append(Token(text: word, line: line, depth: depth)); word = "" }
                if !symbol.isEmpty { tokens.append(Token(text: symbol, line: line, depth: depth)); symbol = "" }
            }
            for character in text {
                if isWord(character) {
                    if !symbol.isEmpty { flush() }
                    word.append(character)
                } else if isOperator(character) {
                    if !word.isEmpty { flush() }
                    symbol.append(character)
                } else {
                    flush()
                    guard character != " ", character != "\t", character != "`" else { continue }
                    if ")]}".contains(character) { depth = max(0, depth - 1) }
                    tokens.append(Token(text: String(character), line: line, depth: depth))
                    if "([{".contains(character) { depth += 1 }
                }
            }
            flush()
        }
        return tokens
    }

    /// What code (``tokens(_:)``) declares at top level (`func`, `let`, `var` with each of its bindings,
    /// also on following lines after a comma, `guard let` with each name its conditions bind,
    /// the kinds of type, each name of a tuple pattern), and, with `ownExtensions`, the methods
    /// and initialisers of an `extension` whose keyword is on a line `counts` (an initialiser
    /// named by the extended type); only declarations whose keyword is on a line `counts`.
    /// `member` tells methods from the rest.
    static func declarations(_ tokens: [Token], ownExtensions: Bool, counts: (Int) -> Bool = { _ in true }) -> [(name: String, line: Int, member: Bool)] {
        let keywords: Set<String> = ["func", "let", "var", "struct", "enum", "class", "actor", "typealias", "protocol"]
        var found: [(name: String, line: Int, member: Bool)] = []
        // The type of the extension of the student's own being read (its body), or about to be.
        var pending: String?, extended: String?
        func isName(_ text: String) -> Bool { text.first.map { $0.isLetter || $0 == "_" } == true && text != "_" }
        // What a `let` after a comma belongs to: the statement's first keyword at its depth.
        func owner(of index: Int) -> String? {
            let depth = tokens[index].depth
            for previous in tokens[..<index].reversed() where previous.depth <= depth {
                if previous.depth < depth || [";", "{", "}"].contains(previous.text) { return nil }
                if ["guard", "if", "while", "case", "for"].contains(previous.text) { return previous.text }
            }
            return nil
        }
        for (index, token) in tokens.enumerated() {
            if token.depth == 0 {
                if token.text == "extension", ownExtensions, counts(token.line), index + 1 < tokens.count { pending = tokens[index + 1].text }
                if token.text == "{" { extended = pending; pending = nil }
                if token.text == "}" { extended = nil }
            }
            // An initialiser in an extension of the student's own stands in for the type's: `Double(…)`.
            if let type = extended, token.depth == 1, token.text == "init", counts(token.line) { found.append((type, token.line, false)) }
            // An extension's properties are left alone: `.mean` in a check may be an enum's case.
            let member = extended != nil && token.depth == 1 && token.text == "func"
            guard keywords.contains(token.text), token.depth == 0 || member, counts(token.line), index + 1 < tokens.count else { continue }
            // `if let`, `while let`, `case let` and `for var` bind only in their block; `guard let` and
            // the names after its commas bind for the rest of the file.
            if token.text == "let" || token.text == "var", index > 0 {
                let previous = tokens[index - 1].text
                if ["if", "while", "case", "for"].contains(previous) { continue }
                if previous == ",", owner(of: index) != "guard" { continue }
            }
            let next = tokens[index + 1]
            if next.text == "(", token.text == "let" || token.text == "var" {
                // A tuple pattern: every name in it.
                for inner in tokens[(index + 2)...].prefix(while: { $0.depth > token.depth }) where isName(inner.text) {
                    found.append((inner.text, token.line, member))
                }
            } else if next.text.first.map({ $0.isLetter || $0 == "_" || isOperator($0) }) == true {
                found.append((next.text, token.line, member))
                // More bindings: `var a = 0, print = …`, also on the next line after a comma.
                guard token.text == "let" || token.text == "var" else { continue }
                var last = next
                for following in tokens[(index + 2)...] {
                    if following.depth == token.depth, following.text == ";" { break }
                    if following.line != last.line, !(last.text == "," && last.depth == token.depth), following.depth <= token.depth { break }
                    // `, let` or `, case` goes on a condition list, read by the loop itself.
                    if last.text == ",", keywords.contains(following.text) || following.text == "case" { break }
                    if last.text == ",", last.depth == token.depth, isName(following.text) { found.append((following.text, following.line, member)) }
                    last = following
                }
            }
        }
        return found
    }

    /// The first 0-based line of code (``tokens(_:)``), among those `counts`, with a `#sourceLocation`, a call of
    /// `check` that passes its `line:`, or `check` taken as a value (whose calls pass the line
    /// without a label): a check is judged by the line it reports.
    static func checkLineSet(_ tokens: [Token], counts: (Int) -> Bool) -> Int? {
        for (index, token) in tokens.enumerated() where counts(token.line) {
            if token.text == "sourceLocation", index > 0, tokens[index - 1].text == "#" { return token.line }
            guard token.text == "check" else { continue }
            let member = index > 0 && tokens[index - 1].text == "."
            if member, index < 2 || tokens[index - 2].text != "NotebookRuntime" { continue }
            guard index + 1 < tokens.count, tokens[index + 1].text == "(" else {
                if index + 1 < tokens.count, tokens[index + 1].text == ":" { continue }
                return token.line
            }
            let inside = tokens[(index + 2)...].prefix { $0.depth > token.depth }
            if zip(inside, inside.dropFirst()).contains(where: { $0.text == "line" && $0.depth == token.depth + 1 && $1.text == ":" }) { return token.line }
        }
        return nil
    }

    /// The functions and operators that code (``tokens(_:)``) uses: words called (followed by `(` or a
    /// trailing closure's `{`), and runs of operator characters; with `members`, the methods
    /// called after a `.` instead.
    static func namesUsed(_ tokens: [Token], members: Bool = false) -> Set<String> {
        var names: Set<String> = []
        for (index, token) in tokens.enumerated() {
            guard let first = token.text.first else { continue }
            if isOperator(first) { names.insert(token.text); continue }
            guard first.isLetter || first == "_" else { continue }
            let afterDot = index > 0 && tokens[index - 1].text == "."
            guard afterDot == members, index + 1 < tokens.count, ["(", "{"].contains(tokens[index + 1].text) else { continue }
            names.insert(token.text)
        }
        return names
    }

    static func isOperator(_ character: Character) -> Bool { "/=-+!*%<>&|^~?".contains(character) }
}
