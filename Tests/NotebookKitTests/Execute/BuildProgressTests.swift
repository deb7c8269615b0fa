import Foundation
import Synchronization
import Testing
@testable import NotebookKit

@Suite("What a build says when it starts")
struct BuildProgressTests {
    @Test("Only a first build says that it compiles the package's libraries too")
    func firstBuild() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let root = try ExerciseBuildTests().package(folder)
        let started = Mutex<[String]>([])
        let service = ExecutionService(project: Project(root: root), settings: .init(moduleCache: FixturePackage.moduleCache, progress: { progress in
            if case .buildStarted = progress { started.withLock { $0.append(progress.text) } }
        }))
        _ = try service.execute(try Workbook.load(["Notebooks/a.md"], with: service))
        try folder.write("Pkg/Snippets/uses.swift", "import Lib\nprint(twice(3))\n")
        let runs = try service.execute(try Workbook.load(["Notebooks/a.md"], with: service))
        #expect(runs.results["uses"]?.run.stdout == "6\n")
        #expect(started.withLock { $0 } == [
            "Building 1 snippet with swift build (a first build compiles the package's libraries too)…",
            "Building 1 snippet with swift build…",
        ])
    }
}
