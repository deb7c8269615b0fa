import Foundation
import Support

/// A student's side of a package's exercises (`notebook exercise`): their files in `Exercises/`,
/// checking them against every check of the author's solution, and the hints shown so far.
public struct ExerciseWorkspace: Sendable {
    /// The execution service (it builds and runs every version).
    public let service: ExecutionService
    /// All of the package's notebooks.
    public let workbook: Workbook

    /// The workspace of the package `service` builds.
    /// - Throws: every notebook problem, each with file:line.
    public init(service: ExecutionService) throws(NotebookErrors) {
        self.service = service
        workbook = try Workbook.load(service.project.notebookPaths(), with: service)
    }

    /// The exercises, in notebook order.
    public var exercises: [Exercise] { workbook.exercises }

    /// The student's folder.
    public var folder: URL { service.project.root.appendingPathComponent(Exercise.folder) }

    /// The exercise called `name` (`huber_slope`, or its number `3.1`).
    /// - Throws: ``NotebookError`` naming the closest exercise when there is none.
    public func exercise(named name: String) throws(NotebookError) -> Exercise {
        let key = name.hasSuffix(".swift") ? String(name.dropLast(6)) : name
        if let found = exercises.first(where: { $0.name == key || $0.number == key }) { return found }
        let known = exercises.map(\.name)
        let list = known.isEmpty ? "the notebooks set no exercise" : "exercises: \(known.joined(separator: ", "))"
        throw NotebookError(file: name, line: nil, "no exercise '\(key)'\(Suggestions.didYouMean(key, in: known)) (\(list))")
    }

    /// The student's file for an exercise.
    public func file(_ exercise: Exercise) -> URL {
        service.project.root.appendingPathComponent(exercise.studentFile)
    }

    /// Whether the student has started an exercise (its file exists).
    public func isStarted(_ exercise: Exercise) -> Bool {
        FileManager.default.fileExists(atPath: file(exercise).path)
    }

    /// Writes the starter of each exercise not started yet; never replaces a file that exists.
    /// - Returns: the exercises whose starter was written.
    /// - Throws: ``NotebookError`` when a file cannot be written.
    public func start(_ exercises: [Exercise]) throws(NotebookError) -> [Exercise] {
        var written: [Exercise] = []
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw NotebookError(file: Exercise.folder, line: nil, "is a file; the exercises go into a folder of that name (move the file away)")
        }
        for exercise in exercises {
            let url = file(exercise)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                // O_EXCL: a file that appears meanwhile is the student's, and stays.
                let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
                if descriptor < 0 {
                    let error = errno
                    // A link to nowhere is not the student's work: say so rather than keep it.
                    if error == EEXIST, (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil,
                       !FileManager.default.fileExists(atPath: url.path) {
                        throw NotebookError(file: exercise.studentFile, line: nil, "is a link to a file that does not exist; remove it and start again")
                    }
                    if error == EEXIST { continue }
                    throw NotebookError(file: exercise.studentFile, line: nil, "cannot create: \(String(cString: strerror(error)))")
                }
                let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
                try handle.write(contentsOf: Data(exercise.source.starterText.utf8))
                try handle.close()
                written.append(exercise)
            } catch let error as NotebookError {
                throw error
            } catch {
                throw NotebookError(file: exercise.studentFile, line: nil, "cannot write: \(error.localizedDescription)")
            }
        }
        return written
    }

    /// The runs of the exercises' own snippets (the author's solutions with every check), from
    /// the run cache when current.
    /// - Throws: ``NotebookError`` when the package does not build, or a solution does not pass
    ///   its own checks (the exercise is then broken, not the student's work).
    public func solutions(_ exercises: [Exercise]) throws(NotebookError) -> [String: SnippetRun] {
        let runs = try service.execute(workbook, only: exercises.map(\.snippet))
        var result: [String: SnippetRun] = [:]
        for exercise in exercises {
            guard let run = runs.results[exercise.snippet]?.run, !run.failed, !run.checks.isEmpty else {
                let why = runs.results[exercise.snippet]?.run.failureSummary() ?? "it makes no check"
                throw NotebookError(file: exercise.notebook, line: exercise.line,
                                    "exercise '\(exercise.name)' is broken: its solution (\(workbook.catalog.relativePath(exercise.snippet))) does not pass: \(why)")
            }
            result[exercise.name] = run
        }
        return result
    }

    /// Checks the student's files of `exercises` (which must be started): each is built with the
    /// hidden checks put back and run in the sandbox with the exercise's limits.
    /// - Throws: ``NotebookError`` for a file that cannot be read, a broken exercise or a
    ///   package that does not build.
    public func check(_ exercises: [Exercise]) throws(NotebookError) -> [String: ExerciseVerdict] {
        let solutions = try solutions(exercises)
        var jobs: [ExecutionService.ExerciseJob] = []
        for exercise in exercises {
            guard let data = try? Data(contentsOf: file(exercise)) else {
                throw NotebookError(file: exercise.studentFile, line: nil, "cannot be read; start the exercise with 'notebook exercise start \(exercise.name)'")
            }
            let graded = exercise.source.graded(String(decoding: data, as: UTF8.self))
            jobs.append(job(exercise, id: exercise.name, graded: graded, studentFile: exercise.studentFile))
        }
        let results = try service.runExercises(jobs, cached: true)
        var verdicts: [String: ExerciseVerdict] = [:]
        for (exercise, job) in zip(exercises, jobs) {
            guard let result = results[job.id], let solution = solutions[exercise.name] else { continue }
            verdicts[exercise.name] = ExerciseVerdict(result: result, graded: job.graded, solution: solution, source: exercise.source)
        }
        return verdicts
    }

    /// A job for one version of an exercise, with the limits of the notebook that sets it.
    func job(_ exercise: Exercise, id: String, graded: ExerciseSource.Graded, studentFile: String) -> ExecutionService.ExerciseJob {
        ExecutionService.ExerciseJob(id: id, graded: graded, studentFile: studentFile,
                                     timeout: workbook.timeout(for: exercise.snippet), limits: workbook.limits(for: exercise.snippet))
    }

    /// The next hint of an exercise that the student has not seen, and marks it seen; nil when
    /// every hint has been shown.
    public func nextHint(_ exercise: Exercise) -> (number: Int, blocks: [Block])? {
        var seen = hintsSeen()
        let shown = seen[exercise.name] ?? 0
        guard shown < exercise.text.hints.count else { return nil }
        seen[exercise.name] = shown + 1
        let url = service.exerciseStateFile
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if let data = try? JSONEncoder().encode(seen) { try? data.write(to: url, options: .atomic) }
        return (shown + 1, exercise.text.hints[shown])
    }

    /// How many hints of each exercise the student has seen.
    func hintsSeen() -> [String: Int] {
        (try? Data(contentsOf: service.exerciseStateFile)).flatMap { try? JSONDecoder().decode([String: Int].self, from: $0) } ?? [:]
    }
}
