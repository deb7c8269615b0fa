import Foundation
import Testing
@testable import NotebookKit

@Suite("Site writer: atomic, inside the output folder, never over foreign files")
struct SiteWriterTests {
    @Test("Writes a site, then replaces it whole")
    func replace() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("site")
        let writer = try SiteWriter(output: output, root: folder.url.appendingPathComponent("pkg"))
        try writer.write(["index.html": Data("one".utf8), "a/b.html": Data("b".utf8)])
        #expect(folder.read("site/index.html") == "one")
        #expect(folder.read("site/a/b.html") == "b")
        try SiteWriter(output: output, root: folder.url.appendingPathComponent("pkg")).write(["index.html": Data("two".utf8)])
        #expect(folder.read("site/index.html") == "two")
        #expect(folder.read("site/a/b.html") == nil)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test("A failed write leaves the previous site intact")
    func failure() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("site")
        let writer = try SiteWriter(output: output, root: folder.url.appendingPathComponent("pkg"))
        try writer.write(["index.html": Data("old".utf8)])
        #expect(throws: NotebookError.self) { try writer.write(["index.html": Data("new".utf8), "../escape.html": Data()]) }
        #expect(throws: NotebookError.self) { try writer.write(["x": Data(), "x/y": Data()]) }
        #expect(folder.read("site/index.html") == "old")
        #expect(folder.read("escape.html") == nil)
    }

    @Test("Refuses folders it did not write, and outputs over the package")
    func refusals() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("mine/notes.txt", "precious")
        let root = folder.url.appendingPathComponent("pkg")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Notebooks"), withIntermediateDirectories: true)
        #expect(throws: NotebookError.self) { try SiteWriter(output: folder.url.appendingPathComponent("mine"), root: root) }
        #expect(throws: NotebookError.self) { try SiteWriter(output: root, root: root) }
        #expect(throws: NotebookError.self) { try SiteWriter(output: folder.url, root: root) }
        #expect(throws: NotebookError.self) { try SiteWriter(output: root.appendingPathComponent("Notebooks/out"), root: root) }
        #expect(folder.read("mine/notes.txt") == "precious")
        // An empty folder, or one holding only .gitkeep, is fine.
        try folder.write("empty/.gitkeep", "")
        #expect(throws: Never.self) { try SiteWriter(output: folder.url.appendingPathComponent("empty"), root: root) }
        // ... and its .gitkeep survives the build (the repository tracks the empty site/ folder).
        try SiteWriter(output: folder.url.appendingPathComponent("empty"), root: root).write(["index.html": Data("x".utf8)])
        #expect(folder.read("empty/.gitkeep") == "")
        #expect(folder.read("empty/index.html") == "x")
    }

    @Test("A second build at the same time is refused with a clear message")
    func lock() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let first = try BuildLock(folder: folder.url)
        #expect(throws: NotebookError.self) { try BuildLock(folder: folder.url) }
        withExtendedLifetime(first) {}
    }
}
