import Foundation
import Synchronization
import Testing
@testable import NotebookKit

@Suite("Exercise versions build in the snippet build's package", .serialized)
struct ExerciseBuildTests {
    /// A package with a library, a snippet that uses it and a notebook that shows the snippet.
    func package(_ folder: TemporaryFolder) throws -> URL {
        try folder.write("Pkg/Package.swift", """
            // swift-tools-version: 6.0
            import PackageDescription
            let package = Package(name: "Pkg", products: [.library(name: "Lib", targets: ["Lib"])], targets: [.target(name: "Lib")])

            """)
        try folder.write("Pkg/Sources/Lib/Lib.swift", "public func twice(_ x: Int) -> Int { 2 * x }\n")
        try folder.write("Pkg/Snippets/uses.swift", "import Lib\nprint(twice(2))\n")
        try folder.write("Pkg/Notebooks/a.md", "# A\n\n@Snippet(path: \"Pkg/Snippets/uses\")\n")
        return folder.url.appendingPathComponent("Pkg")
    }

    func job(_ id: String, _ text: String) -> ExecutionService.ExerciseJob {
        ExecutionService.ExerciseJob(id: id, graded: .init(text: text, origin: text.split(separator: "\n", omittingEmptySubsequences: false).indices.map { $0 + 1 }, student: text),
                                     studentFile: "Exercises/\(id).swift", timeout: 60, limits: SandboxLimits())
    }

    /// One package built once (a cold build compiles its library), through its life.
    @Test("""
        After the snippet build, versions compile without the package's library; a build waits for the lock another holds; \
        one that names a lesson snippet that no longer compiles still builds; only a first build says it compiles the libraries
        """)
    func sharedLibraries() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let root = try package(folder)
        let started = Mutex<[String]>([])
        let service = ExecutionService(project: Project(root: root), settings: .init(moduleCache: sharedModuleCache, progress: { progress in
            if case .buildStarted = progress { started.withLock { $0.append(progress.text) } }
        }))
        let runs = try service.execute(try Workbook.load(["Notebooks/a.md"], with: service))
        #expect(runs.results["uses"]?.run.stdout == "4\n", "\(String(describing: runs.results["uses"]))")
        #expect(started.withLock { $0 } == ["Building 1 snippet with swift build (a first build compiles the package's libraries too)…"])
        // Where the library is compiled in the scratch folder, and when its object was written.
        func libraryBuilds() -> [String] {
            let enumerator = FileManager.default.enumerator(atPath: service.scratch.path)
            return (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix("/Lib.build") }.sorted()
        }
        func objectDate() throws -> Date? {
            let object = service.scratch.appendingPathComponent(try #require(libraryBuilds().first)).appendingPathComponent("Lib.swift.o")
            return try FileManager.default.attributesOfItem(atPath: object.path)[.modificationDate] as? Date
        }
        let builds = libraryBuilds()
        #expect(builds.count == 1, "\(builds)")
        let written = try objectDate()

        // Two versions (one swift build for both), then one (built as its own product).
        let both = try service.runExercises([job("a", "import Lib\nprint(twice(21))\n"), job("b", "import Lib\nprint(twice(4))\n")], cached: false)
        #expect(both["a"]?.run.stdout == "42\n" && both["b"]?.run.stdout == "8\n", "\(both)")
        let one = try service.runExercises([job("c", "import Lib\nprint(twice(5))\n")], cached: false)
        #expect(one["c"]?.run.stdout == "10\n", "\(one)")
        #expect(libraryBuilds() == builds, "the library is compiled once, by the snippet build")
        #expect(try objectDate() == written, "and not again")

        // While another process holds the shared package's lock, a check and a snippet build
        // wait, then go on.
        var held: BuildLock? = try BuildLock(folder: service.scratch)
        let checked = DispatchSemaphore(value: 0), built = DispatchSemaphore(value: 0)
        let outputs = Mutex<[String?]>([nil, nil])
        Thread {
            let results = try? service.runExercises([job("c", "import Lib\nprint(twice(5))\n")], cached: false)
            outputs.withLock { $0[0] = results?["c"]?.run.stdout }
            checked.signal()
        }.start()
        let workbook = try Workbook.load(["Notebooks/a.md"], with: service)
        Thread {
            let runs = try? service.execute(workbook)
            outputs.withLock { $0[1] = runs?.results["uses"]?.run.stdout }
            built.signal()
        }.start()
        // Both are built already, and take well under 2 s without the lock.
        #expect(checked.wait(timeout: .now() + 2) == .timedOut, "the check waits for the lock")
        #expect(built.wait(timeout: .now() + 0.5) == .timedOut, "the snippet build waits for the lock")
        withExtendedLifetime(held) {}
        held = nil
        #expect(checked.wait(timeout: .now() + 300) == .success && built.wait(timeout: .now() + 300) == .success)
        #expect(outputs.withLock { $0 } == ["10\n", "4\n"])

        // The library changes so that the lesson snippet the snippet build left no longer
        // compiles; the versions use the new name and still build, and the stale copy is set aside.
        try folder.write("Pkg/Sources/Lib/Lib.swift", "public func double(_ x: Int) -> Int { 2 * x }\n")
        let renamed = try service.runExercises([job("d", "import Lib\nprint(double(3))\n"), job("e", "import Lib\nprint(double(7))\n")], cached: false)
        #expect(renamed["d"]?.run.stdout == "6\n" && renamed["e"]?.run.stdout == "14\n", "\(renamed)")
        #expect(!FileManager.default.fileExists(atPath: service.scratch.appendingPathComponent("snippets/package/Snippets/uses.swift").path))
        // The next snippet build writes it again, and reports that it does not compile.
        let again = try service.execute(try Workbook.load(["Notebooks/a.md"], with: service))
        #expect(started.withLock { $0.last } == "Building 1 snippet with swift build…", "not a first build")
        #expect(again.results["uses"]?.run.buildErrors.contains { $0.contains("twice") } == true, "\(String(describing: again.results["uses"]))")
    }
}

