import Foundation

/// A class's results (`notebook exercise grade`): every student's every exercise, check by check.
public struct GradeBook: Sendable, Equatable {
    /// One check of one exercise of one student.
    public struct Row: Codable, Sendable, Equatable {
        /// The submission's folder name.
        public var student: String
        /// The exercise's name.
        public var exercise: String
        /// The check's claim (hidden checks included: this is the teacher's report).
        public var check: String
        /// Whether it passed.
        public var passed: Bool
        /// Seconds the submission's run took.
        public var seconds: Double
        /// Why the submission failed as a whole: not submitted, the compiler's first error, a crash.
        public var note: String
    }

    /// One exercise of one student.
    public struct Score: Codable, Sendable, Equatable {
        /// The submission's folder name.
        public var student: String
        /// The exercise's name.
        public var exercise: String
        /// Checks passed (0 when it did not compile).
        public var passed: Int
        /// The exercise's checks.
        public var total: Int
        /// Why the submission failed as a whole, or empty.
        public var note: String
    }

    /// Every check, by student, then exercise in notebook order, then check.
    public var rows: [Row]
    /// Every exercise of every student.
    public var scores: [Score]
    /// The students, sorted.
    public var students: [String]
    /// The exercises, in notebook order.
    public var exercises: [String]

    /// The CSV's first line.
    static let csvHeader = "student,exercise,check,result,seconds,note"

    /// The rows as CSV (RFC 4180): `student,exercise,check,result,seconds,note`.
    public var csv: String {
        func field(_ text: String) -> String {
            text.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var text = Self.csvHeader + "\r\n"
        for row in rows {
            text += [row.student, row.exercise, row.check, row.passed ? "pass" : "fail", String(format: "%.3f", row.seconds), row.note]
                .map(field).joined(separator: ",") + "\r\n"
        }
        return text
    }

    /// The rows and scores as JSON.
    public var json: Data {
        struct File: Encodable {
            let rows: [Row]
            let scores: [Score]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(File(rows: rows, scores: scores))) ?? Data()
    }

    /// The note of an exercise a student did not hand in.
    static let notSubmitted = "not submitted"

    /// A table of checks passed per student and exercise, with each student's total, then the
    /// notes: one line per student for the exercises not handed in, one per other note.
    public var summary: String {
        let header = ["student"] + exercises + ["total"]
        var table = [header]
        for student in students {
            let mine = scores.filter { $0.student == student }
            let cells = exercises.map { name in
                mine.first { $0.exercise == name }.map { "\($0.passed)/\($0.total)" + ($0.note.isEmpty ? "" : " !") } ?? "-"
            }
            let passed = mine.map(\.passed).reduce(0, +), total = mine.map(\.total).reduce(0, +)
            table.append([student] + cells + ["\(passed)/\(total)"])
        }
        var text = TextColumns.lines(table, ruleUnderFirst: true).map { $0 + "\n" }.joined()
        // One line per note, but one per student for the exercises not submitted.
        var notes: [String] = []
        for student in students {
            let mine = scores.filter { $0.student == student && !$0.note.isEmpty }
            let missing = mine.filter { $0.note == Self.notSubmitted }.map(\.exercise)
            if !missing.isEmpty { notes.append("\(student): \(Self.notSubmitted): \(missing.joined(separator: ", "))") }
            notes += mine.filter { $0.note != Self.notSubmitted }.map { "\($0.student)/\($0.exercise): \($0.note)" }
        }
        if !notes.isEmpty {
            text += "\n! " + notes.joined(separator: "\n! ") + "\n"
        }
        return text
    }
}

extension GradeBook {
    /// The files the grades are written as.
    public static let files = ["grades.csv", "grades.json"]

    /// Writes ``csv`` and ``json`` into `folder` (made if missing), each file whole or not at all.
    /// - Throws: ``NotebookError`` naming the folder when a file cannot be written.
    public func write(to folder: URL) throws(NotebookError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(csv.utf8).write(to: folder.appendingPathComponent(Self.files[0]), options: .atomic)
            try json.write(to: folder.appendingPathComponent(Self.files[1]), options: .atomic)
        } catch {
            throw NotebookError(file: folder.path, line: nil, "cannot write the grades: \(error.localizedDescription)")
        }
    }
}

extension ExerciseWorkspace {
    /// `output` resolved as a place for the grades of `submissions`, checked before any grading:
    /// not the file system's root, the package or a folder inside its sources, its `Exercises/`,
    /// the tool's own folders or the submissions, and empty or holding only earlier grades.
    /// - Throws: ``NotebookError`` naming `output` and the reason.
    public func gradesFolder(_ output: URL, submissions: URL) throws(NotebookError) -> URL {
        try OutputFolder.check(output, root: service.project.root, protecting: service.ownFolders + [folder, submissions],
                               owns: { folder, contents in
            // Earlier grades, known by their first bytes: another grades.csv is not ours to replace.
            contents.allSatisfy { name in
                guard GradeBook.files.contains(name), let handle = FileHandle(forReadingAtPath: folder.appendingPathComponent(name).path) else { return false }
                defer { try? handle.close() }
                return String(decoding: handle.readData(ofLength: 64), as: UTF8.self).hasPrefix(name.hasSuffix(".csv") ? GradeBook.csvHeader : "{")
            }
        }, writer: "notebook exercise grade")
    }

    /// Grades a class: each folder in `submissions` is one student's copy of `Exercises/`. Every
    /// submission is built and run on its own, in the sandbox with the exercise's limits, so one
    /// that does not compile, crashes, hangs or prints without end affects no other; one that
    /// does not compile scores 0 with the compiler's first error noted.
    /// - Throws: ``NotebookError`` when `submissions` cannot be read, an exercise is broken or
    ///   the package does not build.
    public func grade(submissions: URL) throws(NotebookError) -> GradeBook {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: submissions.path, isDirectory: &isFolder), isFolder.boolValue,
            let entries = try? fileManager.contentsOfDirectory(atPath: submissions.path)
        else {
            throw NotebookError(file: submissions.path, line: nil, "is not a folder of submissions (one folder per student, each a copy of \(Exercise.folder)/)")
        }
        let students = entries.filter { entry in
            var folder: ObjCBool = false
            return !entry.hasPrefix(".") && fileManager.fileExists(atPath: submissions.appendingPathComponent(entry).path, isDirectory: &folder)
                && folder.boolValue
        }.sorted()
        guard !students.isEmpty else {
            throw NotebookError(file: submissions.path, line: nil, "holds no student's folder; expected one folder per student, each a copy of \(Exercise.folder)/")
        }
        let solutions = try solutions(exercises)
        var jobs: [ExecutionService.ExerciseJob] = []
        var missing: Set<String> = []
        for student in students {
            for exercise in exercises {
                let id = "\(student)/\(exercise.name)"
                let url = submissions.appendingPathComponent(student).appendingPathComponent("\(exercise.name).swift")
                guard let data = try? Data(contentsOf: url) else {
                    missing.insert(id)
                    continue
                }
                let graded = exercise.source.graded(String(decoding: data, as: UTF8.self))
                jobs.append(job(exercise, id: id, graded: graded, studentFile: "\(student)/\(exercise.name).swift"))
            }
        }
        let results = try service.runExercises(jobs, cached: false)
        let graded = Dictionary(jobs.map { ($0.id, $0.graded) }, uniquingKeysWith: { first, _ in first })
        var book = GradeBook(rows: [], scores: [], students: students, exercises: exercises.map(\.name))
        for student in students {
            for exercise in exercises {
                let id = "\(student)/\(exercise.name)"
                guard let solution = solutions[exercise.name] else { continue }
                let claims = solution.checks.map(\.claim)
                guard !missing.contains(id), let result = results[id], let text = graded[id] else {
                    book.add(student: student, exercise: exercise.name, claims: claims, passed: claims.map { _ in false }, seconds: 0, note: GradeBook.notSubmitted)
                    continue
                }
                let verdict = ExerciseVerdict(result: result, graded: text, solution: solution, source: exercise.source)
                var note = ""
                if let error = verdict.compileErrors.first {
                    note = "does not compile: \(error)"
                } else if let departure = verdict.departure {
                    note = "\(departure): no check counts"
                } else if let line = verdict.stoppedAtStub {
                    note = "not done: stopped at the stub\(line > 0 ? " on line \(line)" : "")"
                } else if let ending = verdict.abnormalEnding {
                    note = ending
                }
                book.add(student: student, exercise: exercise.name, claims: claims,
                         passed: verdict.compileErrors.isEmpty ? verdict.checks.map(\.passed) : claims.map { _ in false },
                         seconds: verdict.seconds, note: note)
            }
        }
        return book
    }
}

extension GradeBook {
    mutating func add(student: String, exercise: String, claims: [String], passed: [Bool], seconds: Double, note: String) {
        for (claim, ok) in zip(claims, passed) {
            rows.append(Row(student: student, exercise: exercise, check: claim, passed: ok, seconds: seconds, note: note))
        }
        scores.append(Score(student: student, exercise: exercise, passed: passed.filter { $0 }.count, total: claims.count, note: note))
    }
}
