import Foundation
import Testing
@testable import NotebookKit

@Suite("Reliability: odd and hostile notebooks never crash or hang the parser and renderers")
struct FuzzTests {
    static let fragments = [
        "# Title\n", "## Section *two*\n", "Some **bold** and _it_ text with `code`.\n", "- a\n  - b\n    - c\n", "1. one\n2. two\n",
        "> quote\n> > nested\n", "| a | b |\n|---|:-:|\n| 1 | 2 |\n", "```swift\nlet x = 1\n```\n", "```output\nx\n```\n",
        "@Snippet(path: \"LossNotebooks/Snippets/x\")\n", "@Snippet(path: \"LossNotebooks/Snippets/../../etc/passwd\")\n",
        "$x^2$ and $$\\frac{a}{b}$$\n", "$$\n\\begin{cases} a & b \\\\ c & d \\end{cases}\n$$\n", "```math\n\\sqrt{x\n```\n",
        "---\ntitle: t\n---\n", "<script>alert(1)</script>\n", "[link](other.md#x) ![img](a.png)\n", "{{value:%.2f}} {{missing}}\n",
        "~~strike~~ https://example.com\n", "- [x] task\n- [ ] open\n", "\u{0}\u{1}\u{7F}\u{FFFF}\u{E000}9\u{E001}\n", "\\$5 and $10\n",
        "$\\left( a $\n", "***\n", "    indented code\n", "&amp; &#x1F600; &nbsp;\n", "\n\n\n",
    ]

    /// A notebook made of random fragments, then mutated byte by byte.
    static func notebook(_ random: inout FuzzRandom) -> String {
        var text = ""
        for _ in 0..<random.next(below: 8) { text += fragments[random.next(below: fragments.count)] }
        var characters = Array(text)
        for _ in 0..<random.next(below: 6) where !characters.isEmpty {
            let index = random.next(below: characters.count)
            switch random.next(below: 4) {
            case 0: characters.remove(at: index)
            case 1: characters.insert(["$", "`", "*", "_", "[", "]", "{", "}", "\\", "\n", "#", "|", "<", ">"][random.next(below: 14)], at: index)
            case 2: characters.insert(contentsOf: characters[index..<min(characters.count, index + 10)], at: index)
            default: characters[index] = Character(Unicode.Scalar(UInt8(random.next(below: 128))))
            }
        }
        return String(characters)
    }

    @Test("10,000 random and mutated notebooks: parse, render the page and the walkthrough")
    func fuzz() {
        var random = FuzzRandom(seed: 20261129)
        var parsed = 0
        for index in 0..<10_000 {
            let text = Self.notebook(&random)
            guard let document = try? parseNotebook(text, path: "Notebooks/fuzz\(index).md") else { continue }
            parsed += 1
            let notebook = executedNotebook(document, complete: false)
            var renderer = PageRenderer(notebook: notebook, context: PageContext(path: "fuzz.html", siteTitle: "Fuzz"))
            let html = renderer.render()
            #expect(!html.contains("<script>alert"), "unescaped script in notebook \(index)")
            _ = Walkthrough(notebook: notebook, style: TerminalStyle(color: index % 2 == 0, unicode: true, width: 60))
            _ = SearchIndex.entries(notebook)
        }
        #expect(parsed > 5_000)
    }

    /// 10 MB is twice `loss-bench --site`'s notebook and thousands of times a lesson: a pass
    /// that grew faster than the text (quadratic in a paragraph's count, say) would not finish.
    @Test("A 10 MB notebook, 10,000 nested quotes and empty files are handled")
    func large() throws {
        let paragraph = "The residual r = ŷ − y drives **every** loss; $r^2$ for MSE. [More](02-mse-outliers.md)\n\n"
        let big = String(repeating: paragraph, count: 10_000_000 / paragraph.utf8.count)
        let document = try parseNotebook(big, path: "Notebooks/big.md")
        #expect(document.blocks.count > 100_000)
        #expect(throws: NotebookError.self) { try parseNotebook(String(repeating: ">", count: 10_000) + " deep\n", path: "Notebooks/deep.md") }
        _ = try? parseNotebook(String(repeating: "- ", count: 10_000) + "deep\n", path: "Notebooks/deep.md")
        #expect(try parseNotebook("", path: "Notebooks/empty.md").blocks.isEmpty)
    }

    @Test("Invalid UTF-8 is an error naming the file and line")
    func invalidUTF8() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("Notebooks"), withIntermediateDirectories: true)
        try Data("# Fine\n\nline two\n".utf8 + [0xFF, 0xFE, 0x0A]).write(to: folder.url.appendingPathComponent("Notebooks/bad.md"))
        #expect(throws: NotebookErrors([NotebookError(file: "Notebooks/bad.md", line: 4, "is not valid UTF-8; save it as UTF-8")])) {
            try Project(root: folder.url).load(["Notebooks/bad.md"], packageName: fixturePackage.name)
        }
    }
}

/// A small seeded generator for the fuzzer (SplitMix64), so failures reproduce.
struct FuzzRandom {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(max(1, bound)))
    }
}
