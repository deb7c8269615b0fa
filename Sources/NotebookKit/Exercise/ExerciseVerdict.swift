import NotebookRuntime

/// How a version of an exercise (a student's file, a submission, the starter) did against the
/// exercise's checks: each check the author's solution makes, visible or hidden, passed or not.
public struct ExerciseVerdict: Sendable, Equatable {
    /// One of the exercise's checks.
    public struct Check: Sendable, Equatable {
        /// The claim, in words.
        public var claim: String
        /// Whether it is one of the hidden checks (its claim is shown, its code is not).
        public var hidden: Bool
        /// Whether the student's version made it and it held (false when it was never reached).
        public var passed: Bool
        /// Whether the student's version reached it at all.
        public var reached: Bool
    }

    /// The exercise's checks, in the order the solution makes them.
    public var checks: [Check]
    /// Compiler errors at the student's lines; empty when it compiled.
    public var compileErrors: [String]
    /// The student's line of a solution stub the run stopped at (`exercise: your code here`).
    public var stoppedAtStub: Int?
    /// How the run ended when it did not exit normally, in words (a crash, a time or memory limit).
    public var abnormalEnding: String?
    /// The first lines of the run's standard error when it did not exit normally.
    public var errorText: String
    /// Seconds the run took.
    public var seconds: Double
    /// How the student's version departs from the lines the exercise gave, when it does: then no
    /// check counts (``ExerciseSource/departure(in:)``).
    public var departure: ExerciseSource.Departure?

    /// What a student is told when their version departs from the exercise's lines.
    public var departureMessage: String? {
        guard let departure else { return nil }
        switch departure {
        case .changed: return "\(departure): only the answers are yours to change, so no check counts; put that line back"
        case .moved: return "\(departure): the exercise's lines must run as given, so no check counts; put that line back where it was"
        case .shadows: return "your version \(departure), a name the exercise's checks use, so no check counts; rename yours"
        case .unreadable: return "your version \(departure), so where the exercise's lines stand cannot be told and no check counts; balance it"
        case .setsCheckLine: return "your version \(departure): a check is judged by the line it reports, so no check counts; take that out"
        }
    }

    /// Whether it compiled, ran to the end and passed every check.
    public var passed: Bool {
        compileErrors.isEmpty && departure == nil && abnormalEnding == nil && stoppedAtStub == nil && !checks.isEmpty && checks.allSatisfy(\.passed)
    }

    /// Checks passed.
    public var passedCount: Int { compileErrors.isEmpty ? checks.filter(\.passed).count : 0 }

    /// Judges `result` (of a version built from `graded`) against the checks of the solution's
    /// run, `solution`, of the exercise whose source is `source`. A check counts when the
    /// version makes a check with the same claim, on one of the exercise's own lines (a given
    /// line or a hidden check's; a check the student adds, even with a copied claim, never
    /// stands in for one), and it holds; claims are matched in order. Nothing counts when the
    /// version departs from the lines the exercise gave (a rewritten check or helper).
    public init(result: SnippetResult, graded: ExerciseSource.Graded, solution: SnippetRun, source: ExerciseSource) {
        let run = result.run
        compileErrors = run.buildErrors
        let comparison = source.compare(graded.student)
        var made: [String: [Bool]] = [:]
        for check in run.checks {
            // A hidden check's line has no student line; a given line is one the comparison found.
            let exercises = graded.studentLine(check.line).map { comparison.givenLines.contains($0) } ?? (check.line >= 1 && check.line <= graded.origin.count)
            if exercises { made[check.claim, default: []].append(check.passed) }
        }
        checks = solution.checks.map { expected in
            let outcome = made[expected.claim]?.first
            if outcome != nil { made[expected.claim]?.removeFirst() }
            return Check(claim: expected.claim, hidden: source.isHiddenCheck(line: expected.line),
                         passed: outcome == true, reached: outcome != nil)
        }
        departure = comparison.departure
        if departure != nil {
            checks = checks.map { var check = $0; check.passed = false; return check }
        }
        stoppedAtStub = Self.stub(in: run.stderr, graded: graded)
        let ended = run.buildErrors.isEmpty && !run.outcome.succeeded
        abnormalEnding = ended && stoppedAtStub == nil ? run.ending : nil
        errorText = ended ? run.stderr.split(separator: "\n").prefix(6).joined(separator: "\n") : ""
        seconds = run.seconds
    }

    /// The student's line of the stub that stopped a run, from Swift's fatal-error message
    /// (`FILE:LINE: Fatal error: exercise: your code here`), or nil.
    static func stub(in stderr: String, graded: ExerciseSource.Graded) -> Int? {
        for line in stderr.split(separator: "\n") where line.contains(ExerciseSource.stubMessage) {
            guard let range = line.range(of: ": Fatal error") else { return 0 }
            let location = line[..<range.lowerBound].split(separator: ":")
            guard let number = location.last.flatMap({ Int($0) }) else { return 0 }
            return graded.studentLine(number) ?? 0
        }
        return nil
    }
}
