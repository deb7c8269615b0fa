import Testing
@testable import NotebookKit

@Suite("Outline: heading ids made once, unique per page")
struct OutlineTests {
    @Test("Ids are slugs made unique in document order, found by the heading's line")
    func ids() throws {
        let document = try parseNotebook("# Huber's loss\n\n## Step one\n\n## Step one\n\n- ### Step one\n\n## !!!\n", path: "Notebooks/n.md")
        let outline = Outline(document)
        #expect(outline.headings.map(\.id) == ["huber-s-loss", "step-one", "step-one-1", "step-one-2", "section"])
        #expect(outline.headings.map(\.level) == [1, 2, 2, 3, 2])
        #expect(outline.id(ofHeadingAt: 5) == "step-one-1")
        #expect(outline.id(ofHeadingAt: 7) == "step-one-2")
        #expect(outline.id(ofHeadingAt: 2) == nil)
        #expect(outline.ids.contains("section"))
    }

    @Test("Headings never take the ids the page and the presenter use")
    func reserved() throws {
        let document = try parseNotebook("## Notes\n\n## Present\n\n## Present 3\n\n## Search\n\n## Presenting\n", path: "Notebooks/n.md")
        #expect(Outline(document).headings.map(\.id) == ["notes-section", "present-section", "present-3-section", "search-section", "presenting"])
    }

    @Test("An ASCII heading's slug, made a byte at a time, is the one the character rule makes")
    func asciiSlugs() {
        // Every string of up to five characters from capitals, small letters, digits and three
        // separators: 19,608 cases.
        let cases = allStrings(of: ["A", "z", "9", " ", "-", "!", "Q"], upTo: 5)
        #expect(cases.count == 19_608)
        for text in cases {
            #expect(SlugMaker.asciiWords(text) == SlugMaker.words(text), "\(text.debugDescription)")
        }
        #expect(SlugMaker.words("Ärger über Δ") == "ärger-über-δ")
    }
}
