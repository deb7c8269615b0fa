import Foundation
import Testing
@testable import NotebookKit

@Suite("Snippet sources: DocC markers, slices, references")
struct SnippetSourceTests {
    let text = """
        import LossCore
        // snippet.hide
        let secret = 1
        // snippet.show

        // snippet.fit
            let a = 1
              let b = 2
        // snippet.end
        print(a + b)
        """

    @Test("Hidden lines and markers never show; slices are dedented with their line numbers")
    func markers() throws {
        let source = try SnippetSource(text, file: "Snippets/x.swift")
        #expect(source.visible.map(\.text) == ["import LossCore", "", "    let a = 1", "      let b = 2", "print(a + b)"])
        #expect(source.slices["fit"]?.map(\.text) == ["let a = 1", "  let b = 2"])
        #expect(source.slices["fit"]?.map(\.number) == [7, 8])
        #expect(source.lines(slice: nil)?.first?.number == 1)
    }

    @Test("Bad markers are errors with the snippet's file:line", arguments: [
        ("// snippet.a\nx\n", "Snippets/x.swift:1: slice 'a' is never ended; expected '// snippet.end'"),
        ("// snippet.end\n", "Snippets/x.swift:1: '// snippet.end' without an open slice"),
        ("// snippet.a\n// snippet.b\n", "Snippets/x.swift:2: slice 'b' opens inside slice 'a' (line 1); end it first"),
        ("// snippet.a\n// snippet.end\n// snippet.a\n// snippet.end\n", "Snippets/x.swift:3: slice 'a' is defined twice"),
        ("// snippet.a b\n", "Snippets/x.swift:1: invalid snippet marker '// snippet.a b'; expected snippet.hide, snippet.show, snippet.end or snippet.NAME"),
    ])
    func badMarkers(source: String, expected: String) {
        #expect(throws: NotebookError.self) { try SnippetSource(source, file: "Snippets/x.swift") }
        do {
            _ = try SnippetSource(source, file: "Snippets/x.swift")
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test("A missing snippet or slice names the notebook line and the closest name")
    func resolve() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("Snippets/huber_pieces.swift", "// snippet.plot\nx\n// snippet.end\n")
        try folder.write("Snippets/intro/mse.swift", "print(1)\n")
        let catalog = SnippetCatalog(root: folder.url)
        #expect(catalog.names == ["huber_pieces", "intro/mse"])
        #expect(catalog.executableName("intro/mse") == "mse")
        func message(_ name: String, _ slice: String?) -> String? {
            do {
                _ = try catalog.resolve(SnippetReference(path: "", name: name, slice: slice, line: 12, expectedOutput: nil), in: "Notebooks/n.md")
                return nil
            } catch {
                return error.description
            }
        }
        #expect(message("huber_piece", nil) == "Notebooks/n.md:12: no snippet 'huber_piece' (expected Snippets/huber_piece.swift); did you mean 'huber_pieces'?")
        #expect(message("huber_pieces", "plto") == "Notebooks/n.md:12: snippet 'huber_pieces' has no slice 'plto'; did you mean 'plot'? (its slices: plot)")
        #expect(message("intro/mse", "x") == "Notebooks/n.md:12: snippet 'intro/mse' has no slice 'x' (it has no slices)")
        #expect(message("huber_pieces", "plot") == nil)
    }

    @Test("Compiler errors in snippets are mapped to the snippet; others are the package's")
    func diagnostics() {
        let root = URL(fileURLWithPath: "/pkg")
        let output = """
            [3/9] Compiling huber huber.swift
            /pkg/Snippets/huber.swift:12:5: error: cannot find 'hubr' in scope
            /pkg/Snippets/huber.swift:12:5: error: cannot find 'hubr' in scope
            /pkg/Sources/LossCore/Losses/Huber.swift:3:1: error: expected declaration
            /pkg/Snippets/a.swift:1:1: warning: unused
            """
        let errors = SnippetBuilder.errors(in: output, root: root)
        #expect(errors.map(\.text) == [
            "Snippets/huber.swift:12: error: cannot find 'hubr' in scope",
            "Sources/LossCore/Losses/Huber.swift:3: error: expected declaration",
        ])
        #expect(SnippetBuilder.snippetName("/pkg/Snippets/intro/mse.swift", root: root) == "intro/mse")
        #expect(SnippetBuilder.snippetName("/pkg/Sources/x.swift", root: root) == nil)
    }
}
