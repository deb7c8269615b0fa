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
    func endToEnd() throws {
        let root = try lessons()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let created = try runNotebook(["new", "quantile-regression"], in: root)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("created Notebooks/05-quantile-regression.md\ncreated Snippets/quantile_regression.swift\n"), "\(created.stdout)")
        let snippet = try String(contentsOf: root.appendingPathComponent("Snippets/quantile_regression.swift"), encoding: .utf8)
        for part in ["import NotebookRuntime", "// snippet.plot", "show(Figure(", "check(", "record(\"smallest\""] { #expect(snippet.contains(part), "\(part)") }

        // The name without its number selects the notebook.
        let one = try runNotebook(["test", "quantile-regression"], in: root)
        #expect(one.status == 0 && one.stdout.contains("(1 notebook)"), "\(one.stdout)\(one.stderr)")
        let tested = try runNotebook(["test"], in: root)
        #expect(tested.status == 0, "\(tested.stdout)\(tested.stderr)")
        #expect(tested.stdout.contains("notebook test: 4 passed, 0 failed (2 notebooks)"), "\(tested.stdout)")
        let built = try runNotebook(["build"], in: root)
        #expect(built.status == 0, "\(built.stdout)\(built.stderr)")
        let page = try String(contentsOf: root.appendingPathComponent("site/05-quantile-regression.html"), encoding: .utf8)
        #expect(page.contains("the smallest square is <span class=\"value\" title=\"smallest\">0</span>"))
        #expect(page.contains("<figure class=\"plot\">") && page.contains("✔ the square is smallest, 0, at r = 0"))

        // A name taken, or not a name: one line, exit 2, nothing changed.
        let again = try runNotebook(["new", "quantile-regression"], in: root)
        #expect(again.status == 2 && again.stderr.contains("exists already"), "\(again.stderr)")
        // --order places it elsewhere (before a glossary, say).
        let placed = try runNotebook(["new", "early-lesson", "--order", "2"], in: root)
        #expect(placed.status == 0 && placed.stdout.contains("created Notebooks/02-early-lesson.md"), "\(placed.stdout)\(placed.stderr)")
        #expect(try String(contentsOf: root.appendingPathComponent("Notebooks/02-early-lesson.md"), encoding: .utf8).contains("\norder: 2\n"))
        let bad = try runNotebook(["new", "Bad Name"], in: root)
        #expect(bad.status == 2 && bad.stderr.contains("lowercase letters, digits"), "\(bad.stderr)")
    }
}
