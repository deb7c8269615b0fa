import FixtureSupport
import Foundation
import Synchronization
import Testing
@testable import NotebookKit

extension SharedFixture {
    /// Fixtures/DocTestPackage as it is: snippets that pass, crash, fail, print random numbers
    /// and do not compile. One copy, so the suite's tests take it one at a time: a second copy
    /// built the fixture again (10 s of processor time) and the suite took longer alone.
    static let docTest = SharedFixture(fixture: packageRoot.appendingPathComponent("Tests/NotebookKitTests/Fixtures/DocTestPackage"), name: "package", copies: 1)
}

/// The compiler's module cache that NotebookKit's tests share.
let sharedModuleCache = FileManager.default.temporaryDirectory.appendingPathComponent("notebookkit-module-cache-\(UUID().uuidString)")

@Suite("notebook test: every failure kind, --update, --repeat, JUnit")
struct DocTestTests {
    /// `notebook test` of a copy of the fixture at `root` (``SharedFixture/docTest``).
    func run(_ notebooks: [String] = [], in root: URL, update: Bool = false, repeats: Int = 1) async throws -> DocTest.Report {
        try await docTest(root, DocTest.Options(notebooks: notebooks, repeats: repeats, update: update, execution: settings(root)))
    }

    /// `notebook test` of the package at `root` with `options`, on a thread of its own (``onOwnThread(_:)``).
    func docTest(_ root: URL, _ options: DocTest.Options) async throws -> DocTest.Report {
        try await onOwnThread { try DocTest.run(project: Project(root: root), options: options) }
    }

    /// The fixture copy's settings: snippets built into its `.build-notebooks`, runs cached in `.cache`.
    func settings(_ root: URL, noCache: Bool = false, progress: (@Sendable (ExecutionProgress) -> Void)? = nil) -> ExecutionService.Settings {
        ExecutionService.Settings(noCache: noCache, scratch: root.appendingPathComponent(".build-notebooks"), cacheFolder: root.appendingPathComponent(".cache"),
                                  moduleCache: sharedModuleCache, progress: progress)
    }

    @Test("Each failure kind is reported at the notebook's line; passing notebooks pass")
    func failureKinds() async throws {
        try await withFixture(.docTest) { root in
            let report = try await run(in: root)
            let lines = report.failures.map(\.description)
            func has(_ prefix: String, _ fragment: String) -> Bool {
                lines.contains { $0.hasPrefix(prefix) && $0.contains(fragment) }
            }
            #expect(has("Notebooks/failing.md:5: ", "Snippets/crash.swift killed by signal 4 (SIGILL"), "\(lines)")
            #expect(has("Notebooks/failing.md:9: ", "Snippets/exits.swift exited with status 3"))
            #expect(has("Notebooks/failing.md:13: ", "check failed: MSE moves most (Snippets/checks.swift:7)"))
            #expect(has("Notebooks/values.md:5: ", "unknown value '{{slpe}}'; did you mean 'slope'?"))
            #expect(has("Notebooks/failing.md:21: ", "the output of 'good' differs from the expected block (line 21)"))
            #expect(has("Notebooks/failing.md:28: ", "link to a missing notebook 'nowhere.md'"))
            #expect(has("Notebooks/failing.md:28: ", "link to a missing heading '#nope' in Notebooks/passing.md"))
            #expect(has("Notebooks/failing.md:32: ", "Snippets/broken.swift did not build: Snippets/broken.swift:1: error: cannot convert value of type 'String' to specified type 'Int'"))
            #expect(!lines.contains { $0.hasPrefix("Notebooks/passing.md") || $0.hasPrefix("Notebooks/random.md") })
            // In a notebook whose snippets crashed, a value they would have recorded is not an error.
            #expect(!lines.contains { $0.hasPrefix("Notebooks/failing.md:15") })
            let diff = report.failures.first { $0.kind == .output }?.details ?? ""
            #expect(diff == "- loss = 0.7\n+ loss = 0.500000000001\n  slope = 2.0")
            #expect(report.failures.first { $0.kind == .crash }?.details.contains("Index out of range") == true)
        }
    }

    @Test("The build compiles system modules into the module cache the settings name, not into the scratch folder, and writes no index store and no debug information; modules are compiled unoptimised, one job each, and linked by lld when the toolchain has it")
    func moduleCache() async throws {
        try await withFixture(.docTest) { root in
            _ = try await run(["Notebooks/passing.md"], in: root)
            let shared = try FileManager.default.subpathsOfDirectory(atPath: sharedModuleCache.path)
            #expect(shared.contains { $0.hasSuffix(".pcm") }, "\(shared)")
            let built = root.appendingPathComponent(".build-notebooks")
            let scratch = try FileManager.default.subpathsOfDirectory(atPath: built.path)
            #expect(!scratch.contains { $0.hasSuffix(".pcm") }, "\(scratch.filter { $0.hasSuffix(".pcm") })")
            // SwiftPM's index-while-building writes `<triple>/debug/index/store`; the snippet build turns it off.
            #expect(!scratch.contains { $0.hasSuffix("/index/store") }, "\(scratch.filter { $0.contains("/index/") }.prefix(3))")
            // Built with `-gnone`: a snippet's executable has no DWARF section (`.debug_info` names one
            // in the section header table when there is).
            let executable = try #require(scratch.first { $0.hasSuffix("/debug/good") })
            let bytes = try Data(contentsOf: built.appendingPathComponent(executable))
            #expect(bytes.count > 0 && bytes.range(of: Data(".debug_info".utf8)) == nil)
            // One compiler job per module: in SwiftPM's build manifest, every Swift module's
            // command compiles the whole module and writes its module file in the same job,
            // without optimisation.
            let manifest = try String(contentsOf: built.appendingPathComponent("debug.yaml"), encoding: .utf8)
            let commands = manifest.components(separatedBy: "\n  \"")
            let compiles = commands.filter { $0.contains("description: \"Compiling Swift Module") }
            #expect(compiles.count >= 3, "the library, and the snippets good and checks at least")
            for command in compiles {
                #expect(command.contains("\"-wmo\"") && command.contains("\"-no-emit-module-separately-wmo\""), "\(command.prefix(300))")
                let levels = command.components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("\"-O") }
                #expect(levels.last == "\"-Onone\"", "\(levels)")
            }
            // Linked by the toolchain's lld when it has one.
            let links = commands.filter { $0.contains("description: \"Linking") }
            #expect(!links.isEmpty)
            let swift = try #require(ChildProcess.find("swift"))
            let lld = URL(fileURLWithPath: swift).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("ld.lld")
            let linksWithLLD = links.filter { $0.contains("\"-use-ld=lld\"") }.count
            #expect(linksWithLLD == (FileManager.default.isExecutableFile(atPath: lld.path) ? links.count : 0))
        }
    }

    @Test("Two snippets that do not compile each get their own errors; the others still build and pass; unchanged, they are left out of the next build (one start of SwiftPM), unless under --no-cache or after an error about a module")
    func twoBroken() async throws {
        try await withFixture(.docTest) { root in
            try "let count: Int = 1.5\nprint(count)\n".write(to: root.appendingPathComponent("Snippets/broken2.swift"), atomically: true, encoding: .utf8)
            try """
                # Two broken

                @Snippet(path: "LossNotebooks/Snippets/broken")

                @Snippet(path: "LossNotebooks/Snippets/broken2")

                @Snippet(path: "LossNotebooks/Snippets/good")

                """.write(to: root.appendingPathComponent("Notebooks/broken.md"), atomically: true, encoding: .utf8)
            let report = try await docTest(root, DocTest.Options(
                notebooks: ["Notebooks/broken.md"],
                execution: settings(root)))
            let lines = report.failures.map(\.description)
            #expect(lines.contains { $0.hasPrefix("Notebooks/broken.md:3: ") && $0.contains("Snippets/broken.swift:1: error:") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("Notebooks/broken.md:5: ") && $0.contains("Snippets/broken2.swift:1: error:") }, "\(lines)")
            #expect(lines.count == 2, "\(lines)")
            #expect(report.cases.contains { $0.notebook == "Notebooks/broken.md" && $0.failure == nil })
            // The same sources again: the errors and good's executable come from the last build's
            // stamp, without starting SwiftPM; a changed snippet builds again. Builds started, and
            // SwiftPM's starts again without the snippets that did not compile:
            let started = Mutex((builds: 0, again: 0))
            func again(noCache: Bool = false) async throws -> [String] {
                try await docTest(root, DocTest.Options(
                    notebooks: ["Notebooks/broken.md"],
                    execution: settings(root, noCache: noCache, progress: { event in
                        if case .buildStarted = event { started.withLock { $0.builds += 1 } }
                        if case .buildingAgain = event { started.withLock { $0.again += 1 } }
                    }))).failures.map(\.description)
            }
            #expect(try await again() == lines)
            #expect(started.withLock { $0 } == (0, 0), "a build started for sources that have not changed")
            // Another snippet changes: the two that failed, unchanged, are left out from the start
            // (KnownFailures) and their errors reported again.
            try "print(\"another\")\n".write(to: root.appendingPathComponent("Snippets/another.swift"), atomically: true, encoding: .utf8)
            #expect(try await again() == lines)
            #expect(started.withLock { $0 } == (1, 0), "SwiftPM started again for snippets that failed and have not changed")
            // It goes again: the sources are those of the first build, whose executables are
            // still those it wrote (BuildStamp's history), so nothing is built.
            try FileManager.default.removeItem(at: root.appendingPathComponent("Snippets/another.swift"))
            #expect(try await again() == lines)
            #expect(started.withLock { $0 } == (1, 0), "a build started for the sources of an earlier build")
            // A failed snippet changed: it is compiled again, and the rest built without it.
            try "let count: Int = \"two\"\nprint(count)\n".write(to: root.appendingPathComponent("Snippets/broken2.swift"), atomically: true, encoding: .utf8)
            let changed = try await again()
            #expect(started.withLock { $0 } == (2, 1))
            #expect(changed.count == 2 && changed.contains { $0.contains("Snippets/broken2.swift:1: error: cannot convert value of type 'String'") }, "\(changed)")
            // --no-cache builds again, the failed snippets too, and so does every build after an
            // error about a module (whose cause may lie outside the sources).
            #expect(try await again(noCache: true) == changed)
            // (Once or twice again: SwiftPM may stop at the first snippet that fails.)
            #expect(started.withLock { $0.builds == 3 && $0.again >= 2 }, "\(started.withLock { $0 })")
            try "import NoSuchModuleHere\n".write(to: root.appendingPathComponent("Snippets/broken2.swift"), atomically: true, encoding: .utf8)
            #expect(try await again().contains { $0.contains("no such module 'NoSuchModuleHere'") })
            #expect(try await again().contains { $0.contains("no such module 'NoSuchModuleHere'") })
            #expect(started.withLock { $0 }.builds == 5)
        }
    }

    @Test("The package's description is read once per manifest and toolchain, into the scratch folder, whichever run cache a build uses")
    func manifestCache() async throws {
        try await withFixture(.docTest) { root in
            // A scratch folder of its own: the entry changed below must not reach the suite's other tests.
            let folder = TemporaryFolder()
            defer { folder.remove() }
            let scratch = folder.url.appendingPathComponent("scratch")
            func service(_ cache: String) -> ExecutionService {
                ExecutionService(project: Project(root: root), settings: .init(scratch: scratch, cacheFolder: root.appendingPathComponent(cache), moduleCache: sharedModuleCache))
            }
            let described = try service("a").packageManifest()
            let manifests = scratch.appendingPathComponent("package-manifests")
            let entries = try FileManager.default.contentsOfDirectory(atPath: manifests.path).filter { $0.hasSuffix(".json") }
            #expect(entries.count == 1, "\(entries)")
            let entry = try #require(entries.first { (try? JSONDecoder().decode(PackageManifest.self, from: Data(contentsOf: manifests.appendingPathComponent($0)))) == described })
            // A changed entry is what the next call reads, from another run cache too: SwiftPM did not run.
            var changed = described
            changed.name = "Changed"
            try JSONEncoder().encode(changed).write(to: manifests.appendingPathComponent(entry))
            #expect(try service("b").packageManifest().name == "Changed")
            // Other manifest bytes are another key: SwiftPM describes the package again.
            let manifest = root.appendingPathComponent("Package.swift")
            try (String(contentsOf: manifest, encoding: .utf8) + "\n// changed\n").write(to: manifest, atomically: true, encoding: .utf8)
            #expect(try service("b").packageManifest() == described)
        }
    }

    @Test("Testing one notebook still checks its links into the others' headings")
    func linksIntoOthers() async throws {
        try await withFixture(.docTest) { root in
            let report = try await run(["Notebooks/failing.md"], in: root)
            #expect(report.failures.contains { $0.description.hasPrefix("Notebooks/failing.md:28: link to a missing heading '#nope' in Notebooks/passing.md") },
                    "\(report.failures.map(\.description))")
        }
    }

    @Test("A notebook with a bad reference fails alone: the others are still tested and counted")
    func badReferenceAlone() async throws {
        try await withFixture(.docTest) { root in
            try "# Bad\n\n@Snippet(path: \"LossNotebooks/Snippets/nope\")\n".write(to: root.appendingPathComponent("Notebooks/bad.md"), atomically: true, encoding: .utf8)
            let report = try await docTest(root, DocTest.Options(
                notebooks: ["Notebooks/bad.md", "Notebooks/passing.md"],
                execution: settings(root)))
            #expect(report.failures.map(\.description).count == 1)
            #expect(report.failures.first?.description.hasPrefix("Notebooks/bad.md:3: ") == true, "\(report.failures)")
            #expect(report.cases.contains { $0.notebook == "Notebooks/passing.md" && $0.failure == nil })
            #expect(report.notebooks == ["Notebooks/bad.md", "Notebooks/passing.md"])
        }
    }

    @Test("An output block after a slice holds what that slice printed (also with nothing shown between two printing slices); --update writes only it; a timeout names the slice")
    func perSliceOutput() async throws {
        try await withFixture(.docTest) { root in
            // Two slices that print with nothing shown between them, and a slice inside a function
            // (where no slice marker can stand; the snippet must still build).
            try #"""
                import Foundation

                func helper() -> Int {
                    // snippet.inner
                    let x = 41
                    // snippet.end
                    return x + 1
                }

                // snippet.first
                print("first = 1")
                // snippet.end

                // snippet.second
                print("second = \(helper() - 40)")
                // snippet.end

                """#.write(to: root.appendingPathComponent("Snippets/two.swift"), atomically: true, encoding: .utf8)
            let notebook = root.appendingPathComponent("Notebooks/slices.md")
            func write(_ first: String, _ second: String) throws {
                try """
                    # Slices

                    @Snippet(path: "LossNotebooks/Snippets/two", slice: "first")

                    ```output
                    \(first)
                    ```

                    @Snippet(path: "LossNotebooks/Snippets/two", slice: "second")

                    ```output
                    \(second)
                    ```

                    """.write(to: notebook, atomically: true, encoding: .utf8)
            }
            func test(update: Bool = false) async throws -> DocTest.Report {
                try await docTest(root, DocTest.Options(
                    notebooks: ["Notebooks/slices.md"], update: update,
                    execution: settings(root)))
            }
            try write("first = 1", "second = 2")
            #expect(try await test().failures.map(\.description) == [])
            try write("first = 1", "second = 3")
            let failures = try await test().failures
            #expect(failures.map(\.description) == ["Notebooks/slices.md:11: the output of slice 'second' of 'two' differs from the expected block (line 11); run 'notebook test --update' to accept it"])
            #expect(failures.first?.details == "- second = 3\n+ second = 2")
            _ = try await test(update: true)
            #expect(try String(contentsOf: notebook, encoding: .utf8).contains("```output\nfirst = 1\n```\n\n@Snippet(path: \"LossNotebooks/Snippets/two\", slice: \"second\")\n\n```output\nsecond = 2\n```"))
            // A snippet stopped at its time limit names the slice it was in.
            try """
                import Foundation

                // snippet.setup
                print("ready")
                // snippet.end

                // snippet.spin
                var spins = 0
                while spins >= 0 { spins = (spins + 1) % 1000 }
                // snippet.end

                """.write(to: root.appendingPathComponent("Snippets/spin.swift"), atomically: true, encoding: .utf8)
            try """
                ---
                timeout: 1
                ---
                # Spin

                @Snippet(path: "LossNotebooks/Snippets/spin", slice: "spin")

                """.write(to: root.appendingPathComponent("Notebooks/spin.md"), atomically: true, encoding: .utf8)
            let spin = try await docTest(root, DocTest.Options(
                notebooks: ["Notebooks/spin.md"], execution: settings(root)))
            #expect(spin.failures.map(\.description).contains { $0.contains("timed out after 1 s and was stopped") && $0.contains("it stopped in slice 'spin'") },
                    "\(spin.failures.map(\.description))")
        }
    }

    @Test("--update rewrites only the output blocks, byte for byte elsewhere")
    func update() async throws {
        try await withFixture(.docTest) { root in
            let report = try await run(["Notebooks/failing.md"], in: root, update: true)
            #expect(report.updatedFiles == ["Notebooks/failing.md"])
            let original = try String(contentsOf: packageRoot.appendingPathComponent("Tests/NotebookKitTests/Fixtures/DocTestPackage/Notebooks/failing.md"), encoding: .utf8)
            let updated = try String(contentsOf: root.appendingPathComponent("Notebooks/failing.md"), encoding: .utf8)
            #expect(updated == original.replacingOccurrences(of: "loss = 0.7\n", with: "loss = 0.500000000001\n"))
            let again = try await docTest(root, DocTest.Options(
                notebooks: ["Notebooks/failing.md"], execution: settings(root)))
            #expect(!again.failures.contains { $0.kind == .output })
        }
    }

    @Test("--repeat catches a snippet whose output changes between runs")
    func determinism() async throws {
        try await withFixture(.docTest) { root in
            let once = try await run(["Notebooks/random.md"], in: root)
            #expect(once.passed)
            let repeated = try await run(["Notebooks/random.md"], in: root, repeats: 3)
            #expect(repeated.failures.map(\.description) == ["Notebooks/random.md:3: snippet 'random' gives different output on another run; seed its random numbers"])
        }
    }

    @Test("JUnit XML has a test case per snippet and per check, and GitHub annotations name file and line")
    func junit() async throws {
        try await withFixture(.docTest) { root in
            let report = try await run(in: root)
            let xml = JUnitReport.xml(report)
            #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"notebook test\""))
            #expect(xml.contains("<testsuite name=\"Notebooks/failing.md\""))
            #expect(xml.contains("name=\"checks: MSE moves most\""))
            #expect(xml.contains("name=\"snippet good (line 3)\" time="))
            #expect(xml.contains("<failure message=\"Notebooks/failing.md:5: Snippets/crash.swift killed by signal"))
            let annotation = report.failures.first { $0.kind == .output }!.githubAnnotation
            #expect(annotation.hasPrefix("::error file=Notebooks/failing.md,line=21::the output of 'good' differs"))
            #expect(!annotation.contains("\n"))
        }
    }
}

@Suite("Output comparison")
struct OutputComparisonTests {
    @Test("Numbers within the tolerance match; text must match exactly")
    func comparison() {
        #expect(OutputComparison.matches(expected: "loss = 0.5\n", actual: "loss = 0.5000000001\n", tolerance: 1e-9))
        #expect(!OutputComparison.matches(expected: "loss = 0.5\n", actual: "loss = 0.5001\n", tolerance: 1e-9))
        #expect(OutputComparison.matches(expected: "loss = 0.5\n", actual: "loss = 0.5001\n", tolerance: 1e-3))
        #expect(!OutputComparison.matches(expected: "loss = 0.5\n", actual: "Loss = 0.5\n", tolerance: 1))
        #expect(OutputComparison.matches(expected: "x: -1.5e-3, y2: 7", actual: "x: -0.0015, y2: 7", tolerance: 0))
        #expect(!OutputComparison.matches(expected: "a 1 2", actual: "a 1", tolerance: 1))
        #expect(OutputComparison.matches(expected: "log2 = 0.69", actual: "log2 = 0.69", tolerance: 0))
    }

    @Test("The diff marks removed and added lines, with context")
    func diff() {
        let text = OutputComparison.diff(expected: "a\nb\nc\nd\ne\nf\ng", actual: "a\nb\nc\nD\ne\nf\ng")
        #expect(text == "  b\n  c\n- d\n+ D\n  e\n  f")
        // Lines equal within the tolerance are context, not changes.
        #expect(OutputComparison.diff(expected: "x = 0.5\ny = 3\n", actual: "x = 0.5000001\ny = 2\n", tolerance: 1e-6)
            == "  x = 0.5\n- y = 3\n+ y = 2")
    }
}
