import FixtureSupport
import Foundation
import Testing

/// Exercises end to end in the ExerciseKit fixture (two exercises, one notebook), through the
/// command line: the student's start, check, watch and list; the teacher's grade over a class;
/// the site in each `--solutions` mode; the walkthrough's keys; the doc tests that keep
/// exercises honest.
@Suite("notebook exercise end to end")
struct ExerciseTests {
    func read(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// The student's file with its stub replaced by `code`.
    func solve(_ url: URL, with code: String) throws {
        try write(read(url).replacingOccurrences(of: "fatalError(\"exercise: your code here\")", with: code), to: url)
    }

    /// Adds a third exercise, `diagonal`, at the end of `notebook` (a new notebook if there is none).
    func addDiagonal(to root: URL, notebook: String) throws {
        try write("""
            import Grading

            func diagonal(width: Double, height: Double) -> Double {
                // snippet.solution
                (width * width + height * height).squareRoot()
                // snippet.end
            }

            check(diagonal(width: 3, height: 4) == 5, "a 3 by 4 rectangle has diagonal 5")

            """, to: root.appendingPathComponent("Snippets/diagonal.swift"))
        let file = root.appendingPathComponent("Notebooks/\(notebook)")
        let before = FileManager.default.fileExists(atPath: file.path) ? read(file) : "---\norder: 2\n---\n\n# More shapes\n"
        try write(before + "\n## Diagonal\n\nWrite `diagonal(width:height:)`, the distance between opposite corners.\n\n@Exercise(path: \"ExerciseKit/Snippets/diagonal\")\n", to: file)
    }

    @Test("list lines up its columns when the notebooks' names differ in length")
    func listColumns() async throws {
        try await withFixture(.exerciseKit) { root in
            try addDiagonal(to: root, notebook: "02-more-shapes.md")
            let listed = try await runNotebook(["exercise", "list"], in: root)
            #expect(listed.status == 0, "\(listed.stdout)\(listed.stderr)")
            let rows = listed.stdout.split(separator: "\n").filter { $0.contains("not started") }
            #expect(rows.count == 3, "\(listed.stdout)")
            let columns = rows.map { row in row.range(of: "not started").map { row.distance(from: row.startIndex, to: $0.lowerBound) } }
            #expect(Set(columns).count == 1, "\(listed.stdout)")
            #expect(listed.stdout.contains("Notebooks/01-shapes.md       not started"), "\(listed.stdout)")
        }
    }

    /// Starts `notebook exercise watch`, looking every 0.1 s, with its output going to `output`.
    func startWatch(in root: URL, output: URL) throws -> Process {
        #expect(FileManager.default.createFile(atPath: output.path, contents: nil))
        let watch = Process()
        watch.executableURL = notebookExecutable()
        watch.arguments = ["exercise", "watch", "--interval", "0.1"]
        watch.currentDirectoryURL = root
        watch.environment = notebookEnvironment()
        watch.standardOutput = try FileHandle(forWritingTo: output)
        watch.standardError = watch.standardOutput
        try watch.run()
        return watch
    }

    @Test("a student starts, fails, reads a hint, solves; watch picks up a save and moves on; list shows progress")
    func student() async throws {
        try await withFixture(.exerciseKit) { root in
            let area = root.appendingPathComponent("Exercises/area.swift")
            let perimeter = root.appendingPathComponent("Exercises/perimeter.swift")

            let tested = try await runNotebook(["test"], in: root)
            #expect(tested.status == 0, "solutions pass, starters compile and fail: \(tested.stdout)\(tested.stderr)")

            let none = try await runNotebook(["exercise", "list"], in: root)
            #expect(none.stdout.contains("1.1  area       Notebooks/01-shapes.md  not started"), "\(none.stdout)")
            #expect(none.stdout.contains("0 of 2 done"))

            // Exercises/ taken by a file, or a link to nowhere where a student's file goes: one
            // line saying so, nothing written.
            let exercisesFolder = root.appendingPathComponent("Exercises")
            try write("not a folder", to: exercisesFolder)
            let blocked = try await runNotebook(["exercise", "start", "area"], in: root)
            #expect(blocked.status == 2 && blocked.stderr.contains("Exercises: is a file; the exercises go into a folder of that name"), "\(blocked.stderr)")
            try FileManager.default.removeItem(at: exercisesFolder)
            try FileManager.default.createDirectory(at: exercisesFolder, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: area.path, withDestinationPath: "/nonexistent/area.swift")
            let dangling = try await runNotebook(["exercise", "start", "area"], in: root)
            #expect(dangling.status == 2 && dangling.stderr.contains("Exercises/area.swift: is a link to a file that does not exist"), "\(dangling.stderr)")
            try FileManager.default.removeItem(at: area)

            let started = try await runNotebook(["exercise", "start", "area"], in: root)
            #expect(started.status == 0 && started.stdout.contains("Exercises/area.swift written"), "\(started.stdout)\(started.stderr)")
            let starter = read(area)
            #expect(starter.contains("fatalError(\"exercise: your code here\")") && !starter.contains("width * height"))
            #expect(!starter.contains("a flat rectangle"), "the hidden checks are not in the student's file")

            let failing = try await runNotebook(["exercise", "check", "area"], in: root)
            #expect(failing.status == 1, "\(failing.stdout)\(failing.stderr)")
            #expect(failing.stdout.contains("✗ a 2 by 3 rectangle has area 6 (not reached)"))
            #expect(failing.stdout.contains("✗ hidden check 1") && !failing.stdout.contains("a flat rectangle"), "hidden claims stay hidden")
            #expect(failing.stdout.contains("stopped at Exercises/area.swift:5: exercise: your code here"))
            #expect(failing.stdout.contains("Hint 1 of 2:\n    The area is the product of the sides."))
            let again = try await runNotebook(["exercise", "check", "area"], in: root)
            #expect(again.stdout.contains("Hint 2 of 2:\n    Multiply `width` by `height`."), "the next hint on the next failure")

            // Work in progress is never overwritten.
            try solve(area, with: "return width * height")
            let restarted = try await runNotebook(["exercise", "start"], in: root)
            #expect(restarted.stdout.contains("Exercises/area.swift kept (already there)") && restarted.stdout.contains("Exercises/perimeter.swift written"))
            #expect(read(area).contains("return width * height"))

            let passing = try await runNotebook(["exercise", "check", "area"], in: root)
            #expect(passing.status == 0, "\(passing.stdout)\(passing.stderr)")
            #expect(passing.stdout.contains("✓ a 2 by 3 rectangle has area 6") && passing.stdout.contains("passed: all 3 checks"))

            try solve(perimeter, with: "return 2 * (width + heigth)")
            let broken = try await runNotebook(["exercise", "check", "perimeter"], in: root)
            #expect(broken.status == 1)
            #expect(broken.stdout.contains("Exercises/perimeter.swift:4: error: cannot find 'heigth' in scope"), "the student's file and line: \(broken.stdout)")

            let listed = try await runNotebook(["exercise", "list"], in: root)
            #expect(listed.stdout.contains("area       Notebooks/01-shapes.md  done"), "\(listed.stdout)")
            #expect(listed.stdout.contains("perimeter  Notebooks/01-shapes.md  failing (does not compile)"))

            // watch: checks the current exercise, then again on a save; ends when every one passes.
            let watchOutput = root.appendingPathComponent("watch.out")
            let watch = try startWatch(in: root, output: watchOutput)
            defer { if watch.isRunning { watch.terminate() } }
            #expect(within(120) { read(watchOutput).contains("Watching Exercises/") }, "\(read(watchOutput))")
            #expect(read(watchOutput).contains("cannot find 'heigth' in scope"))
            try write(read(perimeter).replacingOccurrences(of: "heigth", with: "height"), to: perimeter)
            #expect(within(120) { !watch.isRunning }, "watch ends once every exercise passes: \(read(watchOutput))")
            let watched = read(watchOutput)
            #expect(watched.contains("✓ a 2 by 3 rectangle has perimeter 10") && watched.contains("Every exercise passes"), "\(watched)")
            #expect(watch.terminationStatus == 0)
        }
    }

    @Test("watch checks a save to another exercise made while the current one's check passes")
    func watchKeepsSaves() async throws {
        try await withFixture(.exerciseKit) { root in
            // A third exercise, so that the one saved is not the one watch moves on to.
            try addDiagonal(to: root, notebook: "01-shapes.md")
            #expect(try await runNotebook(["exercise", "start"], in: root).status == 0)
            let watchOutput = root.appendingPathComponent("watch.out")
            let watch = try startWatch(in: root, output: watchOutput)
            defer { if watch.isRunning { watch.terminate() } }
            #expect(within(120) { read(watchOutput).contains("Watching Exercises/") }, "\(read(watchOutput))")
            // The current exercise is solved; while its check runs (well over a second), the third is.
            try solve(root.appendingPathComponent("Exercises/area.swift"), with: "return width * height")
            usleep(400_000)
            try solve(root.appendingPathComponent("Exercises/diagonal.swift"), with: "return (width * width + height * height).squareRoot()")
            #expect(within(120) { read(watchOutput).contains("✓ a 3 by 4 rectangle has diagonal 5") }, "the save to diagonal.swift was checked: \(read(watchOutput))")
            #expect(read(watchOutput).contains("✓ a 2 by 3 rectangle has area 6"))
            // A kill stops it, though the test's thread that started it blocks SIGTERM, and the
            // build it may have started goes with it (SwiftPM runs in a process group of its
            // own, which watch kills on the way out): nothing writes into the fixture the next
            // test takes.
            let children = descendants(of: watch.processIdentifier)
            watch.terminate()
            #expect(within(20) { !watch.isRunning }, "watch ignored SIGTERM")
            #expect(within(20) { children.allSatisfy { !running($0) } }, "watch's builds still run")
        }
    }

    @Test("a teacher grades four submissions: one right, one that traps, one that does not compile and one that rewrote a check, each on its own; grades go nowhere but a folder of their own")
    func grade() async throws {
        try await withFixture(.exerciseKit) { root in
            let starter = { (name: String) -> String in
                let started = root.appendingPathComponent("Exercises/\(name).swift")
                return self.read(started)
            }
            #expect(try await runNotebook(["exercise", "start"], in: root).status == 0)
            let submissions = root.appendingPathComponent("submissions")
            let stub = "fatalError(\"exercise: your code here\")"
            func submit(_ student: String, _ name: String, _ code: String, extra: String = "") throws {
                try write(starter(name).replacingOccurrences(of: stub, with: code) + extra, to: submissions.appendingPathComponent("\(student)/\(name).swift"))
            }
            try submit("alice", "area", "return width * height")
            try submit("alice", "perimeter", "return 2 * (width + height)")
            try submit("bob", "area", "let sides = [width, height]; return sides[0] * sides[2]")
            try submit("bob", "perimeter", "return width + height",
                       extra: "for _ in 0..<50_000 { print(String(repeating: \"x\", count: 100)) }\n")
            try submit("carol", "area", "return width * heigth")
            // dave answers 0 and rewrites the visible check, keeping its claim, and the hidden
            // checks' helper: no check counts, and the note says which line he changed.
            try write(starter("area").replacingOccurrences(of: stub, with: "return 0")
                .replacingOccurrences(of: "check(area(width: 2, height: 3) == 6,", with: "check(true,")
                .replacingOccurrences(of: "let unit = 1.0", with: "let unit = 0.0"),
                to: submissions.appendingPathComponent("dave/area.swift"))
            try submit("dave", "perimeter", "let twice = 2.0\nreturn twice * (width + height)", extra: "// an added comment and a helper are fine\nfunc half(_ x: Double) -> Double { x / 2 }\n")

            // The author runs an exercise as written: the solution and every check, hidden ones too.
            let authored = try await runNotebook(["run", "area"], in: root)
            #expect(authored.status == 0 && authored.stdout.contains("✔ a flat rectangle has area 0"), "\(authored.stdout)\(authored.stderr)")

            // A folder without students is refused rather than graded as an empty class.
            try FileManager.default.createDirectory(at: root.appendingPathComponent("nobody"), withIntermediateDirectories: true)
            let empty = try await runNotebook(["exercise", "grade", "nobody"], in: root)
            #expect(empty.status == 2 && empty.stderr.contains("nobody: holds no student's folder"), "\(empty.stderr)")

            // Refused before any grading: nothing is built, nothing written.
            for output in ["/", ".", "Notebooks", "submissions/grades", "Exercises", ".build-notebooks"] {
                let refused = try await runNotebook(["exercise", "grade", "submissions", "--output", output], in: root)
                #expect(refused.status == 2 && refused.stderr.contains("the output folder") && refused.stdout.isEmpty, "\(output): \(refused.stderr)")
            }
            #expect(!FileManager.default.fileExists(atPath: "/grades.csv") && !FileManager.default.fileExists(atPath: submissions.appendingPathComponent("grades").path))

            let graded = try await runNotebook(["exercise", "grade", "submissions", "--output", "grades"], in: root)
            #expect(graded.status == 0, "\(graded.stdout)\(graded.stderr)")
            let lines = graded.stdout.split(separator: "\n").map(String.init)
            #expect(lines.contains("alice    3/3    2/2        5/5"), "\(graded.stdout)")
            #expect(lines.contains("bob      0/3 !  1/2        1/5"), "the trap scores 0; a 5 MB print (five times what a run keeps) does not stop the checks")
            #expect(lines.contains("carol    0/3 !  0/2 !      0/5"))
            #expect(graded.stdout.contains("bob/area: killed by signal 4"))
            #expect(graded.stdout.contains("carol/area: does not compile: carol/area.swift:5: error: cannot find 'heigth' in scope"))
            #expect(graded.stdout.contains("carol: not submitted: perimeter"))
            #expect(lines.contains("dave     0/3 !  2/2        2/5"), "\(graded.stdout)")
            #expect(graded.stdout.contains("dave/area: changed the exercise's line 3 (let unit = 1.0): no check counts"), "\(graded.stdout)")

            let csv = read(root.appendingPathComponent("grades/grades.csv"))
            #expect(csv.hasPrefix("student,exercise,check,result,seconds,note\r\n"))
            #expect(csv.contains("alice,area,a flat rectangle has area 0,pass,"), "the teacher sees the hidden checks' claims")
            #expect(csv.contains("bob,perimeter,a 2 by 3 rectangle has perimeter 10,fail,"))
            #expect(csv.split(separator: "\r\n").count == 1 + 4 * 5, "a row per student, exercise and check")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("grades/grades.json"))) as? [String: Any]
            let scores = try #require(json?["scores"] as? [[String: Any]])
            #expect(scores.count == 8)
            #expect(scores.contains { $0["student"] as? String == "alice" && $0["exercise"] as? String == "area" && $0["passed"] as? Int == 3 })
            let rows = try #require(json?["rows"] as? [[String: Any]])
            #expect(rows.allSatisfy { $0["seconds"] is Double && $0["passed"] is Bool && $0["check"] is String })
        }
    }

    @Test("the site shows, hides or omits the solutions; omitted leaves no trace of a solution or a hidden check")
    func siteModes() async throws {
        try await withFixture(.exerciseKit) { root in
            for mode in ["shown", "hidden", "omitted"] {
                let built = try await runNotebook(["build", "--solutions", mode, "--output", "site-\(mode)"], in: root)
                #expect(built.status == 0, "\(mode): \(built.stdout)\(built.stderr)")
            }
            func page(_ mode: String) -> String { read(root.appendingPathComponent("site-\(mode)/01-shapes.html")) }
            for mode in ["shown", "hidden", "omitted"] {
                let html = page(mode)
                #expect(html.contains("Exercise 1.1") && html.contains("Exercise 1.2"), "\(mode)")
                #expect(html.contains("<summary>Hint 1</summary>") && html.contains("The area is the product of the sides."))
                #expect(html.contains("fatalError</span>") && html.contains("exercise: your code here"), "the starter, highlighted")
                #expect(!html.contains("a flat rectangle"), "hidden checks never appear (\(mode))")
            }
            #expect(page("shown").contains("<div class=\"solution\">") && page("shown").contains("width"))
            #expect(page("hidden").contains("<details class=\"solution\"><summary>Solution</summary>"))
            #expect(page("hidden").contains("sides"), "the hidden solution is in the page, behind a disclosure")
            // No file of the omitted site holds any line of a solution or of a hidden check.
            let secrets = ["width * height * unit", "let sides = width + height", "a flat rectangle has area 0", "areas need not be whole numbers",
                           "a point has perimeter 0"]
            let site = root.appendingPathComponent("site-omitted")
            let files = try #require(FileManager.default.enumerator(at: site, includingPropertiesForKeys: nil)).compactMap { $0 as? URL }
            #expect(files.count >= 5)
            for file in files {
                let text = String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
                for secret in secrets { #expect(!text.contains(secret), "\(file.lastPathComponent) holds '\(secret)'") }
            }
            let hiddenSite = root.appendingPathComponent("site-hidden")
            #expect(read(hiddenSite.appendingPathComponent("01-shapes.html")).contains("width"), "the check above would see a solution")
        }
    }

    @Test("walk shows the starter; h shows the next hint, s the solution")
    func walkKeys() async throws {
        try await withFixture(.exerciseKit) { root in
            let walked = try await runNotebook(["walk", "01-shapes", "--section", "2"], in: root, input: "h\nh\ns\nq\n")
            #expect(walked.status == 0, "\(walked.stderr)")
            let screens = walked.stdout.components(separatedBy: "── section 2 of 3")
            #expect(screens.count == 5, "four screens then quit: \(walked.stdout)")
            guard screens.count == 5 else { return }
            #expect(screens[0].contains("Exercise 1.1") && screens[0].contains("fatalError(\"exercise: your code here\")"))
            #expect(!screens[0].contains("Hint 1") && !screens[0].contains("width * height"))
            #expect(screens[1].contains("Hint 1") && !screens[1].contains("Hint 2"))
            #expect(screens[2].contains("Hint 2") && !screens[2].contains("Solution"))
            #expect(screens[3].contains("Solution") && screens[3].contains("return width * height * unit"))
            #expect(!walked.stdout.contains("a flat rectangle"), "hidden checks never appear")
        }
    }

    @Test("notebook test fails an exercise whose starter already passes, or does not compile, at the @Exercise line")
    func dishonestExercises() async throws {
        try await withFixture(.exerciseKit) { root in
            try write("""
                import Grading

                // snippet.solution
                let answer = 42
                // snippet.end
                check(answer == 42, "the answer is 42")

                """, to: root.appendingPathComponent("Snippets/undeclared.swift"))
            try write("""
                import Grading

                func twice(_ x: Int) -> Int { 2 * x }
                func neverCalled() {
                    // snippet.solution
                    print("the checks never reach this")
                    // snippet.end
                }
                check(twice(2) == 4, "twice 2 is 4")

                """, to: root.appendingPathComponent("Snippets/solved.swift"))
            try write("""
                # More

                Declare the answer.

                @Exercise(path: "ExerciseKit/Snippets/undeclared")

                Nothing to write here.

                @Exercise(path: "ExerciseKit/Snippets/solved")

                """, to: root.appendingPathComponent("Notebooks/02-more.md"))
            let tested = try await runNotebook(["test", "02-more"], in: root)
            #expect(tested.status == 1, "\(tested.stdout)\(tested.stderr)")
            #expect(tested.stdout.contains("Notebooks/02-more.md:5") && tested.stdout.contains("the starter of exercise 'undeclared' does not compile"),
                    "\(tested.stdout)")
            #expect(tested.stdout.contains("cannot find 'answer' in scope"))
            #expect(tested.stdout.contains("Notebooks/02-more.md:9") && tested.stdout.contains("exercise 'solved' is already solved by its starter"))
        }
    }
}
