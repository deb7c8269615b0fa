import Foundation
import Testing
@testable import NotebookKit

@Suite("Exercise snippets: solution and hidden-check regions")
struct ExerciseSourceTests {
    static let snippet = """
        import Grading

        // snippet.hide
        let unit = 1.0
        // snippet.show
        func area(width: Double, height: Double) -> Double {
            // snippet.solution
            let product = width * height
            return product * unit
            // snippet.end
        }

        check(area(width: 2, height: 3) == 6, "2 by 3 is 6")
        // snippet.grader
        check(area(width: 0, height: 5) == 0, "flat is 0")
        // snippet.end
        print("done")
        """

    func exercise() throws -> ExerciseSource {
        let source = try SnippetSource(Self.snippet, file: "Snippets/area.swift")
        return try #require(source.exercise)
    }

    @Test("the starter stubs each solution, keeps hidden set-up lines and leaves a placeholder for the hidden checks")
    func starter() throws {
        let exercise = try exercise()
        #expect(exercise.starterText == """
            import Grading

            let unit = 1.0
            func area(width: Double, height: Double) -> Double {
                fatalError("exercise: your code here")
            }

            check(area(width: 2, height: 3) == 6, "2 by 3 is 6")
            // snippet.grader: hidden checks run here when your work is checked
            print("done")

            """)
        #expect(!exercise.starterText.contains("width * height"), "no trace of the solution")
        #expect(!exercise.starterText.contains("flat is 0"), "no trace of the hidden checks")
    }

    @Test("the page's starter leaves out hidden lines and the placeholder, numbered as the student's file")
    func starterLines() throws {
        let lines = try exercise().starterLines
        #expect(lines.map(\.number) == [1, 2, 4, 5, 6, 7, 8, 10])
        #expect(lines[3].text == "    fatalError(\"exercise: your code here\")")
    }

    @Test("the page's solution shows the solution but never the hidden checks, numbered as the snippet")
    func solutionLines() throws {
        let lines = try exercise().solutionLines
        #expect(lines.map(\.text).contains("    let product = width * height"))
        #expect(!lines.contains { $0.text.contains("flat is 0") || $0.text.contains("snippet.") || $0.text.contains("unit = ") })
        #expect(lines.first { $0.text.contains("let product") }?.number == 8)
    }

    @Test("grading puts the hidden checks back at the placeholder and maps every line back to the student's")
    func graded() throws {
        let exercise = try exercise()
        let student = exercise.starterText.replacingOccurrences(of: "fatalError(\"exercise: your code here\")", with: "return width * height")
        let graded = exercise.graded(student)
        let lines = graded.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let hidden = try #require(lines.firstIndex { $0.contains("flat is 0") })
        // In a block of their own, so their names cannot collide with the student's.
        #expect(lines[hidden - 1] == "do {" && lines[hidden + 1] == "}")
        #expect(graded.studentLine(hidden) == nil && graded.studentLine(hidden + 1) == nil && graded.studentLine(hidden + 2) == nil)
        #expect(lines[hidden + 2] == "print(\"done\")")
        #expect(graded.studentLine(hidden + 3) == 10, "the line after the checks is the student's line 10")
        #expect(graded.studentLine(5) == 5)
    }

    @Test("a student who deletes the placeholder still gets the hidden checks, at the end")
    func placeholderRemoved() throws {
        let exercise = try exercise()
        let student = exercise.starterText.replacingOccurrences(of: ExerciseSource.placeholder, with: "")
        let graded = exercise.graded(student)
        #expect(graded.text.hasSuffix("do {\ncheck(area(width: 0, height: 5) == 0, \"flat is 0\")\n}\n"))
    }

    @Test("the exercise's own lines must stay: answers, added lines and spacing are the student's, a rewritten check or helper is not",
          arguments: [
              // (what the student did to the starter, the starter line reported or nil)
              (["fatalError(\"exercise: your code here\")": "return width * height"], nil),
              (["fatalError(\"exercise: your code here\")": "let w = width\n    return w * height\n}\nfunc helper() -> Int { 1 \n",
                "import Grading": "import Grading\nimport Foundation // added"], nil),
              // Spaces, a trailing comment and a removed import are the student's business.
              (["check(area(width: 2, height: 3) == 6, \"2 by 3 is 6\")": "check(area(width:2,height:3)==6,\"2 by 3 is 6\") // mine"], nil),
              (["import Grading\n": ""], nil),
              // Their own check would stand in for NotebookRuntime's: line 0, and where.
              (["print(\"done\")": "print(\"done\")\n@discardableResult func check(_ c: Bool, _ s: String) -> Bool { true }"], 0),
              (["print(\"done\")": "print(\"done\")\nlet record = 1"], 0),
              (["check(area(width: 2, height: 3) == 6, \"2 by 3 is 6\")": "check(true, \"2 by 3 is 6\")"], 8),
              (["let unit = 1.0": "let unit = 0.0"], 3),
              (["print(\"done\")": ""], 10),
              ([ExerciseSource.placeholder: "", "fatalError(\"exercise: your code here\")": "return 1", "// snippet.grader": "// a comment changed"], nil),
          ] as [([String: String], Int?)])
    func changedLines(edits: [String: String], line: Int?) throws {
        let exercise = try exercise()
        var student = exercise.starterText
        for (old, new) in edits { student = student.replacingOccurrences(of: old, with: new) }
        // The starter's line of a changed line, 0 for a check of the student's own.
        func starterLine(of departure: ExerciseSource.Departure?) -> Int? {
            switch departure {
            case let .changed(line, _)?: line
            case .moved?, .setsCheckLine?, .unreadable?: -1
            case .shadows?: 0
            case nil: nil
            }
        }
        #expect(starterLine(of: exercise.departure(in: student)) == line, "\(student)")
        if let line, line > 0 {
            let given = exercise.starterText.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
            #expect(exercise.departure(in: student) == .changed(line: line, text: given.trimmingCharacters(in: " \t\r")))
        }
        // Windows line endings and a byte-order mark change nothing either.
        let windows = "\u{FEFF}" + student.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(starterLine(of: exercise.departure(in: windows)) == line, "CRLF")
        // Re-indenting the whole file changes nothing.
        let indented = exercise.starterText.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        #expect(exercise.departure(in: indented) == nil)
    }

    @Test("where the student puts braces is their own: a one-line body, a brace on the next line, a closing brace after code")
    func braces() throws {
        let exercise = try exercise()
        let header = "func area(width: Double, height: Double) -> Double {"
        let body = "    fatalError(\"exercise: your code here\")\n}"
        func answered(_ replacement: String) -> String { exercise.starterText.replacingOccurrences(of: header + "\n" + body, with: replacement) }
        #expect(exercise.departure(in: answered(header + " width * height }")) == nil)
        #expect(exercise.departure(in: answered("func area(width: Double, height: Double) -> Double\n{\n    width * height\n}")) == nil)
        #expect(exercise.departure(in: answered(header + "\n    return width * height }")) == nil)
        #expect(exercise.departure(in: answered("func area(width: Double, height: Double) -> Double\n{ width * height }")) == nil)
        // The given lines are still the given lines: not this header, and not a closure's body.
        #expect(exercise.departure(in: answered("func area(width: Double, height: Double = 1) -> Double { width * height }")) == .changed(line: 4, text: header))
        let check = "check(area(width: 2, height: 3) == 6, \"2 by 3 is 6\")"
        #expect(exercise.departure(in: answered(header + " width * height }").replacingOccurrences(of: check, with: "{ " + check + " }()")) != nil)
    }

    @Test("a given line moved into a block, comment, string or #if of the student's own does not count as kept",
          arguments: [
              ("if false {\n", "}\n"), ("func never() {\n", "}\n"), ("/*\n", "*/\n"), ("#if false\n", "#endif\n"),
              ("let text = \"\"\"\n", "\"\"\"\n"), ("_ = {\n", "}\n"),
          ])
    func movedLines(before: String, after: String) throws {
        let exercise = try exercise()
        let given = "check(area(width: 2, height: 3) == 6, \"2 by 3 is 6\")\n"
        let student = exercise.starterText.replacingOccurrences(of: given, with: before + given + after)
        #expect(exercise.departure(in: student) == .moved(line: 8, text: given.trimmingCharacters(in: .newlines)), "\(student)")
        // A copy inside a block of the student's own is fine while the given line stays where it was.
        let copied = exercise.starterText.replacingOccurrences(of: given, with: before + given + after + given)
        #expect(exercise.departure(in: copied) == nil, "\(copied)")
        // Wrapping the whole file in an #if moves its first given line.
        #expect(exercise.departure(in: "#if false\n" + exercise.starterText + "#endif\n") == .moved(line: 3, text: "let unit = 1.0"))
    }

    @Test("a top-level declaration of a name the checks use, shown or hidden, stands in for it; the same name inside a function does not")
    func shadowing() throws {
        let exercise = try exercise()
        let answer = exercise.starterText.replacingOccurrences(of: "fatalError(\"exercise: your code here\")", with: "return width * height")
        func adding(_ line: String) -> String { answer.replacingOccurrences(of: "print(\"done\")", with: "print(\"done\")\n" + line) }
        // `==`, which both checks use, made always true; `area`'s hidden check would then pass too.
        #expect(exercise.departure(in: adding("func == (a: Double, b: Double) -> Bool { true }")) == .shadows("==", line: 11))
        #expect(exercise.departure(in: adding("@discardableResult public func check(_ c: Bool, _ s: String) -> Bool { true }")) == .shadows("check", line: 11))
        #expect(exercise.departure(in: adding("nonisolated(unsafe) var print: (Any) -> Void = { _ in }")) == .shadows("print", line: 11))
        // A member of an extension of the student's own counts, wherever it stands in it.
        #expect(exercise.departure(in: adding("extension Double {\n    static func == (a: Double, b: Double) -> Bool { true }\n}")) == .shadows("==", line: 12))
        #expect(exercise.departure(in: adding("extension Double {\n    var half: Double { self / 2 }\n}")) == nil)
        // Names the checks do not use, and declarations inside a function, are the student's own.
        #expect(exercise.departure(in: adding("func helper(_ x: Double) -> Double { x }\nlet variance = 2.0\nvariance == 2 ? print(1) : ()")) == nil)
        #expect(exercise.departure(in: answer.replacingOccurrences(of: "return width * height", with: "func check(_ b: Bool) -> Bool { b }\n    return width * height")) == nil)
        // ... also after an extension of the student's own has ended.
        let extended = answer.replacingOccurrences(of: "let unit = 1.0", with: "extension Int {\n    var twice: Int { 2 * self }\n}\nlet unit = 1.0")
            .replacingOccurrences(of: "return width * height", with: "func check(_ b: Bool) -> Bool { b }\n    return width * height")
        #expect(exercise.departure(in: extended) == nil, "\(extended)")
        func declared(_ lines: [String]) -> [String] { ExerciseSource.declarations(ExerciseSource.tokens(SwiftNesting.scan(lines).skeleton), ownExtensions: true).map(\.name) }
        #expect(declared(["@available(*, deprecated) private static func <= (a: Int, b: Int) -> Bool"]) == ["<="])
        #expect(declared(["letter = 3", "let (a, _, `b`) = (1, 2, 3)", "func", "  `abs`(_ x: Double) -> Double { 0 }"]) == ["a", "b", "abs"])
        #expect(declared(["#if true", "func abs(_ x: Double) -> Double { 0 }", "#endif", "let _r = #/\\(/#", "func max() {}"]) == ["abs", "_r", "max"])
        // Methods are found too (compare judges them by what the checks call after a dot), not properties.
        #expect(declared(["extension", "  Double {", "    var abs: Double { self }", "    static func == (a: Double, b: Double) -> Bool { true }", "}"]) == ["=="])
        #expect(declared(["struct S { func abs() {} }", "do { func check() {} }"]) == ["S"])
        #expect(declared(["var a = 0, print: (Any) -> Void = { _ in }, b = [1, 2]", "if let max = [1].max(), let min = [1].min() {}", "guard let abs = Optional(1.0) else { fatalError() }"]) == ["a", "print", "b", "abs"])
        #expect(declared(["public extension Double {", "    init(_ v: Int) { self = 0 }", "}"]) == ["Double"])
        #expect(declared(["guard let one = Optional(1), let abs = Optional(2) else { fatalError() }", "let zero = 0.0,", "    max = 1.0", "if true, let min = Optional(1) {}"]) == ["one", "abs", "zero", "max"])
        // Used: words called, also with a trailing closure; members used after a dot.
        #expect(ExerciseSource.namesUsed(ExerciseSource.tokens(SwiftNesting.scan(["xs.allSatisfy { $0 > 0 } && check(f(x))"]).skeleton)) == ["check", "f", ">", "&&"])
        #expect(ExerciseSource.namesUsed(ExerciseSource.tokens(SwiftNesting.scan(["xs.allSatisfy { $0 > 0 } && y.abs && z.f(.mean)"]).skeleton), members: true) == ["allSatisfy", "f", ">", "&&"])
        #expect(ExerciseSource.namesUsed(ExerciseSource.tokens(SwiftNesting.scan(["check(abs(x-1)<1e-12,\"f(x) < 1\")"]).skeleton)) == ["check", "abs", "-", "<"])
    }

    @Test("every curriculum exercise, answered with its author's solution, keeps the given lines and shadows nothing")
    func curriculumSolutions() throws {
        let folder = packageRoot.appendingPathComponent("Snippets")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        var exercises = 0
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            guard let exercise = try SnippetSource(text, file: "Snippets/\(file)").exercise else { continue }
            exercises += 1
            // The student's file: the solutions written in, the hidden checks left as the placeholder.
            var student: [String] = []
            var inGrader = false
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let marker = line.trimmingCharacters(in: .whitespaces)
                if marker == "// snippet.grader" { inGrader = true; student.append(ExerciseSource.placeholder); continue }
                if marker == "// snippet.end", inGrader { inGrader = false; continue }
                if inGrader || ["// snippet.solution", "// snippet.end", "// snippet.hide", "// snippet.show"].contains(marker) { continue }
                student.append(String(line))
            }
            #expect(exercise.departure(in: student.joined(separator: "\n")) == nil, "\(file)")
        }
        #expect(exercises >= 20)
    }

    @Test("a check that sets its own line, or a #sourceLocation, is refused; joined words and operators are not the given line")
    func forgedLines() throws {
        let exercise = try exercise()
        let answer = exercise.starterText.replacingOccurrences(of: "fatalError(\"exercise: your code here\")", with: "return width * height")
        func adding(_ line: String) -> String { answer.replacingOccurrences(of: "print(\"done\")", with: "print(\"done\")\n" + line) }
        #expect(exercise.departure(in: adding("let forge = NotebookRuntime.check\nforge(true, \"2 by 3 is 6\", \"x\", 8)")) == .setsCheckLine(line: 11))
        #expect(exercise.departure(in: adding("f(check: true)")) == nil)
        // A file that does not read as balanced (a misread regex, say) cannot be placed.
        #expect(exercise.departure(in: adding("let r = 1+/2; func run() {")) == .unreadable(line: 11))
        // An extension's method counts only when the checks call it after a dot; these checks call none.
        #expect(exercise.departure(in: adding("extension Array {\n    func allSatisfy(_ p: (Element) -> Bool) -> Bool { true }\n}")) == nil)
        #expect(exercise.departure(in: adding("check(true, \"2 by 3 is 6\", line: 8)")) == .setsCheckLine(line: 11))
        #expect(exercise.departure(in: adding("NotebookRuntime.check(\n    true, \"x\", line: 8)")) == .setsCheckLine(line: 11))
        #expect(exercise.departure(in: adding("#sourceLocation(file: \"a.swift\", line: 8)")) == .setsCheckLine(line: 11))
        #expect(exercise.departure(in: adding("check(true, \"mine\") // line: 8")) == nil)
        // `var letunit` and `letunit = 1.0` are not `let unit = 1.0`.
        #expect(exercise.departure(in: answer.replacingOccurrences(of: "let unit = 1.0", with: "var letunit = 0.0\nletunit = 1.0")) == .changed(line: 3, text: "let unit = 1.0"))
        #expect(ExerciseSource.code("check(f(-2) == -8, \"a \\\" b\") // note") == "check(f(-2)== -8,\"a \\\" b\")")
    }

    @Test("the hidden checks go back only where the exercise put their placeholder; elsewhere they run at the end")
    func movedPlaceholder() throws {
        let exercise = try exercise()
        let wrapped = exercise.starterText.replacingOccurrences(of: ExerciseSource.placeholder, with: "do {\n    " + ExerciseSource.placeholder + "\n}")
        let graded = exercise.graded(wrapped)
        #expect(graded.text.hasSuffix("do {\ncheck(area(width: 0, height: 5) == 0, \"flat is 0\")\n}\n"), "\(graded.text)")
        #expect(graded.text.contains("    " + ExerciseSource.placeholder))
    }

    @Test("a line is the exercise's only when all its code is: a check after a given '{' is the student's; lines after a placeholder keep their numbers")
    func givenLines() throws {
        let exercise = try exercise()
        let sneaky = exercise.starterText.replacingOccurrences(of: "func area(width: Double, height: Double) -> Double {\n    fatalError(\"exercise: your code here\")",
                                                             with: "func area(width: Double, height: Double) -> Double { check(true, \"2 by 3 is 6\")\n    return width * height")
        let comparison = exercise.compare(sneaky)
        #expect(comparison.departure == nil && !comparison.givenLines.contains(4) && comparison.givenLines.contains(8), "\(comparison.givenLines)")
        // A check after the placeholder is still on its own line.
        let after = exercise.compare(exercise.starterText.replacingOccurrences(of: "fatalError(\"exercise: your code here\")", with: "return width * height"))
        #expect(after.givenLines.contains(10), "print(\"done\") is the student's line 10: \(after.givenLines)")
    }

    @Test("each departure has a short form for exercise list")
    func summaries() {
        let departures: [ExerciseSource.Departure] = [.changed(line: 3, text: "x"), .moved(line: 4, text: "y"), .shadows("abs", line: 5), .setsCheckLine(line: 6), .unreadable(line: 7)]
        #expect(departures.map(\.summary) == ["changed the exercise's line 3", "moved the exercise's line 4", "declares its own abs", "sets a check's line", "unbalanced"])
    }

    @Test("checks are hidden by the line they are on in the snippet")
    func hiddenLines() throws {
        let exercise = try exercise()
        #expect(exercise.isHiddenCheck(line: 15))
        #expect(!exercise.isHiddenCheck(line: 13))
    }

    @Test("unbalanced or nested regions are errors at the marker's line", arguments: [
        ("// snippet.solution\nlet a = 1\n", 1, "never ended"),
        ("// snippet.solution\n// snippet.grader\n// snippet.end\n", 2, "opens inside the solution region"),
        ("// snippet.grader\n// snippet.part\n// snippet.end\n// snippet.end\n", 2, "opens inside the grader region"),
    ])
    func badRegions(text: String, line: Int, message: String) {
        #expect {
            try SnippetSource(text, file: "Snippets/x.swift")
        } throws: { error in
            guard let error = error as? NotebookError else { return false }
            return error.line == line && error.message.contains(message)
        }
    }

    @Test("several solution regions are allowed and each becomes a stub")
    func severalSolutions() throws {
        let text = "let a = 1\n// snippet.solution\nlet b = 2\n// snippet.end\nlet c = 3\n  // snippet.solution\n  print(b)\n  // snippet.end\n"
        let exercise = try #require(try SnippetSource(text, file: "Snippets/x.swift").exercise)
        #expect(exercise.starterText == "let a = 1\n\(ExerciseSource.stub)\nlet c = 3\n  \(ExerciseSource.stub)\n")
        #expect(exercise.graderBlocks.isEmpty)
    }
}
