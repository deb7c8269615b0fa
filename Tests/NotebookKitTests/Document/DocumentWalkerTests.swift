import Testing
@testable import NotebookKit

@Suite("The document walker: one traversal that every analysis shares")
struct DocumentWalkerTests {
    static let nested = """
        # Top [a](a.md)

        > Quote with [b](b.md) and $q^2$
        >
        > - item with *[c](c.md)* and {{v1}}
        >   ## Nested heading
        >
        >   | h [d](d.md) | $t$ |
        >   |---|---|
        >   | {{v2}} | ![alt [e](e.md) $x$ {{v3}}](img.png) |

        @Snippet(path: "LossNotebooks/Snippets/one")

        - > @Snippet(path: "LossNotebooks/Snippets/two", slice: "s")

        Text with a soft break
        and [f](f.md) on the next line, \\
        [g](g.md) after a hard break.
        """

    @Test("Every analysis sees inside quotes, lists, tables, emphasis and links, none inside image descriptions")
    func analysesAgree() throws {
        let document = try parseNotebook(Self.nested, path: "Notebooks/n.md")
        #expect(document.links.map(\.destination) == ["a.md", "b.md", "c.md", "d.md", "f.md", "g.md"])
        #expect(document.formulas.map(\.tex) == ["q^2", "t"])
        #expect(document.snippetReferences.map(\.name) == ["one", "two"])
        #expect(document.proseTexts.flatMap { ProseValues.placeholders(in: $0.text).map(\.name) } == ["v1", "v2"])
        #expect(Outline(document).headings.map(\.id) == ["top-a", "nested-heading"])
    }

    @Test("Inlines carry their line: soft and hard breaks count")
    func lines() throws {
        let document = try parseNotebook(Self.nested, path: "Notebooks/n.md")
        let lines = Dictionary(uniqueKeysWithValues: document.links.map { ($0.destination, $0.line) })
        #expect(lines["a.md"] == 1)
        #expect(lines["b.md"] == 3)
        #expect(lines["f.md"] == 17)
        #expect(lines["g.md"] == 18)
    }

    @Test("Breaks inside image descriptions and raw HTML move the line on too")
    func hiddenBreaks() throws {
        let document = try parseNotebook("![one\ntwo](a.png) <b\nclass=\"x\">\n[here](h.md) {{v}}\n", path: "Notebooks/n.md")
        #expect(document.links.map(\.line) == [4])
        #expect(document.proseTexts.last?.line == 4)
    }

    @Test("A visitor sees blocks before and after their children, and can skip them")
    func order() throws {
        struct Recorder: DocumentVisitor {
            var events: [String] = []
            mutating func visit(block: Block) -> Descent {
                events.append("enter \(block.line)")
                if case .list = block { return .skipChildren }
                return .children
            }
            mutating func leave(block: Block) { events.append("leave \(block.line)") }
            mutating func visit(inline: Inline, line: Int) -> Descent {
                if case let .text(text) = inline { events.append("text \(text)") }
                return .children
            }
        }
        let document = try parseNotebook("> a\n>\n> b\n\n- c\n", path: "Notebooks/n.md")
        var recorder = Recorder()
        document.walk(&recorder)
        #expect(recorder.events == ["enter 1", "enter 1", "text a", "leave 1", "enter 3", "text b", "leave 3", "leave 1", "enter 5", "leave 5"])
    }
}
