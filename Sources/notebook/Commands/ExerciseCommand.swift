import ArgumentParser
import Foundation
import NotebookKit

/// `notebook exercise`: the student's and the teacher's side of the notebooks' exercises.
struct ExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise",
        abstract: "Do the notebooks' exercises (start, check, watch, list) or grade a class (grade).",
        subcommands: [ExerciseStart.self, ExerciseCheck.self, ExerciseWatch.self, ExerciseList.self, ExerciseGrade.self])
}

/// What every exercise command does first: the package's exercises.
struct ExerciseOptions: ParsableArguments {
    @OptionGroup var package: PackageOptions

    func workspace() throws -> ExerciseWorkspace {
        let service = ExecutionService(project: try package.project())
        do {
            return try ExerciseWorkspace(service: service)
        } catch {
            throw NotebookFailure(errors: error)
        }
    }
}

/// Runs `body`, turning a ``NotebookError`` into a one-line usage failure (exit status 2).
func reporting<T>(_ body: () throws(NotebookError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw UsageFailure(message: error.description)
    }
}

/// `notebook exercise start [NAME]`.
struct ExerciseStart: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Write the starter of an exercise (default: every exercise) into Exercises/, never replacing a file there.")

    @OptionGroup var options: ExerciseOptions

    @Argument(help: "The exercise (its name, such as huber_slope, or its number, such as 3.1).")
    var name: String?

    func run() throws {
        let workspace = try options.workspace()
        let chosen = try name.map { name in [try reporting { () throws(NotebookError) in try workspace.exercise(named: name) }] } ?? workspace.exercises
        guard !chosen.isEmpty else { throw UsageFailure(message: "the notebooks set no exercise") }
        let written = try reporting { () throws(NotebookError) in try workspace.start(chosen) }
        for exercise in chosen {
            let state = written.contains { $0.name == exercise.name } ? "written" : "kept (already there)"
            say("Exercise \(exercise.number) \(exercise.name): \(exercise.studentFile) \(state)")
        }
        say("Edit the file, then: notebook exercise check\(name.map { " \($0)" } ?? "")")
    }
}

/// `notebook exercise check [NAME]`.
struct ExerciseCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Build and run your file of an exercise (default: every one started) with its hidden checks, and report each check.",
        discussion: "Exit status: 0 when every check passes, 1 when one fails, 2 for bad input. A failure shows the next hint.")

    @OptionGroup var options: ExerciseOptions

    @Argument(help: "The exercise (its name or number).")
    var name: String?

    func run() throws {
        let workspace = try options.workspace()
        let chosen: [Exercise]
        if let name {
            let exercise = try reporting { () throws(NotebookError) in try workspace.exercise(named: name) }
            guard workspace.isStarted(exercise) else {
                throw UsageFailure(message: "\(exercise.studentFile) does not exist; start it with 'notebook exercise start \(exercise.name)'")
            }
            chosen = [exercise]
        } else {
            chosen = workspace.exercises.filter(workspace.isStarted)
            guard !chosen.isEmpty else { throw UsageFailure(message: "no exercise is started; start one with 'notebook exercise start'") }
        }
        let verdicts = try reporting { () throws(NotebookError) in try workspace.check(chosen) }
        var allPassed = true
        for exercise in chosen {
            guard let verdict = verdicts[exercise.name] else { continue }
            say(ExerciseReport.text(exercise, verdict, hint: verdict.passed ? nil : workspace.nextHint(exercise)))
            allPassed = allPassed && verdict.passed
        }
        if !allPassed { throw ExitCode(1) }
    }
}

/// `notebook exercise watch`.
struct ExerciseWatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Check the current exercise on every save, and go on to the next when it passes (Ctrl-C stops).",
        discussion: "Hints are not shown on every save: 'notebook exercise check NAME' shows the next one.")

    @OptionGroup var options: ExerciseOptions

    @Option(parsing: .unconditional, help: "Seconds between looks at Exercises/.")
    var interval: Double = 0.3

    func run() throws {
        let workspace = try options.workspace()
        let exercises = workspace.exercises
        guard !exercises.isEmpty else { throw UsageFailure(message: "the notebooks set no exercise") }
        var current = 0
        /// The exercises whose starter ``advance()`` wrote since it was last called.
        var startedByAdvance: [String] = []
        /// Checks an exercise, prints its report, and says whether it passed.
        func check(_ exercise: Exercise) throws -> Bool {
            let verdict = try reporting { () throws(NotebookError) in try workspace.check([exercise]) }[exercise.name]
            guard let verdict else { return false }
            var report = ExerciseReport.text(exercise, verdict, hint: nil)
            if !verdict.passed, !exercise.text.hints.isEmpty { report += "  (stuck? 'notebook exercise check \(exercise.name)' shows a hint)\n" }
            say(report)
            return verdict.passed
        }
        /// Moves `current` to the first exercise from it on that does not pass, starting it.
        func advance() throws -> Bool {
            while current < exercises.count {
                let exercise = exercises[current]
                if !workspace.isStarted(exercise) {
                    _ = try reporting { () throws(NotebookError) in try workspace.start([exercise]) }
                    startedByAdvance.append(exercise.name)
                    say("Next: exercise \(exercise.number) \(exercise.name): edit \(exercise.studentFile)")
                    _ = try check(exercise)
                    return true
                }
                if try !check(exercise) { return true }
                current += 1
            }
            say("Every exercise passes. Well done!")
            return false
        }
        guard try advance() else { return }
        var stamps = Self.stamps(workspace, exercises)
        say("Watching \(Exercise.folder)/ (Ctrl-C stops)")
        while true {
            Thread.sleep(forTimeInterval: interval)
            let now = Self.stamps(workspace, exercises)
            let changed = exercises.filter { now[$0.name] != nil && now[$0.name] != stamps[$0.name] }
            stamps = now
            for exercise in changed {
                let passed = try check(exercise)
                if passed, exercise.name == exercises[current].name {
                    current += 1
                    startedByAdvance = []
                    guard try advance() else { return }
                    // Only the starters just written count as seen: a save to another file
                    // while these checks ran is checked at the next look.
                    let written = Self.stamps(workspace, exercises)
                    for name in startedByAdvance { stamps[name] = written[name] }
                }
            }
        }
    }

    /// Each started exercise's file size and modification time.
    static func stamps(_ workspace: ExerciseWorkspace, _ exercises: [Exercise]) -> [String: String] {
        var result: [String: String] = [:]
        for exercise in exercises {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: workspace.file(exercise).path) else { continue }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            result[exercise.name] = "\(size)|\(date)"
        }
        return result
    }
}

/// `notebook exercise list`.
struct ExerciseList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Every exercise in notebook order, with your progress: done, failing or not started.")

    @OptionGroup var options: ExerciseOptions

    func run() throws {
        let workspace = try options.workspace()
        let exercises = workspace.exercises
        guard !exercises.isEmpty else {
            say("The notebooks set no exercise.")
            return
        }
        let started = exercises.filter(workspace.isStarted)
        let verdicts = try reporting { () throws(NotebookError) in try workspace.check(started) }
        var rows: [[String]] = []
        var done = 0
        for exercise in exercises {
            let state: String
            if let verdict = verdicts[exercise.name] {
                if verdict.passed {
                    state = "done"
                    done += 1
                } else if !verdict.compileErrors.isEmpty {
                    state = "failing (does not compile)"
                } else if let departure = verdict.departure {
                    state = "failing (\(departure.summary))"
                } else {
                    state = "failing (\(verdict.passedCount) of \(verdict.checks.count) checks pass)"
                }
            } else {
                state = "not started"
            }
            rows.append([exercise.number, exercise.name, exercise.notebook, state])
        }
        for line in TextColumns.lines(rows) { say(line) }
        say("\(done) of \(exercises.count) done")
    }
}

/// `notebook exercise grade SUBMISSIONS`.
struct ExerciseGrade: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a class: each folder in SUBMISSIONS is one student's copy of Exercises/.",
        discussion: "Writes grades.csv and grades.json (student, exercise, check, result, seconds, note) into --output and prints a summary.")

    @OptionGroup var options: ExerciseOptions

    @Argument(help: "The folder of submissions (one folder per student).")
    var submissions: String

    @Option(name: .shortAndLong, help: "Where to write grades.csv and grades.json.")
    var output = "grades"

    func run() throws {
        let workspace = try options.workspace()
        let current = options.package.currentDirectory
        let folder = URL(fileURLWithPath: submissions, relativeTo: current).standardizedFileURL
        let destination = try reporting { () throws(NotebookError) in
            try workspace.gradesFolder(URL(fileURLWithPath: output, relativeTo: current), submissions: folder)
        }
        let book = try reporting { () throws(NotebookError) in try workspace.grade(submissions: folder) }
        try reporting { () throws(NotebookError) in try book.write(to: destination) }
        say(String(book.summary.dropLast()))
        say("Wrote \(output)/grades.csv and \(output)/grades.json")
    }
}

/// A check's report as the student sees it.
enum ExerciseReport {
    static func text(_ exercise: Exercise, _ verdict: ExerciseVerdict, hint: (number: Int, blocks: [Block])?) -> String {
        var text = "Exercise \(exercise.number) \(exercise.name) (\(exercise.studentFile))\n"
        if !verdict.compileErrors.isEmpty {
            text += "  ✗ does not compile:\n" + verdict.compileErrors.map { "    \($0)\n" }.joined()
        } else {
            if let departure = verdict.departureMessage { text += "  ✗ \(departure)\n" }
            var hidden = 0
            for check in verdict.checks {
                let mark = check.passed ? "✓" : "✗"
                var claim = check.claim
                if check.hidden {
                    hidden += 1
                    claim = "hidden check \(hidden)"
                }
                text += "  \(mark) \(claim)\(check.reached ? "" : " (not reached)")\n"
            }
            if let line = verdict.stoppedAtStub {
                text += "  stopped at \(line > 0 ? "\(exercise.studentFile):\(line)" : "a stub"): \(ExerciseSource.stubMessage); replace the stub with your code\n"
            } else if let ending = verdict.abnormalEnding {
                text += "  the program \(ending)\n"
                if !verdict.errorText.isEmpty { text += verdict.errorText.split(separator: "\n").map { "    \($0)\n" }.joined() }
            }
        }
        let total = verdict.checks.count
        text += verdict.passed ? "  passed: all \(total) checks\n" : "  failing: \(verdict.passedCount) of \(total) checks pass\n"
        if let hint {
            let style = TerminalStyle(color: false, unicode: true, width: 76)
            let body = Walkthrough.text(of: hint.blocks, style: style)
            text += "  Hint \(hint.number) of \(exercise.text.hints.count):\n" + body.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "    \($0)" }.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
        }
        return text
    }
}
