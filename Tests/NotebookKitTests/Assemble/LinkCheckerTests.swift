import Testing
@testable import NotebookKit

@Suite("Link checking: notebooks and headings that links point at")
struct LinkCheckerTests {
    func problems(_ markdown: String, path: String = "Notebooks/n.md", notebooks: Set<String> = ["Notebooks/n.md", "Notebooks/other.md", "Notebooks/sub/deep.md"],
                  anchors: [String: Set<String>] = ["Notebooks/other.md": ["intro", "results"]]) throws -> [String] {
        let document = try parseNotebook(markdown, path: path)
        var known = anchors
        known[path] = ExecutedNotebook.anchorIDs(document, outline: Outline(document), exercises: [])
        return LinkChecker.problems(in: document, allNotebooks: notebooks, anchorsByPath: known).map(\.description)
    }

    @Test("Good links pass: other notebooks, their headings, this page's headings, folders, external links")
    func good() throws {
        #expect(try problems("""
            # Here

            [a](other.md), [b](other.md#results), [c](#here), [d](sub/deep.md), [e](https://x.org/y.md#z),
            [f](mailto:a@b.c), [g](image.png), [h](./other.md#intro)
            """).isEmpty)
        #expect(try problems("[up](../other.md#intro)", path: "Notebooks/sub/deep.md").isEmpty)
    }

    @Test("Percent-encoded addresses are followed as a browser follows them: spaces and letters beyond ASCII in names and headings")
    func percentEncoded() throws {
        let notebooks: Set<String> = ["Notebooks/n.md", "Notebooks/04 my notes.md", "Notebooks/05-ü.md"]
        let anchors: [String: Set<String>] = ["Notebooks/05-ü.md": ["café"]]
        #expect(try problems("[a](04%20my%20notes.md), [b](05-%C3%BC.md#caf%C3%A9), [c](05-ü.md#café)", notebooks: notebooks, anchors: anchors).isEmpty)
        #expect(try problems("[a](04%20my%20note.md)", notebooks: notebooks, anchors: anchors) == ["Notebooks/n.md:1: link to a missing notebook '04 my note.md'; did you mean '04 my notes.md'?"])
        #expect(try problems("[b](05-%C3%BC.md#caf)", notebooks: notebooks, anchors: anchors).count == 1)
        // The page keeps the address as written; the browser decodes it to the page's file name.
        #expect(PageRenderer.rewriteLink("05-%C3%BC.md#caf%C3%A9") == "05-%C3%BC.html#caf%C3%A9")
    }

    @Test("A missing notebook or heading is an error at the link's line, with the closest name")
    func broken() throws {
        #expect(try problems("# Here\n\nText\nthen [x](othr.md) and [y](other.md#result).\n") == [
            "Notebooks/n.md:4: link to a missing notebook 'othr.md'; did you mean 'other.md'?",
            "Notebooks/n.md:4: link to a missing heading '#result' in Notebooks/other.md; did you mean 'results'?",
        ])
        #expect(try problems("# Here\n\n[z](#nowhere-at-all)\n") == ["Notebooks/n.md:3: link to a missing heading '#nowhere-at-all' in Notebooks/n.md"])
    }

    @Test("Ids in raw HTML are link targets when the notebook allows raw HTML, and only then")
    func rawHTMLTargets() throws {
        let markdown = "# Here\n\n<a id=\"derivation\"></a>\n\nSee [it](#derivation), <span name='inline' class=x>x</span> [there](#inline) and [no](#nothing).\n"
        #expect(try problems("---\nraw-html: true\n---\n" + markdown) == ["Notebooks/n.md:8: link to a missing heading '#nothing' in Notebooks/n.md"])
        #expect(try problems(markdown).count == 3)
    }

    @Test("Links in tables, quotes, lists and emphasis are checked; an image's description is not a link")
    func nested() throws {
        #expect(try problems("> - *[x](gone.md)*\n\n| [y](gone2.md) |\n|---|\n\n![[z](gone3.md)](pic.png)\n").count == 2)
    }

    @Test("Paths are normalised")
    func normalize() {
        #expect(LinkChecker.normalize("Notebooks/./a/../b.md") == "Notebooks/b.md")
        #expect(LinkChecker.normalize("../x.md") == "../x.md", "a path above the root stays above it (and names no notebook)")
    }
}
