import FixtureSupport
import Foundation
import Testing
@testable import NotebookKit

/// The package this test file belongs to.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Builds the real `Notebooks/` once per test run, into a temporary site, with snippets built
/// into `.build-notebooks` (never `.build`, which `swift test` holds locked).
actor NotebookSite {
    static let shared = NotebookSite()
    private var result: Result<(SiteBuild.Report, URL), NotebookErrors>?
    private var building: Task<Result<(SiteBuild.Report, URL), NotebookErrors>, Never>?
    private let folder = TemporaryFolder()

    /// The run cache the build filled (doc tests reuse it).
    nonisolated var cacheFolder: URL { folder.url.appendingPathComponent("cache") }

    /// The build's report and site, built by the first caller (on a thread of its own,
    /// ``onOwnThread(_:)``) while later callers wait. The build is the run's longest chain (every
    /// browser, doc-coverage and curriculum test waits for it), so it is started by a task of
    /// high priority: Swift's pool for default-priority tasks is often full of tests waiting for
    /// processes, and a default task sat 18 s before it could start the build's thread.
    func build() async -> Result<(SiteBuild.Report, URL), NotebookErrors> {
        if let result { return result }
        if let building { return await building.value }
        let output = folder.url.appendingPathComponent("site")
        let options = SiteBuild.Options(
            output: output,
            execution: ExecutionService.Settings(scratch: packageRoot.appendingPathComponent(".build-notebooks"),
                                             cacheFolder: folder.url.appendingPathComponent("cache")))
        let task = Task(priority: .high) {
            // onOwnThread rethrows what the build threw: a NotebookErrors.
            do {
                return Result<(SiteBuild.Report, URL), NotebookErrors>.success(
                    try await onOwnThread { (try SiteBuild.build(project: Project(root: packageRoot), options: options), output) })
            } catch let error as NotebookErrors {
                return .failure(error)
            } catch {
                return .failure(NotebookErrors([NotebookError(file: "Notebooks", line: nil, "\(error)")]))
            }
        }
        building = task
        let outcome = await task.value
        result = outcome
        return outcome
    }
}

@Suite("The notebooks in Notebooks/ build, and every cell passes")
struct NotebooksBuildTests {
    @Test("The snippet build compiles only the libraries snippets import, from a manifest of its own")
    func snippetBuildManifest() async throws {
        _ = try await NotebookSite.shared.build().get()
        let manifest = try String(contentsOf: packageRoot.appendingPathComponent(".build-notebooks/snippets/package/Package.swift"), encoding: .utf8)
        for library in ["LossCore", "Plotting", "NotebookRuntime"] { #expect(manifest.contains(".library(name: \"\(library)\"")) }
        // LossCore's vector functions: a C target over the SLEEF system library.
        #expect(manifest.contains(#".target(name: "CVectorMath", dependencies: ["CSleef"])"#) && manifest.contains(#".systemLibrary(name: "CSleef", pkgConfig: "sleef""#))
        for left in ["NotebookKit", "ArgumentParser", "FlyingFox", "notebook-sandbox", "loss-bench"] {
            #expect(!manifest.contains(left), "the snippet build's manifest keeps \(left)")
        }
        // Without NOTEBOOK_MODULE_CACHE, the snippet and exercise builds share one module cache
        // in the scratch folder.
        if ProcessInfo.processInfo.environment["NOTEBOOK_MODULE_CACHE"] == nil {
            let cache = try FileManager.default.subpathsOfDirectory(atPath: packageRoot.appendingPathComponent(".build-notebooks/module-cache").path)
            #expect(cache.contains { $0.hasSuffix(".pcm") })
        }
    }

    @Test("Lesson snippets carry no debug information, their C code included; one that does not import Foundation does not load it")
    func snippetExecutables() async throws {
        _ = try await NotebookSite.shared.build().get()
        let snippets = packageRoot.appendingPathComponent("Snippets")
        let names = try FileManager.default.contentsOfDirectory(atPath: snippets.path).filter { $0.hasSuffix(".swift") }.sorted()
        var withoutFoundation = 0
        for name in names {
            let executable = packageRoot.appendingPathComponent(".build-notebooks/debug/\(name.dropLast(6))").path
            // Section headers and the dynamic section: the libraries it needs.
            let elf = try runTool("/usr/bin/readelf", ["-S", "-d", executable])
            #expect(elf.status == 0 && elf.output.contains("(NEEDED)") && elf.output.contains("libswiftCore.so"), "\(elf.stderr)")
            // LossCore's C target too (`-g0`): its DWARF 5 stopped valgrind from reading a snippet.
            #expect(!elf.output.contains(".debug_info"), "\(name) has debug information")
            let source = try String(contentsOf: snippets.appendingPathComponent(name), encoding: .utf8)
            guard !source.contains("import Foundation") else { continue }
            #expect(!elf.output.contains("Foundation"), "\(name) loads Foundation:\n\(elf.output)")
            withoutFoundation += 1
        }
        #expect(withoutFoundation >= 5, "kl_divergence, outliers, huber, loss_vs_metric and regularisation at least")
    }

    @Test("notebook build of Notebooks/: every cell passes, every page has its outputs")
    func buildAll() async throws {
        let (report, output) = try await NotebookSite.shared.build().get()
        let paths = Project(root: packageRoot).notebookPaths()
        #expect(!paths.isEmpty)
        #expect(report.notebooks.map(\.document.path).sorted() == paths)
        for notebook in report.notebooks {
            for cell in notebook.owningCells {
                let run = try #require(cell.result?.run)
                #expect(!run.failed, "\(notebook.document.path):\(cell.reference.line): \(run.failureSummary() ?? "")\n\(run.stderr)")
            }
            let page = try String(contentsOf: output.appendingPathComponent(notebook.page), encoding: .utf8)
            // Every lesson draws at least one plot (the glossary has no cells).
            if !notebook.cells.isEmpty { #expect(page.contains("<svg"), "\(notebook.page) has no plot") }
            #expect(!page.contains("This cell failed"))
        }
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        for notebook in report.notebooks { #expect(index.contains("href=\"\(notebook.page)\"")) }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("style.css").path))
    }

    @Test("notebook test passes on Notebooks/: checks, expected output, prose values, links, formulas")
    func docTests() async throws {
        _ = try await NotebookSite.shared.build().get()
        let options = DocTest.Options(execution: ExecutionService.Settings(scratch: packageRoot.appendingPathComponent(".build-notebooks"),
                                                                           cacheFolder: NotebookSite.shared.cacheFolder))
        let report = try await onOwnThread { try DocTest.run(project: Project(root: packageRoot), options: options) }
        #expect(report.failures.isEmpty, "\(report.failures.map(\.description).joined(separator: "\n"))")
        #expect(report.cases.count > 50)
        let expected = try Project(root: packageRoot).load(Project(root: packageRoot).notebookPaths(), packageName: fixturePackage.name)
            .flatMap(\.snippetReferences).filter { $0.expectedOutput != nil }
        #expect(!expected.isEmpty, "the curriculum has expected-output blocks")
    }

    @Test("Warm builds read pages from the page cache, byte-identical; a changed input renders anew")
    func pageCache() async throws {
        let (_, first) = try await NotebookSite.shared.build().get()
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let options = { (output: URL) in
            SiteBuild.Options(output: output, execution: ExecutionService.Settings(
                scratch: packageRoot.appendingPathComponent(".build-notebooks"), cacheFolder: NotebookSite.shared.cacheFolder))
        }
        // The first build above ran every snippet; this one reads them from the run cache and
        // caches the pages; the next reads the pages.
        let cold = options(folder.url.appendingPathComponent("a"))
        _ = try await onOwnThread { try SiteBuild.build(project: Project(root: packageRoot), options: cold) }
        let pages = NotebookSite.shared.cacheFolder.appendingPathComponent("pages")
        let cached = try FileManager.default.contentsOfDirectory(atPath: pages.path).count
        #expect(cached >= Project(root: packageRoot).notebookPaths().count)
        let warm = folder.url.appendingPathComponent("b")
        let warmOptions = options(warm)
        _ = try await onOwnThread { try SiteBuild.build(project: Project(root: packageRoot), options: warmOptions) }
        for file in try FileManager.default.subpathsOfDirectory(atPath: first.path) where file.hasSuffix(".html") {
            #expect(try Data(contentsOf: first.appendingPathComponent(file)) == Data(contentsOf: warm.appendingPathComponent(file)), "\(file)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: pages.path).count == cached, "a warm build adds no pages")
        // A different neighbour title (another context) is another key.
        let workbook = try Workbook(project: Project(root: packageRoot), package: fixturePackage, paths: ["Notebooks/01-loss-functions.md"])
        let runs = workbook.referencedSnippets.reduce(into: [String: SnippetResult]()) { result, name in
            var run = SnippetRun.didNotBuild(name, errors: [])
            run.cacheKey = "k"
            result[name] = SnippetResult(run: run, reason: .cached)
        }
        let notebook = ExecutedNotebook.assemble(workbook, runs: runs, symbols: .empty)[0]
        let a = PageCache.key(notebook: notebook, sources: workbook.sources, context: PageContext(path: "x.html", siteTitle: "S"))
        let b = PageCache.key(notebook: notebook, sources: workbook.sources, context: PageContext(path: "x.html", siteTitle: "T"))
        #expect(a != nil && b != nil && a != b)
        var ran = runs
        ran[workbook.referencedSnippets[0]]?.reason = .forced
        let rerun = ExecutedNotebook.assemble(workbook, runs: ran, symbols: .empty)[0]
        #expect(PageCache.key(notebook: rerun, sources: workbook.sources, context: PageContext(path: "x.html", siteTitle: "S")) == nil)
    }

    @Test("Building again without the cache gives byte-identical pages")
    func deterministic() async throws {
        let (_, first) = try await NotebookSite.shared.build().get()
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let second = folder.url.appendingPathComponent("site")
        let options = SiteBuild.Options(
            output: second,
            execution: ExecutionService.Settings(noCache: true, scratch: packageRoot.appendingPathComponent(".build-notebooks"),
                                             cacheFolder: folder.url.appendingPathComponent("cache")))
        _ = try await onOwnThread { try SiteBuild.build(project: Project(root: packageRoot), options: options) }
        let files = try FileManager.default.subpathsOfDirectory(atPath: first.path).sorted()
        #expect(try FileManager.default.subpathsOfDirectory(atPath: second.path).sorted() == files)
        for file in files where file.hasSuffix(".html") || file.hasSuffix(".css") {
            let a = try Data(contentsOf: first.appendingPathComponent(file))
            let b = try Data(contentsOf: second.appendingPathComponent(file))
            #expect(a == b, "\(file) differs between two builds")
        }
    }
}
