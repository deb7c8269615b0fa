import Foundation
import Testing

@Suite("notebook list and build: argument errors")
struct NotebookCommandTests {
    @Test("list shows each notebook and its snippet references")
    func list() throws {
        let result = try runNotebook(["list", "--package-path", packageRoot.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Notebooks/"))
        #expect(result.stdout.contains("Snippets/"))
    }

    @Test("build refuses unknown notebooks and unsafe output folders, exit 2, before building", arguments: [
        (["build", "no-such-notebook"], "notebook: no-such-notebook: no such notebook"),
        (["build", "--output", "Notebooks/out"], "the output folder is inside Notebooks/"),
        (["build", "--output", "."], "the output folder would contain the package itself"),
        (["build", "--output", "Sources"], "the output folder is inside Sources/"),
        (["build", "--output", ".ci"], "is a folder with files that notebook build did not write"),
    ])
    func badArguments(arguments: [String], message: String) throws {
        let result = try runNotebook(arguments + ["--package-path", packageRoot.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
