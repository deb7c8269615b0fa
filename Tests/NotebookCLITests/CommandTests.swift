import FixtureSupport
import Foundation
import Testing

@Suite("notebook list and build: argument errors")
struct NotebookCommandTests {
    @Test("list shows each notebook and its snippet references")
    func list() async throws {
        let result = try await runNotebook(["list", "--package-path", packageRoot.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Notebooks/"))
        #expect(result.stdout.contains("Snippets/"))
    }

    @Test("build and test refuse unknown notebooks and outputs they cannot or must not write, exit 2, before building", arguments: [
        (["build", "no-such-notebook"], "notebook: no-such-notebook: no such notebook"),
        (["build", "--output", "Notebooks/out"], "the output folder is inside Notebooks/"),
        (["build", "--output", "."], "the output folder would contain the package itself"),
        (["build", "--output", "Sources"], "the output folder is inside Sources/"),
        (["build", "--output", ".ci"], "is a folder with files that notebook build did not write"),
        (["build", "--output", "README.md/site"], "README.md/site: cannot be made: \(packageRoot.path)/README.md is a file"),
        (["build", "--output", "README.md"], "README.md: is a file, not a folder"),
        (["test", "--junit", "Notebooks"], "notebook: --junit Notebooks: is a folder; give a file's name"),
        (["test", "--junit", "README.md/report.xml"], "notebook: --junit README.md/report.xml: cannot be made: \(packageRoot.path)/README.md is a file"),
    ])
    func badArguments(arguments: [String], message: String) async throws {
        let result = try await runNotebook(arguments + ["--package-path", packageRoot.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}

@Suite("Interrupted builds", .serialized)
struct InterruptionTests {
    @Test("SIGKILL during notebook build leaves the previous site complete; the next build cleans up")
    func killed() async throws {
        try await withFixture(.passing) { root in
            let first = try await runNotebook(["build", "--package-path", root.path], in: root)
            #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
            let site = root.appendingPathComponent("site")
            let before = try FileManager.default.subpathsOfDirectory(atPath: site.path).sorted()
            let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
            // Change a notebook so the next build has work to do, then kill it at several points.
            let notebook = root.appendingPathComponent("Notebooks/passing.md")
            try (String(contentsOf: notebook, encoding: .utf8) + "\nChanged.\n").write(to: notebook, atomically: true, encoding: .utf8)
            for delay in [0.05, 0.3, 1.0] {
                let process = try startNotebook(["build", "--no-cache", "--package-path", root.path], in: root)
                usleep(UInt32(delay * 1_000_000))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                let now = try FileManager.default.subpathsOfDirectory(atPath: site.path).sorted()
                let page = try String(contentsOf: site.appendingPathComponent("passing.html"), encoding: .utf8)
                // Either the old site or the new one, whole: never a mix, never missing files.
                #expect(now == before, "after a kill at \(delay) s the site's files changed: \(now)")
                #expect(page.contains("</html>"))
                #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == index)
            }
            let again = try await runNotebook(["build", "--package-path", root.path], in: root)
            #expect(again.status == 0)
            #expect(try String(contentsOf: site.appendingPathComponent("passing.html"), encoding: .utf8).contains("Changed."))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("staging") }
            #expect(leftovers.isEmpty, "\(leftovers)")
        }
    }

    @Test("Two builds at once: the second is refused with a clear message")
    func concurrent() async throws {
        try await withFixture(.passing) { root in
            // A snippet that runs for 3 s, so the first build still holds the lock when the
            // second starts (the fixture's own snippets take milliseconds).
            try "import Foundation\nThread.sleep(forTimeInterval: 3)\nprint(\"slept\")\n"
                .write(to: root.appendingPathComponent("Snippets/slow.swift"), atomically: true, encoding: .utf8)
            try "# Slow\n\n@Snippet(path: \"LossNotebooks/Snippets/slow\")\n"
                .write(to: root.appendingPathComponent("Notebooks/slow.md"), atomically: true, encoding: .utf8)
            let first = try startNotebook(["build", "--no-cache", "--package-path", root.path], in: root)
            // Wait until the first build holds its lock.
            let lock = root.appendingPathComponent(".notebook-cache/build.lock").path
            let deadline = Date().addingTimeInterval(30)
            while !FileManager.default.fileExists(atPath: lock), Date() < deadline { usleep(20_000) }
            let second = try await runNotebook(["build", "--package-path", root.path], in: root)
            first.waitUntilExit()
            #expect(second.status == 2)
            #expect(second.stderr.contains("another notebook build is running on this package"), "\(second.stderr)")
            #expect(first.terminationStatus == 0)
        }
    }
}

@Suite("notebook test from the command line")
struct TestCommandTests {
    @Test("Failures print file:line, GitHub annotations under GITHUB_ACTIONS, JUnit on request; exit 1")
    func failures() async throws {
        try await withFixture(.passing) { root in
            let notebook = root.appendingPathComponent("Notebooks/passing.md")
            try String(contentsOf: notebook, encoding: .utf8).replacingOccurrences(of: "slope = 2.0", with: "slope = 3.0")
                .write(to: notebook, atomically: true, encoding: .utf8)
            var environment = notebookEnvironment()
            environment["GITHUB_ACTIONS"] = "true"
            let result = try await runNotebook(["test", "--junit", "report.xml", "--package-path", root.path], in: root, environment: environment)
            #expect(result.status == 1)
            #expect(result.stdout.contains("Notebooks/passing.md:5: the output of slice 'main' of 'good' differs from the expected block (line 5)"))
            #expect(result.stdout.contains("      loss = 0.5\n    - slope = 3.0\n    + slope = 2.0\n"))
            #expect(result.stdout.contains("::error file=Notebooks/passing.md,line=5::the output of slice 'main' of 'good' differs"))
            #expect(result.stdout.contains("notebook test: "))
            let xml = try String(contentsOf: root.appendingPathComponent("report.xml"), encoding: .utf8)
            #expect(xml.contains("<failure message=\"Notebooks/passing.md:5:"))
            let updated = try await runNotebook(["test", "--update", "--package-path", root.path], in: root)
            #expect(updated.stdout.contains("updated the output blocks of Notebooks/passing.md"))
            let again = try await runNotebook(["test", "--package-path", root.path], in: root)
            #expect(again.status == 0, "\(again.stdout)")
        }
    }

    @Test("Sources put back with their old times after a failed build are built again, not taken for the clean build before")
    func failedBuildForgetsCleanBuild() async throws {
        try await withFixture(.passing) { root in
            #expect(try await runNotebook(["test", "--package-path", root.path], in: root).status == 0)
            // Change what good prints and add a snippet that does not compile: the build fails,
            // and the rest (good among them) is built without it.
            let good = root.appendingPathComponent("Snippets/good.swift")
            let saved = root.appendingPathComponent("good.swift.saved")
            try copyKeepingTimes(good, to: saved)
            try String(contentsOf: good, encoding: .utf8).replacingOccurrences(of: "slope = 2.0", with: "slope = 3.0")
                .write(to: good, atomically: true, encoding: .utf8)
            let broken = root.appendingPathComponent("Snippets/broken.swift")
            try "let x: Int = \"not a number\"\n".write(to: broken, atomically: true, encoding: .utf8)
            let failed = try await runNotebook(["test", "--package-path", root.path], in: root)
            #expect(failed.status == 1 && failed.stdout.contains("+ slope = 3.0"), "\(failed.stdout)\(failed.stderr)")
            // Put both back as they were, times included: the sources are those of the first build.
            try FileManager.default.removeItem(at: broken)
            try FileManager.default.removeItem(at: good)
            try copyKeepingTimes(saved, to: good)
            try FileManager.default.removeItem(at: saved)
            let again = try await runNotebook(["test", "--package-path", root.path], in: root)
            #expect(again.status == 0, "good ran as the failed build left it:\n\(again.stdout)\(again.stderr)")
        }
    }
}

@Suite("notebook run")
struct RunCommandTests {
    @Test("Runs one snippet with ASCII plots; an unknown name suggests the closest")
    func run() async throws {
        try await withFixture(.passing) { root in
            let result = try await runNotebook(["run", "good", "--ascii", "--package-path", root.path], in: root)
            #expect(result.status == 0)
            #expect(result.stdout.contains("loss = 0.500000000001"))
            let unknown = try await runNotebook(["run", "god", "--package-path", root.path], in: root)
            #expect(unknown.status == 2)
            #expect(unknown.stderr == "notebook: no snippet 'god' (expected Snippets/god.swift); did you mean 'good'?\n")
            // Recorded values are printed; a failed check names the snippet's file.
            let checks = try await runNotebook(["run", "checks", "--package-path", root.path], in: root)
            #expect(checks.status == 1)
            #expect(checks.stdout.contains("recorded slope = 2.5"), "\(checks.stdout)")
            #expect(checks.stdout.contains("✘ check failed: MSE moves most (Snippets/checks.swift:7)"), "\(checks.stdout)")
        }
    }
}

@Suite("notebook build exit statuses")
struct BuildStatusTests {
    @Test("A partial build rebuilds the notebooks named and keeps the rest of the site: pages, index, search, neighbours")
    func partial() async throws {
        try await withFixture(.passing) { root in
            // A snippet the shared package has not built yet, so that this build compiles.
            let good = root.appendingPathComponent("Snippets/good.swift")
            try (String(contentsOf: good, encoding: .utf8) + "// \(UUID().uuidString)\n").write(to: good, atomically: true, encoding: .utf8)
            let full = try await runNotebook(["build", "--package-path", root.path], in: root)
            #expect(full.status == 0, "\(full.stdout)\(full.stderr)")
            // Progress, as plain lines when the output is not a terminal.
            #expect(full.stdout.contains("Building 1 snippet with swift build"), "\(full.stdout)")
            #expect(full.stdout.contains("\nBuilt in "))
            #expect(full.stdout.contains("Running 1 snippet…\n[1/1] good ran in "))
            let passing = root.appendingPathComponent("Notebooks/passing.md")
            try (try String(contentsOf: passing, encoding: .utf8) + "\nNew words for the partial build.\n").write(to: passing, atomically: true, encoding: .utf8)
            let walk = root.appendingPathComponent("Notebooks/walk.md")
            try (try String(contentsOf: walk, encoding: .utf8)).replacingOccurrences(of: "# Walk\n", with: "# Walk renamed\n")
                .write(to: walk, atomically: true, encoding: .utf8)
            let partial = try await runNotebook(["build", "passing", "--timings", "--package-path", root.path], in: root)
            #expect(partial.stdout.contains("  slowest snippets: good "), "\(partial.stdout)")
            #expect(partial.status == 0, "\(partial.stdout)\(partial.stderr)")
            #expect(partial.stdout.contains("Built 1 notebook into site/: 1 snippet (0 ran, 1 cached, 0 failed)"), "\(partial.stdout)")
            let site = root.appendingPathComponent("site")
            let files = try FileManager.default.contentsOfDirectory(atPath: site.path)
            #expect(files.contains("walk.html") && files.contains("passing.html"), "\(files)")
            #expect(try String(contentsOf: site.appendingPathComponent("passing.html"), encoding: .utf8).contains("New words for the partial build."))
            // The other notebook's snippets are cached, so its page and the neighbours' links follow its new title.
            let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(index.contains(">Passing</a>") && index.contains(">Walk renamed</a>"), "\(index)")
            #expect(try String(contentsOf: site.appendingPathComponent("search-index.js"), encoding: .utf8).contains("Walk renamed"))
            #expect(try String(contentsOf: site.appendingPathComponent("walk.html"), encoding: .utf8).contains("<h1 id=\"walk-renamed\">"))
        }
    }

    @Test("A failed cell: the site is written with the failure shown, file:line printed, exit 1")
    func failedCell() async throws {
        try await withFixture(.passing) { root in
            try """
                # Broken

                @Snippet(path: "LossNotebooks/Snippets/exits")

                """.write(to: root.appendingPathComponent("Notebooks/broken.md"), atomically: true, encoding: .utf8)
            let result = try await runNotebook(["build", "--package-path", root.path], in: root)
            #expect(result.status == 1)
            #expect(result.stdout.contains("✘ Notebooks/broken.md → broken.html (1 snippet: 1 ran, 0 cached, 1 failed)"), "\(result.stdout)")
            #expect(result.stdout.contains("Notebooks/broken.md:3: Snippets/exits.swift exited with status 3"))
            let page = try String(contentsOf: root.appendingPathComponent("site/broken.html"), encoding: .utf8)
            #expect(page.contains("This cell failed"))
            #expect(page.contains("giving up"))
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/passing.html").path))
        }
    }

    @Test("serve refuses an address that is not IPv4, exit 2")
    func badHost() async throws {
        try await withFixture(.passing) { root in
            let result = try await runNotebook(["serve", "--host", "example", "--package-path", root.path], in: root)
            #expect(result.status == 2)
            #expect(result.stderr == "notebook: --host: 'example' is not an IPv4 address such as 127.0.0.1\n")
        }
    }
}
