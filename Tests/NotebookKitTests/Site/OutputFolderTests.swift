import Foundation
import Testing
@testable import NotebookKit

@Suite("Output folders: nothing is written into the package's sources, through a link either")
struct OutputFolderTests {
    @Test("A link to the sources is followed even when the folder under it does not exist yet")
    func linkToSources() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let root = folder.url.appendingPathComponent("package")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Snippets"), withIntermediateDirectories: true)
        let link = folder.url.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: root.appendingPathComponent("Snippets"))
        for output in [link, link.appendingPathComponent("new"), link.appendingPathComponent("new/deeper")] {
            #expect(throws: NotebookError.self, "\(output.path)") {
                try OutputFolder.check(output, root: root, protecting: [], owns: { _, _ in true }, writer: "test")
            }
        }
        #expect(try OutputFolder.check(folder.url.appendingPathComponent("site/new"), root: root, protecting: [], owns: { _, _ in true }, writer: "test")
            == OutputFolder.resolved(folder.url.appendingPathComponent("site/new")))
    }

    @Test("What stands in the way of a write is found before any work")
    func problems() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("file.txt", "x")
        #expect(OutputFolder.problem(writing: folder.url.appendingPathComponent("file.txt/x"), asFolder: true)?.hasSuffix("file.txt is a file") == true)
        #expect(OutputFolder.problem(writing: folder.url.appendingPathComponent("file.txt"), asFolder: true) == "is a file, not a folder")
        #expect(OutputFolder.problem(writing: folder.url, asFolder: false) == "is a folder; give a file's name")
        #expect(OutputFolder.problem(writing: folder.url.appendingPathComponent("file.txt"), asFolder: false) == nil)
        #expect(OutputFolder.problem(writing: folder.url.appendingPathComponent("a/b/c.xml"), asFolder: false) == nil)
    }
}
