import Foundation
import NotebookRuntime
import Testing
@testable import NotebookKit

@Suite("Judging a student's run against the solution's checks, and the class's grade book")
struct ExerciseVerdictTests {
    let source = try! #require(try SnippetSource(
        "func f() -> Int {\n// snippet.solution\nreturn 1\n// snippet.end\n}\ncheck(f() == 1, \"one\")\n// snippet.grader\ncheck(f() > 0, \"positive\")\n// snippet.end\n",
        file: "Snippets/f.swift").exercise)

    func run(_ checks: [(String, Bool, Int)], outcome: ProcessOutcome = .exited(0), stderr: String = "", errors: [String] = []) -> SnippetRun {
        SnippetRun(name: "f", stdout: "", stdoutTruncated: false, stdoutBytes: 0, stderr: stderr,
                   events: checks.map { RuntimeEvent(stdoutOffset: 0, payload: .check(CheckResult(passed: $0.1, claim: $0.0, file: "f.swift", line: $0.2)), line: $0.2) },
                   outcome: outcome, seconds: 0.5, buildErrors: errors)
    }

    var solution: SnippetRun { run([("one", true, 6), ("positive", true, 8)]) }

    func verdict(_ student: SnippetRun, file: String? = nil) -> ExerciseVerdict {
        ExerciseVerdict(result: SnippetResult(run: student, reason: .firstRun), graded: source.graded(file ?? source.starterText), solution: solution, source: source)
    }

    // The starter built for grading: line 4 is the visible check, line 6 the hidden one (in a
    // `do {` block, lines 5 to 7).

    @Test("every check of the solution, the hidden one marked, passes only when the student's run makes it and it holds")
    func passing() {
        let all = verdict(run([("one", true, 4), ("positive", true, 6)]))
        #expect(all.passed && all.passedCount == 2)
        #expect(all.checks.map(\.hidden) == [false, true])
        let half = verdict(run([("one", false, 4), ("positive", true, 6)]))
        #expect(!half.passed && half.passedCount == 1)
    }

    @Test("a check the student adds cannot stand in for the exercise's, even with its claim; repeated claims are used once each")
    func gaming() {
        let padded = verdict(run([("one", true, 4), ("one", true, 4), ("extra", true, 4)]))
        #expect(!padded.passed)
        #expect(padded.checks.map(\.reached) == [true, false])
        // The student's own check(true, "one") on an added first line, before the exercise's
        // failing one: only the exercise's line counts.
        let copied = "check(true, \"one\")\n" + source.starterText
        let faked = verdict(run([("one", true, 1), ("one", false, 5), ("positive", true, 7)]), file: copied)
        #expect(faked.checks.map(\.passed) == [false, true] && faked.checks.map(\.reached) == [true, true])
        // A check made on no line of the file at all does not count either.
        #expect(verdict(run([("one", true, 40), ("positive", true, 6)])).checks.map(\.reached) == [false, true])
    }

    @Test("a given check after the hidden checks' placeholder counts on its own line")
    func afterPlaceholder() throws {
        let later = try #require(try SnippetSource(
            "func f() -> Int {\n// snippet.solution\nreturn 1\n// snippet.end\n}\n// snippet.grader\ncheck(f() > 0, \"positive\")\n// snippet.end\ncheck(f() == 1, \"one\")\n",
            file: "Snippets/g.swift").exercise)
        // Graded: the placeholder's line 4 becomes lines 4 to 6 (`do {`, the check, `}`); the given check is line 7.
        let graded = later.graded(later.starterText)
        let student = run([("positive", true, 5), ("one", true, 7)])
        let verdict = ExerciseVerdict(result: SnippetResult(run: student, reason: .firstRun), graded: graded,
                                      solution: run([("positive", true, 7), ("one", true, 9)]), source: later)
        #expect(verdict.passed && verdict.passedCount == 2, "\(verdict.checks)")
    }

    @Test("a run that stops at the stub names the student's line; a crash is an abnormal ending")
    func endings() {
        let graded = source.graded(source.starterText)
        let stubLine = graded.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("fatalError") }! + 1
        let stopped = verdict(run([], outcome: .signaled(4), stderr: "/x/Snippets/p.swift:\(stubLine): Fatal error: exercise: your code here\n"))
        #expect(stopped.stoppedAtStub == graded.studentLine(stubLine) && stopped.abnormalEnding == nil && !stopped.passed)
        let crashed = verdict(run([("one", true, 6)], outcome: .signaled(4), stderr: "Fatal error: Index out of range"))
        #expect(crashed.abnormalEnding != nil && crashed.stoppedAtStub == nil && crashed.passedCount == 1 && !crashed.passed)
        let broken = verdict(run([], errors: ["Exercises/f.swift:3: error: nope"]))
        #expect(broken.compileErrors == ["Exercises/f.swift:3: error: nope"] && broken.passedCount == 0)
    }

    @Test("the grade book's CSV quotes fields with commas, quotes and newlines (RFC 4180)")
    func csv() {
        var book = GradeBook(rows: [], scores: [], students: ["a"], exercises: ["f"])
        book.add(student: "a", exercise: "f", claims: ["x, \"y\""], passed: [true], seconds: 1.25, note: "line\nbreak")
        #expect(book.csv == "student,exercise,check,result,seconds,note\r\na,f,\"x, \"\"y\"\"\",pass,1.250,\"line\nbreak\"\r\n")
        #expect(book.summary.contains("a        1/1 !  1/1"))
    }
}
