import Foundation
import Testing
@testable import NotebookKit

@Suite("notebook init: files, .gitignore, refusals")
struct NotebookInitTests {
    func package(_ files: [String: String] = [:]) throws -> (Project, TemporaryFolder) {
        let folder = TemporaryFolder()
        try folder.write("Package.swift", "// swift-tools-version: 6.0\n")
        for (path, text) in files { try folder.write(path, text) }
        return (Project(root: folder.url), folder)
    }

    let geometry = PackageManifest(name: "GeometryKit", products: [
        .init(name: "tool", isLibrary: false, targets: ["tool"]),
        .init(name: "Shapes", isLibrary: true, targets: ["ShapesCore", "ShapesExtras"]),
    ])

    @Test("The snippet imports the first library's first module; the notebook names the package")
    func files() throws {
        let (project, folder) = try package()
        defer { folder.remove() }
        let result = try NotebookInit.run(project: project, package: geometry)
        #expect(result.created == ["Snippets/first_snippet.swift", "Notebooks/01-first-notebook.md"])
        #expect(result.importedModule == "ShapesCore")
        #expect(folder.read("Snippets/first_snippet.swift")?.contains("import ShapesCore\n") == true)
        let notebook = try #require(folder.read("Notebooks/01-first-notebook.md"))
        let document = try NotebookParser.parse(notebook, path: NotebookInit.notebookPath, packageName: "GeometryKit")
        #expect(document.snippetReferences.map(\.name) == ["first_snippet"])
        #expect(document.snippetReferences[0].expectedOutput?.text == "Hello from ShapesCore\n")
        #expect(result.ignored == ["/.build-notebooks/", "/.notebook-cache/", "/site/"])
    }

    @Test("Without a library the snippet imports nothing")
    func noLibrary() throws {
        let (project, folder) = try package()
        defer { folder.remove() }
        let result = try NotebookInit.run(project: project, package: PackageManifest(name: "Tool", products: []))
        #expect(result.importedModule == nil)
        #expect(folder.read("Snippets/first_snippet.swift")?.contains("\nimport ") == false)
    }

    @Test(".gitignore: existing entries in any spelling are kept and not repeated; CRLF stays CRLF")
    func gitignore() throws {
        let (project, folder) = try package([".gitignore": ".build/\r\nsite\r\n.notebook-cache/"])
        defer { folder.remove() }
        let result = try NotebookInit.run(project: project, package: geometry)
        #expect(result.ignored == ["/.build-notebooks/"])
        #expect(folder.read(".gitignore") == ".build/\r\nsite\r\n.notebook-cache/\r\n# notebook: the snippets' build folder, the run cache and the built site\r\n/.build-notebooks/\r\n")
    }

    @Test("Refusals change nothing: existing notebooks, an existing first snippet, a .gitignore that is not UTF-8")
    func refusals() throws {
        let (withNotebooks, a) = try package(["Notebooks/mine.md": "# Mine\n"])
        defer { a.remove() }
        #expect(throws: NotebookError(file: "Notebooks", line: nil, "the package already has notebooks; 'notebook init' changes nothing then")) {
            try NotebookInit.run(project: withNotebooks, package: self.geometry)
        }
        let (withSnippet, b) = try package(["Snippets/first_snippet.swift": "print(1)\n"])
        defer { b.remove() }
        #expect(throws: NotebookError.self) { try NotebookInit.run(project: withSnippet, package: self.geometry) }
        #expect(b.read("Snippets/first_snippet.swift") == "print(1)\n")
        let (badIgnore, c) = try package()
        defer { c.remove() }
        try Data([0x66, 0xFF, 0x0A]).write(to: c.url.appendingPathComponent(".gitignore"))
        #expect(throws: NotebookError.self) { try NotebookInit.run(project: badIgnore, package: self.geometry) }
        #expect(!FileManager.default.fileExists(atPath: c.url.appendingPathComponent("Notebooks").path))
        #expect(try Data(contentsOf: c.url.appendingPathComponent(".gitignore")) == Data([0x66, 0xFF, 0x0A]))
    }
}
