/// An exercise snippet's versions: the student's starter file, what a page shows of the starter
/// and of the solution, and the hidden checks put back when a student's work is graded.
///
/// In the snippet, `// snippet.solution` ... `// snippet.end` marks the author's solution (any
/// number of regions): the student's version replaces each with ``stub``, a line that compiles
/// anywhere and stops the program with ``stubMessage``. `// snippet.grader` ... `// snippet.end`
/// marks hidden checks (nbgrader's hidden tests): the student's version keeps one
/// ``placeholder`` line in their place, and ``graded(_:)`` puts them back there.
public struct ExerciseSource: Sendable, Equatable {
    /// A solution or hidden-checks region, with the lines of its markers.
    public struct Region: Sendable, Equatable {
        /// What a region holds.
        public enum Kind: String, Sendable, Equatable, CustomStringConvertible {
            /// The author's solution, stubbed for the student.
            case solution
            /// Checks hidden from the student and from the page.
            case grader

            /// The marker's name.
            public var description: String { rawValue }
        }

        /// What it holds.
        public var kind: Kind
        /// The line of its opening marker.
        public var start: Int
        /// The line of its `// snippet.end`.
        public var end: Int

        /// Whether the 1-based snippet line is inside the region (markers included).
        public func contains(_ line: Int) -> Bool { (start...end).contains(line) }
    }

    /// A student's file with the hidden checks put back, and where each of its lines came from.
    public struct Graded: Sendable, Equatable {
        /// The text to build.
        public var text: String
        /// For each line of `text` (0-based), the student's line number, or nil for a hidden check's line.
        public var origin: [Int?]

        /// The student's line for a 1-based line of `text` (nil for hidden checks).
        public func studentLine(_ line: Int) -> Int? {
            line >= 1 && line <= origin.count ? origin[line - 1] : nil
        }
    }

    /// The message of the stub that replaces a solution; a run that stops with it has not been done.
    public static let stubMessage = "exercise: your code here"
    /// The stub itself (indented like the region it replaces).
    public static let stub = "fatalError(\"\(stubMessage)\")"
    /// The line left where hidden checks were.
    public static let placeholder = "// snippet.grader: hidden checks run here when your work is checked"

    /// The regions, in file order.
    public let regions: [Region]
    /// The student's starter: the snippet with each solution stubbed, each hidden-check region
    /// reduced to ``placeholder`` and the other markers dropped (hidden set-up lines stay: they
    /// are needed to compile).
    public let starterText: String
    /// What a page shows of the starter: hidden lines left out, numbered as in the starter file.
    public let starterLines: [SnippetSource.Line]
    /// What a page shows of the solution: hidden lines and hidden checks left out, numbered as in
    /// the snippet.
    public let solutionLines: [SnippetSource.Line]
    /// The hidden checks of each grader region, in order.
    public let graderBlocks: [[String]]

    /// Splits a snippet's lines (trailing spaces removed) by its regions (checked by ``SnippetSource``).
    init(lines: [String], regions: [Region]) {
        self.regions = regions
        var starter: [String] = []
        var starterLines: [SnippetSource.Line] = []
        var solutionLines: [SnippetSource.Line] = []
        var graders: [[String]] = []
        var hidden = false
        for (index, text) in lines.enumerated() {
            let number = index + 1
            let trimmed = text.trimmingCharacters(in: " \t")
            let indent = String(text.prefix { $0 == " " || $0 == "\t" })
            if let region = regions.first(where: { $0.contains(number) }) {
                let content = number != region.start && number != region.end
                switch region.kind {
                case .solution:
                    if number == region.start {
                        starter.append(indent + Self.stub)
                        if !hidden { starterLines.append(.init(number: starter.count, text: indent + Self.stub)) }
                    } else if content, !hidden {
                        solutionLines.append(.init(number: number, text: text))
                    }
                case .grader:
                    if number == region.start {
                        starter.append(indent + Self.placeholder)
                        graders.append([])
                    } else if content {
                        graders[graders.count - 1].append(text)
                    }
                }
                continue
            }
            if trimmed.hasPrefix("// snippet.") {
                let marker = trimmed.dropFirst("// snippet.".count).trimmingCharacters(in: " \t")
                if marker == "hide" { hidden = true } else if marker == "show" { hidden = false }
                continue
            }
            starter.append(text)
            if !hidden {
                starterLines.append(.init(number: starter.count, text: text))
                solutionLines.append(.init(number: number, text: text))
            }
        }
        while starter.last?.isEmpty == true { starter.removeLast() }
        starterText = starter.joined(separator: "\n") + "\n"
        self.starterLines = SnippetSource.trimBlankEdges(starterLines)
        self.solutionLines = SnippetSource.trimBlankEdges(solutionLines)
        graderBlocks = graders
    }

    /// How a student's version departs from the lines the exercise gave (``departure(in:)``).
    public enum Departure: Sendable, Equatable, CustomStringConvertible {
        /// A given line changed or removed: its 1-based line in the starter, and its text.
        case changed(line: Int, text: String)
        /// A given line kept but moved into a block, a comment, a string or an `#if` that the
        /// exercise did not put it in (where `if false { }` would keep it from running): its
        /// 1-based line in the starter, and its text.
        case moved(line: Int, text: String)
        /// A top-level declaration of the student's own with a name the exercise's checks use
        /// and the exercise does not declare (`check`, `record` or `show`, or a function or
        /// operator such as `abs` or `<`), which would stand in for the one the checks mean, on
        /// the student's 1-based line.
        case shadows(String, line: Int)

        /// The departure in words, such as "changed the exercise's line 3 (let unit = 1.0)".
        public var description: String {
            switch self {
            case let .changed(line, text): "changed the exercise's line \(line) (\(text))"
            case let .moved(line, text): "moved the exercise's line \(line) (\(text)) into a block, comment or #if of its own"
            case let .shadows(name, line): "declares its own '\(name)' on its line \(line)"
            }
        }
    }

    /// The first of the starter's own code lines that a student's file no longer has, in order
    /// and as deeply nested, or else the first line where the student's file declares its own
    /// `check`, `record` or `show`; nil when neither.
    ///
    /// A student writes their answers in place of the stubs and may add lines anywhere (helpers,
    /// imports, prints), but the lines the exercise gave them (the checks, the helpers the
    /// hidden checks call, the declarations) are the exercise's: a version that changed one
    /// could pass a check it did not earn (nbgrader's locked cells). Lines are compared without
    /// spaces and trailing `//` comments; blank lines, comments, `import`s, stubs and the
    /// hidden-checks placeholder are left out. A given line must stand as deeply in braces,
    /// comments, strings and `#if`s as the exercise put it, so it cannot be wrapped in
    /// `if false { }`. This is a check of lines, not a proof: code a student adds can still
    /// change what a given line does, so graders still read submissions.
    public func departure(in student: String) -> Departure? {
        let studentLines = Self.lines(student)
        let compared = studentLines.map(Self.code)
        let starter = Self.lines(starterText)
        let studentDepths = SwiftNesting.depths(studentLines.map(String.init), conditionals: true)
        let starterDepths = SwiftNesting.depths(starter.map(String.init), conditionals: true)
        let stub = Self.code(Substring(Self.stub)), placeholder = Self.code(Substring(Self.placeholder))
        var position = 0
        var inBlock = false
        for (index, line) in starter.enumerated() {
            let own = Self.code(line)
            // Lines of a /* ... */ comment in the starter are instructions, not code.
            if inBlock || own.hasPrefix("/*") {
                inBlock = !own.contains("*/")
                continue
            }
            if own.isEmpty || own.hasPrefix("import") || own == stub || own == placeholder { continue }
            let matches = compared[position...].indices.filter { compared[$0] == own }
            guard !matches.isEmpty else {
                return .changed(line: index + 1, text: line.trimmingCharacters(in: " \t\r"))
            }
            guard let found = matches.first(where: { studentDepths[$0] == starterDepths[index] }) else {
                return .moved(line: index + 1, text: line.trimmingCharacters(in: " \t\r"))
            }
            position = found + 1
        }
        // A top-level declaration of the student's own would stand in for what the checks call.
        let given = Set(starter.map(Self.code))
        let checks = starter + graderBlocks.joined().map { Substring($0) }
        let used = Self.namesUsed(checks.map(Self.code)).union(["check", "record", "show"])
            .subtracting(checks.compactMap { Self.declaredName($0) })
        // Members of an extension the student added count too: a more specific `allSatisfy` on
        // arrays of Double would stand in for the standard library's.
        var inOwnExtension = false
        for (index, code) in compared.enumerated() {
            if studentDepths[index] == 0 { inOwnExtension = !given.contains(code) && Self.declaredName(studentLines[index], keywords: ["extension"]) != nil }
            guard studentDepths[index] == 0 || inOwnExtension, !given.contains(code) else { continue }
            if let name = Self.declaredName(studentLines[index]), used.contains(name) { return .shadows(name, line: index + 1) }
        }
        return nil
    }

    /// The name a line declares with one of `keywords` (by default `func`, `let`, `var` and the
    /// kinds of type), after any attributes and modifiers: an identifier or an operator; nil for
    /// any other line.
    static func declaredName(_ line: Substring, keywords: Set<Substring> = ["func", "let", "var", "struct", "enum", "class", "actor", "typealias"]) -> String? {
        let modifiers: Set<Substring> = ["public", "private", "fileprivate", "internal", "package", "nonisolated", "static", "final", "mutating"]
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })[...]
        while let first = words.first, first.hasPrefix("@") || modifiers.contains(first) || first.hasPrefix("nonisolated(") { words = words.dropFirst() }
        guard let keyword = words.first, keywords.contains(keyword), let rest = words.dropFirst().first else { return nil }
        let name = rest.first.map(Self.isOperator) == true ? rest.prefix(while: Self.isOperator) : rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }

    /// The functions and operators that lines (as ``code(_:)`` gives them) use: identifiers
    /// followed by `(`, and runs of operator characters, outside string literals.
    static func namesUsed(_ codes: [String]) -> Set<String> {
        var names: Set<String> = []
        for code in codes {
            var inString = false, previous: Character = " "
            var word = "", symbol = ""
            for character in code + " " {
                if character == "\"", previous != "\\" { inString.toggle() }
                previous = character
                if inString { word = ""; symbol = ""; continue }
                if character.isLetter || character.isNumber || character == "_" {
                    if !symbol.isEmpty { names.insert(symbol); symbol = "" }
                    word.append(character)
                    continue
                }
                if character == "(", !word.isEmpty, !(word.first?.isNumber ?? true) { names.insert(word) }
                word = ""
                if Self.isOperator(character) { symbol.append(character) } else if !symbol.isEmpty { names.insert(symbol); symbol = "" }
            }
        }
        return names
    }

    static func isOperator(_ character: Character) -> Bool { "/=-+!*%<>&|^~?".contains(character) }

    /// A file's lines, whatever its line endings (`\r\n` is one Swift character) and without a
    /// byte-order mark.
    static func lines(_ text: String) -> [Substring] {
        let text = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    /// A line as compared: without spaces, tabs and a trailing `//` comment (one after code and
    /// outside any string literal); empty for a comment line.
    static func code(_ line: Substring) -> String {
        var result = ""
        var inString = false
        var previous: Character = " "
        for character in line {
            if character == "\"", previous != "\\" { inString.toggle() }
            if !inString, character == "/", previous == "/" {
                result.removeLast()
                break
            }
            if character != " ", character != "\t", character != "\r" { result.append(character) }
            previous = character
        }
        return result
    }

    /// Whether a 1-based line of the snippet is inside a hidden-checks region.
    public func isHiddenCheck(line: Int) -> Bool {
        regions.contains { $0.kind == .grader && $0.contains(line) }
    }

    /// A student's file with the hidden checks put back: each ``placeholder`` line (matched by its
    /// text, in order) becomes the next grader region; regions whose placeholder the student
    /// removed are added at the end.
    public func graded(_ student: String) -> Graded {
        var text: [String] = []
        var origin: [Int?] = []
        var next = 0
        var lines = Self.lines(student).map(String.init)
        if lines.last == "" { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            if line.trimmingCharacters(in: " \t\r") == Self.placeholder, next < graderBlocks.count {
                for check in graderBlocks[next] {
                    text.append(check)
                    origin.append(nil)
                }
                next += 1
                continue
            }
            text.append(line)
            origin.append(index + 1)
        }
        for block in graderBlocks[next...] {
            for check in block {
                text.append(check)
                origin.append(nil)
            }
        }
        return Graded(text: text.joined(separator: "\n") + "\n", origin: origin)
    }
}
