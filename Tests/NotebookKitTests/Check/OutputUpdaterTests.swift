import Foundation
import Testing
@testable import NotebookKit

@Suite("notebook test --update: output blocks rewritten in place")
struct OutputUpdaterTests {
    /// Writes `text` as a notebook, rewrites its output blocks with `outputs` (in block order), returns the file.
    func update(_ text: String, _ outputs: [String]) throws -> String {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("n.md", text)
        let document = try parseNotebook(text.replacingOccurrences(of: "\r\n", with: "\n"), path: "Notebooks/n.md")
        let blocks = document.snippetReferences.compactMap(\.expectedOutput)
        try OutputUpdater.rewrite(folder.url.appendingPathComponent("n.md"), changes: Array(zip(blocks, outputs)))
        return try #require(folder.read("n.md"))
    }

    @Test("Only the blocks' contents change; several blocks, longer and shorter, bottom up")
    func rewrite() throws {
        let text = """
            # T

            @Snippet(path: "LossNotebooks/Snippets/a")

            ```output
            old
            ```

            Middle text.

            @Snippet(path: "LossNotebooks/Snippets/b")

            ~~~~ output tolerance=1e-3
            1
            2
            ~~~~
            end

            """
        let updated = try update(text, ["new 1\nnew 2\n", "3\n"])
        #expect(updated == text.replacingOccurrences(of: "old\n", with: "new 1\nnew 2\n").replacingOccurrences(of: "1\n2\n", with: "3\n"))
    }

    @Test("Indented blocks keep their indent; CRLF files stay CRLF")
    func indentAndLineEnds() throws {
        let indented = "- item\n\n  @Snippet(path: \"LossNotebooks/Snippets/a\")\n\n  ```output\n  x\n  ```\n"
        #expect(try update(indented, ["y\n\nz\n"]) == "- item\n\n  @Snippet(path: \"LossNotebooks/Snippets/a\")\n\n  ```output\n  y\n\n  z\n  ```\n")
        let crlf = "@Snippet(path: \"LossNotebooks/Snippets/a\")\r\n\r\n```output\r\nx\r\n```\r\n"
        #expect(try update(crlf, ["y\n"]) == "@Snippet(path: \"LossNotebooks/Snippets/a\")\r\n\r\n```output\r\ny\r\n```\r\n")
    }

    @Test("An unclosed block or output containing the fence is refused, file untouched")
    func refused() throws {
        let unclosed = "@Snippet(path: \"LossNotebooks/Snippets/a\")\n\n```output\nx\n"
        #expect(throws: NotebookError.self) { try update(unclosed, ["y\n"]) }
        let closed = "@Snippet(path: \"LossNotebooks/Snippets/a\")\n\n```output\nx\n```\n"
        do {
            _ = try update(closed, ["a\n```\nb\n"])
            Issue.record("expected an error")
        } catch let error as NotebookError {
            #expect(error.line == 3 && error.message.contains("contains the fence '```'"))
        }
    }
}
