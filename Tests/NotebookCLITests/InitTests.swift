import FixtureSupport
import Foundation
import Testing

/// `notebook init` in a package that is not LossNotebooks (GeometryKit, with two library
/// products), then its notebook built, tested and walked: the engine takes the package's name
/// and modules from the package itself.
@Suite("notebook init in another package, then build, test and walk")
struct InitTests {
    @Test("init sets up a notebook and a snippet importing the first library; build, test and walk pass")
    func endToEnd() async throws {
        try await withFixture(.geometryKit) { root in
            try "/.build/\n".write(to: root.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)

            let initialised = try await runNotebook(["init"], in: root)
            #expect(initialised.status == 0, "\(initialised.stderr)")
            #expect(initialised.stdout.contains("created Notebooks/01-first-notebook.md"))
            let snippet = try String(contentsOf: root.appendingPathComponent("Snippets/first_snippet.swift"), encoding: .utf8)
            #expect(snippet.contains("import Shapes\n"), "the first library product's module")
            let notebook = try String(contentsOf: root.appendingPathComponent("Notebooks/01-first-notebook.md"), encoding: .utf8)
            #expect(notebook.contains(#"@Snippet(path: "GeometryKit/Snippets/first_snippet", slice: "greeting")"#))
            let ignore = try String(contentsOf: root.appendingPathComponent(".gitignore"), encoding: .utf8)
            #expect(ignore.hasPrefix("/.build/\n"), "existing entries stay")
            for entry in ["/.build-notebooks/", "/.notebook-cache/", "/site/"] { #expect(ignore.contains("\n\(entry)\n"), "\(entry)") }

            let built = try await runNotebook(["build"], in: root)
            #expect(built.status == 0, "\(built.stdout)\(built.stderr)")
            let page = try String(contentsOf: root.appendingPathComponent("site/01-first-notebook.html"), encoding: .utf8)
            #expect(page.contains("Hello from Shapes"))

            let tested = try await runNotebook(["test"], in: root)
            #expect(tested.status == 0, "\(tested.stdout)\(tested.stderr)")
            #expect(tested.stdout.contains("notebook test: 1 passed, 0 failed"))

            let walked = try await runNotebook(["walk", "01-first-notebook", "--no-pause"], in: root)
            #expect(walked.status == 0, "\(walked.stderr)")
            #expect(walked.stdout.contains("print(greeting)") && walked.stdout.contains("Hello from Shapes"))

            // A second init changes nothing.
            let again = try await runNotebook(["init"], in: root)
            #expect(again.status == 2)
            #expect(again.stderr == "notebook: Notebooks: the package already has notebooks; 'notebook init' changes nothing then\n")

            // The package's own name is the one a reference must use; the error says which.
            try (notebook + "\n@Snippet(path: \"LossNotebooks/Snippets/first_snippet\")\n")
                .write(to: root.appendingPathComponent("Notebooks/01-first-notebook.md"), atomically: true, encoding: .utf8)
            let wrong = try await runNotebook(["test"], in: root)
            #expect(wrong.status == 1)
            #expect(wrong.stdout.contains("must start with 'GeometryKit/Snippets/'"), "\(wrong.stdout)")

            // Shapes is at a path of its own (Geometry/Shapes, not under Sources/): an edit there
            // is built, not taken for the build before.
            try notebook.write(to: root.appendingPathComponent("Notebooks/01-first-notebook.md"), atomically: true, encoding: .utf8)
            let square = root.appendingPathComponent("Geometry/Shapes/Square.swift")
            try (String(contentsOf: square, encoding: .utf8) + "\npublic let broken: Int = \"not a number\"\n").write(to: square, atomically: true, encoding: .utf8)
            let edited = try await runNotebook(["test"], in: root)
            #expect(edited.status == 1 && (edited.stdout + edited.stderr).contains("Geometry/Shapes/Square.swift:15: the package does not build"), "\(edited.stdout)\(edited.stderr)")
        }
    }

    @Test("init outside a package is an error naming the folder, exit 2")
    func outsidePackage() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-init-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await runNotebook(["init"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("not inside a Swift package (no Package.swift here or above)"))
    }
}
