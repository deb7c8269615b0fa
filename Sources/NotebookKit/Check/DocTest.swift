import Foundation
import NotebookRuntime

/// `notebook test`: the notebooks as doc tests. A notebook fails on a failed check, a snippet
/// that did not build, crashed, exited non-zero or timed out, printed output that does not
/// match its `output` block, an unknown reference or prose value, or a broken internal link.
public struct DocTest: Sendable {
    /// Options.
    public struct Options: Sendable {
        /// The notebooks to test (paths relative to the root); empty for all.
        public var notebooks: [String]
        /// Default relative tolerance for numbers in output blocks.
        public var tolerance: Double
        /// Run each snippet this many times and fail any whose output differs between runs.
        public var repeats: Int
        /// Rewrite the `output` blocks with what the snippets printed.
        public var update: Bool
        /// Where snippets are built and cached, and whether to use the cache.
        public var execution: ExecutionService.Settings

        /// Creates options.
        public init(notebooks: [String] = [], tolerance: Double = 1e-9, repeats: Int = 1, update: Bool = false,
                    execution: ExecutionService.Settings = .init()) {
            self.notebooks = notebooks
            self.tolerance = tolerance
            self.repeats = max(1, repeats)
            self.update = update
            self.execution = execution
        }
    }

    /// One test case, for JUnit: a snippet run or a check.
    public struct Case: Sendable {
        /// The notebook.
        public var notebook: String
        /// The case's name.
        public var name: String
        /// Seconds.
        public var seconds: Double
        /// The failure, if it failed.
        public var failure: DocTestFailure?
    }

    /// The result.
    public struct Report: Sendable {
        /// Every failure, in notebook order.
        public var failures: [DocTestFailure]
        /// Every case.
        public var cases: [Case]
        /// Files whose output blocks `--update` rewrote.
        public var updatedFiles: [String]
        /// Notebooks tested.
        public var notebooks: [String]
        /// The sandbox's protections that this machine does not give, each with its reason.
        public var unprotected: [String] = []
        /// Whether everything passed.
        public var passed: Bool { failures.isEmpty }

        /// A report of nothing tested (an empty shard).
        public static let empty = Report(failures: [], cases: [], updatedFiles: [], notebooks: [])
    }

    /// Runs the doc tests. Notebook problems (bad references, front matter, a manifest that
    /// cannot be read) are failures too, not thrown; only a package that does not build throws. Nothing is rendered: the
    /// executed notebooks hold every problem.
    public static func run(project: Project, options: Options) throws(NotebookError) -> Report {
        let paths = options.notebooks.isEmpty ? project.notebookPaths() : options.notebooks
        let service = ExecutionService(project: project, settings: options.execution)
        let (loaded, unloadable) = Workbook.loadingWhatLoads(paths, with: service)
        var failures = unloadable.map(DocTestFailure.init(notebook:))
        var cases = failures.map { Case(notebook: $0.file, name: "notebook", seconds: 0, failure: $0) }
        guard let workbook = loaded else {
            return Report(failures: failures, cases: cases, updatedFiles: [], notebooks: paths)
        }
        let runs = try service.execute(workbook, repeats: options.repeats)
        let notebooks = ExecutedNotebook.assemble(workbook, runs: runs.results, symbols: APIPages.make(runs.reference).links)
        NotebookTimings.record(NotebookTimings.times(of: notebooks), in: service.cacheFolder)
        var updates: [String: [(ExpectedOutput, String)]] = [:]
        for notebook in notebooks {
            let document = notebook.document
            for cell in notebook.cells {
                guard let run = cell.result?.run else { continue }
                let reference = cell.reference
                var caseFailure: DocTestFailure?
                func fail(_ kind: DocTestFailure.Kind, _ message: String, details: String = "", line: Int? = nil) {
                    let failure = DocTestFailure(file: document.path, line: line ?? reference.line, kind: kind, message: message, details: details)
                    failures.append(failure)
                    if caseFailure == nil { caseFailure = failure }
                }
                if cell.ownsRun {
                    if !run.buildErrors.isEmpty {
                        fail(.build, run.failureSummary(file: cell.file) ?? "", details: run.buildErrors.dropFirst().joined(separator: "\n"))
                    } else if !run.outcome.succeeded {
                        fail(.crash, run.failureSummary(file: cell.file) ?? "", details: String(run.stderr.prefix(2000)))
                    }
                    for check in run.checks {
                        let name = "\(reference.name): \(check.claim)"
                        if check.passed {
                            cases.append(Case(notebook: document.path, name: name, seconds: 0, failure: nil))
                        } else {
                            let failure = DocTestFailure(file: document.path, line: reference.line, kind: .check,
                                                         message: "check failed: \(check.claim) (\(cell.file):\(check.line))", details: "")
                            failures.append(failure)
                            cases.append(Case(notebook: document.path, name: name, seconds: 0, failure: failure))
                        }
                    }
                    for other in runs.repeats[reference.name] ?? [] where other.stdout != run.stdout || other.events != run.events {
                        let detail = other.stdout != run.stdout ? OutputComparison.diff(expected: run.stdout, actual: other.stdout) : "figures, tables, checks or records differ"
                        fail(.determinism, "snippet '\(reference.name)' gives different output on another run; seed its random numbers", details: detail)
                        break
                    }
                }
                // An output block holds what this cell printed: its slice's text, or the whole snippet's.
                if let expected = reference.expectedOutput, run.buildErrors.isEmpty {
                    let printed = cell.printedText
                    let what = reference.slice.map { "slice '\($0)' of '\(reference.name)'" } ?? "'\(reference.name)'"
                    if options.update {
                        if expected.text != printed { updates[document.path, default: []].append((expected, printed)) }
                    } else if !OutputComparison.matches(expected: expected.text, actual: printed, tolerance: expected.tolerance ?? options.tolerance) {
                        fail(.output, "the output of \(what) differs from the expected block (line \(expected.line)); run 'notebook test --update' to accept it",
                             details: OutputComparison.diff(expected: expected.text, actual: printed,
                                                            tolerance: expected.tolerance ?? options.tolerance), line: expected.line)
                    }
                }
                cases.append(Case(notebook: document.path, name: "snippet \(reference.name) (line \(reference.line))", seconds: run.seconds, failure: caseFailure))
            }
        }
        for failure in try exerciseFailures(workbook, runs: runs, service: service) {
            failures.append(failure)
            cases.append(Case(notebook: failure.file, name: "exercise (line \(failure.line ?? 0))", seconds: 0, failure: failure))
        }
        let problems = notebooks.flatMap(\.problems)
        func report(_ problem: NotebookProblem, as name: String) {
            let failure = DocTestFailure(notebook: problem.error)
            failures.append(failure)
            cases.append(Case(notebook: problem.error.file, name: name, seconds: 0, failure: failure))
        }
        for problem in problems where problem.kind == .formula { report(problem, as: "math") }
        for problem in NotebookProblem.blocking(problems) { report(problem, as: "prose and links") }
        var updated: [String] = []
        for (path, changes) in updates.sorted(by: { $0.key < $1.key }) {
            do {
                try OutputUpdater.rewrite(project.root.appendingPathComponent(path), changes: changes)
                updated.append(path)
            } catch {
                failures.append(DocTestFailure(file: path, line: error.line, kind: .output, message: error.message, details: ""))
            }
        }
        failures.sort { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
        return Report(failures: failures, cases: cases, updatedFiles: updated, notebooks: paths, unprotected: runs.unprotected)
    }

    /// Proves every exercise honest: its solution makes checks (that they pass is the cell's
    /// test), and its starter, with the hidden checks put back, compiles and fails at least one.
    static func exerciseFailures(_ workbook: Workbook, runs: Runs, service: ExecutionService) throws(NotebookError) -> [DocTestFailure] {
        var failures: [DocTestFailure] = []
        var starters: [(exercise: Exercise, job: ExecutionService.ExerciseJob, solution: SnippetRun)] = []
        for exercise in workbook.exercises {
            guard let solution = runs.results[exercise.snippet]?.run, solution.buildErrors.isEmpty else { continue }
            if solution.outcome.succeeded, solution.checks.isEmpty {
                failures.append(DocTestFailure(file: exercise.notebook, line: exercise.line, kind: .exercise,
                                               message: "exercise '\(exercise.name)' makes no check, so nothing can grade it", details: ""))
                continue
            }
            let job = ExecutionService.ExerciseJob(
                id: "starter/\(exercise.name)", graded: exercise.source.graded(exercise.source.starterText), studentFile: "starter \(exercise.studentFile)",
                timeout: workbook.timeout(for: exercise.snippet), limits: workbook.limits(for: exercise.snippet))
            starters.append((exercise, job, solution))
        }
        let results = try service.runExercises(starters.map(\.job), cached: true)
        for (exercise, job, solution) in starters {
            guard let result = results[job.id] else { continue }
            let verdict = ExerciseVerdict(result: result, graded: job.graded, solution: solution, source: exercise.source)
            if let error = verdict.compileErrors.first {
                failures.append(DocTestFailure(file: exercise.notebook, line: exercise.line, kind: .exercise,
                                               message: "the starter of exercise '\(exercise.name)' does not compile: \(error)",
                                               details: verdict.compileErrors.dropFirst().joined(separator: "\n")))
            } else if verdict.passed {
                failures.append(DocTestFailure(file: exercise.notebook, line: exercise.line, kind: .exercise,
                                               message: "exercise '\(exercise.name)' is already solved by its starter: every check passes without the student's code; put what they should write in '// snippet.solution' regions",
                                               details: ""))
            }
        }
        return failures
    }
}
