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
        /// The student's file it was made from, as given.
        public var student: String

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

    /// A file's lines, whatever its line endings (`\r\n` is one Swift character) and without a
    /// byte-order mark.
    static func lines(_ text: String) -> [Substring] {
        let text = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    /// A line as compared: without a trailing `//` comment (one after code and outside any
    /// string literal), and without spaces and tabs outside string literals except one where
    /// they separated two words or two operator characters (`let unit` is not `letunit`, and
    /// `== -8` is not `==- 8`); empty for a comment line.
    static func code(_ line: Substring) -> String {
        var result = ""
        var inString = false, escaped = false, spaced = false
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            let next = line.index(after: index)
            defer { index = next }
            if inString {
                result.append(character)
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            if character == "/", next < line.endIndex, line[next] == "/" { break }
            if character == " " || character == "\t" || character == "\r" {
                spaced = true
                continue
            }
            if spaced, let last = result.last, (isWord(last) && isWord(character)) || (isOperator(last) && isOperator(character)) {
                result.append(" ")
            }
            spaced = false
            result.append(character)
            if character == "\"" { inString = true }
        }
        return result
    }

    static func isWord(_ character: Character) -> Bool { character.isLetter || character.isNumber || character == "_" || character == "$" }

    /// Whether a 1-based line of the snippet is inside a hidden-checks region.
    public func isHiddenCheck(line: Int) -> Bool {
        regions.contains { $0.kind == .grader && $0.contains(line) }
    }

    /// A student's file with the hidden checks put back: each ``placeholder`` line (matched by its
    /// text, in order) becomes the next grader region, in a `do { }` block of its own so that
    /// its names cannot collide with the student's; regions whose placeholder the student
    /// removed are added at the end.
    public func graded(_ student: String) -> Graded {
        var text: [String] = []
        var origin: [Int?] = []
        var next = 0
        var lines = Self.lines(student).map(String.init)
        if lines.last == "" { lines.removeLast() }
        // A placeholder counts where the exercise put it: one the student moved into a block of
        // their own (where their local names would stand in for the checks') is left as a
        // comment, and its hidden checks run at the end.
        let depths = SwiftNesting.depths(lines, conditionals: true)
        let starter = Self.lines(starterText).map(String.init)
        let starterDepths = SwiftNesting.depths(starter, conditionals: true)
        let expected = starter.indices.filter { starter[$0].trimmingCharacters(in: " \t\r") == Self.placeholder }.map { starterDepths[$0] }
        func hidden(_ block: [String]) {
            for line in ["do {"] + block + ["}"] {
                text.append(line)
                origin.append(nil)
            }
        }
        for (index, line) in lines.enumerated() {
            if line.trimmingCharacters(in: " \t\r") == Self.placeholder, next < graderBlocks.count, depths[index] == (next < expected.count ? expected[next] : 0) {
                hidden(graderBlocks[next])
                next += 1
                continue
            }
            text.append(line)
            origin.append(index + 1)
        }
        for block in graderBlocks[next...] { hidden(block) }
        return Graded(text: text.joined(separator: "\n") + "\n", origin: origin, student: student)
    }
}
