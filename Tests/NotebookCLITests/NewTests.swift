import Foundation
import Testing

/// `notebook new NAME` in a small package that has NotebookRuntime and Plotting (this package's
/// own sources, linked in), then the new notebook tested and built at once.
@Suite("notebook new: a lesson that builds and tests at once")
struct NewTests {
    /// A package named Lessons with the NotebookRuntime and Plotting libraries and one notebook.
    func lessons() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-new-\(UUID().uuidString)/Lessons")
        for folder in ["Sources", "Notebooks", "Snippets"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for module in ["NotebookRuntime", "Plotting"] {
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("Sources/\(module)"),
                                                       withDestinationURL: packageRoot.appendingPathComponent("Sources/\(module)"))
        }
        try """
            // swift-tools-version: 6.0
            import PackageDescription

            let package = Package(
                name: "Lessons",
                products: [.library(name: "NotebookRuntime", targets: ["NotebookRuntime"]), .library(name: "Plotting", targets: ["Plotting"])],
                targets: [.target(name: "Plotting"), .target(name: "NotebookRuntime", dependencies: ["Plotting"])]
            )

            """.write(to: root.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try "---\norder: 4\n---\n# Earlier\n\nText.\n".write(to: root.appendingPathComponent("Notebooks/04-earlier.md"), atomically: true, encoding: .utf8)
        return root
    }

    @Test("new writes a notebook after the others and a snippet with a slice, a plot, a check and a record; test and build pass")
    func endToEnd() async throws {
        let root = try lessons()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let created = try await runNotebook(["new", "quantile-regression"], in: root)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("created Notebooks/05-quantile-regression.md\ncreated Snippets/quantile_regression.swift\n"), "\(created.stdout)")
        let snippet = try String(contentsOf: root.appendingPathComponent("Snippets/quantile_regression.swift"), encoding: .utf8)
        for part in ["import NotebookRuntime", "// snippet.plot", "show(Figure(", "check(", "record(\"smallest\""] { #expect(snippet.contains(part), "\(part)") }

        // The name without its number selects the notebook.
        let one = try await runNotebook(["test", "quantile-regression"], in: root)
        #expect(one.status == 0 && one.stdout.contains("(1 notebook)"), "\(one.stdout)\(one.stderr)")
        let tested = try await runNotebook(["test"], in: root)
        #expect(tested.status == 0, "\(tested.stdout)\(tested.stderr)")
        #expect(tested.stdout.contains("notebook test: 4 passed, 0 failed (2 notebooks)"), "\(tested.stdout)")
        let built = try await runNotebook(["build"], in: root)
        #expect(built.status == 0, "\(built.stdout)\(built.stderr)")
        let page = try String(contentsOf: root.appendingPathComponent("site/05-quantile-regression.html"), encoding: .utf8)
        #expect(page.contains("the smallest square is <span class=\"value\" title=\"smallest\">0</span>"))
        #expect(page.contains("<figure class=\"plot\">") && page.contains("✔ the square is smallest, 0, at r = 0"))
        // The site is titled with the package's name, not this project's.
        #expect(page.contains("<title>Quantile Regression · Lessons</title>") && !page.contains("LossNotebooks"), "\(page.prefix(400))")

        // A name taken, or not a name: one line, exit 2, nothing changed.
        let again = try await runNotebook(["new", "quantile-regression"], in: root)
        #expect(again.status == 2 && again.stderr.contains("exists already"), "\(again.stderr)")
        // --order places it elsewhere (before a glossary, say).
        let placed = try await runNotebook(["new", "early-lesson", "--order", "2"], in: root)
        #expect(placed.status == 0 && placed.stdout.contains("created Notebooks/02-early-lesson.md"), "\(placed.stdout)\(placed.stderr)")
        #expect(try String(contentsOf: root.appendingPathComponent("Notebooks/02-early-lesson.md"), encoding: .utf8).contains("\norder: 2\n"))
        let bad = try await runNotebook(["new", "Bad Name"], in: root)
        #expect(bad.status == 2 && bad.stderr.contains("lowercase letters, digits"), "\(bad.stderr)")
    }

    @Test("new: a title is written as front matter reads it back; a title of several lines, or no place left after the last order, is one line of error")
    func titlesAndOrders() async throws {
        let root = try lessons()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let quoted = try await runNotebook(["new", "quoted", "--title", "\"Quoted\" # and C#"], in: root)
        #expect(quoted.status == 0, "\(quoted.stderr)")
        let listed = try await runNotebook(["list"], in: root)
        #expect(listed.status == 0 && listed.stdout.contains("\"Quoted\" # and C#"), "\(listed.stdout)\(listed.stderr)")
        for title in ["a\nb: \"c\"\n---", "", "   "] {
            let refused = try await runNotebook(["new", "refused", "--title", title], in: root)
            #expect(refused.status == 2 && refused.stderr.contains("--title") && refused.stderr.contains("is not a title"), "\(refused.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Snippets/refused.swift").path))
        // An order the front matter allows but that leaves no place after it: an error, not a trap.
        try "---\norder: 9223372036854775807\n---\n# Last\n".write(to: root.appendingPathComponent("Notebooks/99-last.md"), atomically: true, encoding: .utf8)
        let full = try await runNotebook(["new", "after-last"], in: root)
        #expect(full.status == 2 && full.stderr.contains("Notebooks/99-last.md: its order is 9223372036854775807, so no place is left after it; give the new notebook one with --order N (1 to 999)"), "\(full.status) \(full.stderr)")
        let placed = try await runNotebook(["new", "after-last", "--order", "7"], in: root)
        #expect(placed.status == 0, "\(placed.stderr)")
    }
}
