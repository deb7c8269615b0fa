import Foundation
import Synchronization
import Testing
@testable import NotebookKit

@Suite("Parsing notebooks with cmark-gfm")
struct ParserTests {
    func parse(_ text: String) throws -> Document {
        try parseNotebook(text, path: "Notebooks/t.md")
    }

    func failure(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("Parses on many threads at once each get the GFM extensions (cmark-gfm keeps its inline special characters in one table for the process, which a parse adds to and a finished parse clears)")
    func concurrentParses() {
        let text = "Some ~~strike~~ and https://example.com auto, then ~~more~~ and www.example.org.\n"
        let wrong = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<150 {
                guard let document = try? parseNotebook(text, path: "Notebooks/t.md"), case let .paragraph(inlines, _) = document.blocks.first,
                      inlines.filter({ if case .strikethrough = $0 { true } else { false } }).count == 2,
                      inlines.filter({ if case .link = $0 { true } else { false } }).count == 2
                else {
                    let document = try? parseNotebook(text, path: "Notebooks/t.md")
                    wrong.withLock { $0.append("\(String(describing: document?.blocks.first))") }
                    continue
                }
            }
        }
        let failures = wrong.withLock { $0 }
        #expect(failures.isEmpty, "\(failures.count) of 1,200 parses lost an extension, e.g. \(failures.prefix(1))")
    }

    @Test("GFM: headings, emphasis, code, strikethrough, autolinks, task lists, tables, with lines")
    func gfm() throws {
        let document = try parse("""
            # Heading *one*

            Some `code` and ~~strike~~ and https://example.com auto.

            - [x] done
            - [ ] todo
            - plain

            | a | b |
            |:--|--:|
            | 1 | 2 |
            """)
        #expect(document.blocks.count == 4)
        #expect(document.blocks[0] == .heading(level: 1, [.text("Heading "), .emphasis([.text("one")])], line: 1))
        guard case let .paragraph(inlines, 3) = document.blocks[1] else {
            Issue.record("expected a paragraph at line 3: \(document.blocks[1])")
            return
        }
        #expect(inlines.contains(.code("code")))
        #expect(inlines.contains(.strikethrough([.text("strike")])))
        #expect(inlines.contains(.link(destination: "https://example.com", title: "", [.text("https://example.com")])))
        guard case let .list(false, _, true, items, 5) = document.blocks[2] else {
            Issue.record("expected a list at line 5")
            return
        }
        #expect(items.map(\.task) == [true, false, nil])
        guard case let .table(table, 9) = document.blocks[3] else {
            Issue.record("expected a table at line 9")
            return
        }
        #expect(table.alignments == [.left, .right])
        #expect(table.header == [[.text("a")], [.text("b")]])
        #expect(table.rows == [[[.text("1")], [.text("2")]]])
        #expect(document.title == "Heading one")
    }

    @Test("Front matter: settings read, lines kept for cmark's numbering")
    func frontMatter() throws {
        let document = try parse("""
            ---
            title: "Huber's kink"
            summary: Why Huber is C1.
            order: 3
            timeout: 90
            raw-html: true
            ---
            ## First
            """)
        #expect(document.frontMatter == FrontMatter(title: "Huber's kink", summary: "Why Huber is C1.", order: 3, timeout: 90, allowsRawHTML: true))
        #expect(document.blocks == [.heading(level: 2, [.text("First")], line: 8)])
        #expect(document.title == "Huber's kink")
    }

    @Test("Front matter: comments after values and on their own lines, as in YAML and README's example; quotes with escapes")
    func frontMatterComments() throws {
        let document = try parse("""
            ---
            # a comment line
              # an indented one
            title: "Say \\"hi\\" # not a comment"   # a comment
            summary: 'It''s C# and F#' # both kept
            order: 3          # position in the index
            timeout: 120      # seconds each snippet may run (default 60)
            raw-html: false   # raw HTML is escaped unless this is true
            ---
            ## First
            """)
        #expect(document.frontMatter == FrontMatter(title: "Say \"hi\" # not a comment", summary: "It's C# and F#", order: 3, timeout: 120, allowsRawHTML: false))
        #expect(document.blocks == [.heading(level: 2, [.text("First")], line: 10)])
        // What `notebook new --title` writes reads back as it was.
        for title in ["Plain", "C# basics", "Say \"hi\"", "a \\ b", " padded ", "\"quoted\"", "'single'", "x # y", "#1 pitfalls", "#", "a\t# b"] {
            let read = try parse("---\ntitle: \(FrontMatterParser.quoted(title))\n---\n")
            #expect(read.frontMatter.title == title, "\(title) as \(FrontMatterParser.quoted(title))")
        }
    }

    @Test("Malformed front matter: file:line and the closest key", arguments: [
        ("---\ntitle: x\n", "Notebooks/t.md:1: front matter opened with '---' is never closed; expected a line '---'"),
        ("---\ntitel: x\n---\n", "Notebooks/t.md:2: front matter: unknown key 'titel'; did you mean 'title'? (keys: title, summary, order, timeout, raw-html, memory, processes, output-files, network)"),
        ("---\norder: first\n---\n", "Notebooks/t.md:2: front matter: order 'first' is not an integer"),
        ("---\ntimeout: -1\n---\n", "Notebooks/t.md:2: front matter: timeout '-1' is not a number of seconds in (0, 3600]"),
        ("---\n\njust text\n---\n", "Notebooks/t.md:3: front matter: expected 'key: value', found 'just text'"),
        ("---\ntitle: a\ntitle: b\n---\n", "Notebooks/t.md:3: front matter: 'title' is given twice"),
        ("---\ntitle: \"open\n---\n", "Notebooks/t.md:2: front matter: the value's \" is never closed; expected a closing \" on the same line"),
        ("---\ntitle: 'a' b\n---\n", "Notebooks/t.md:2: front matter: unexpected 'b' after the closing '; expected the end of the line or ' # comment'"),
        ("---\norder: 3 # x # y\ntimeout: 9#0\n---\n", "Notebooks/t.md:3: front matter: timeout '9#0' is not a number of seconds in (0, 3600]"),
    ])
    func badFrontMatter(text: String, expected: String) {
        #expect(failure(text) == expected)
    }

    @Test("@Snippet references with slices and expected output")
    func snippets() throws {
        let document = try parse("""
            Intro.

            @Snippet(path: "LossNotebooks/Snippets/huber_kink", slice: "main")

            ```output tolerance=1e-6
            loss = 1
            ```

            - @Snippet(path: "LossNotebooks/Snippets/intro/mse")
            """)
        let references = document.snippetReferences
        #expect(references.count == 2)
        #expect(references[0].name == "huber_kink")
        #expect(references[0].slice == "main")
        #expect(references[0].line == 3)
        #expect(references[0].expectedOutput == ExpectedOutput(text: "loss = 1\n", line: 5, tolerance: 1e-6, endLine: 7))
        #expect(references[1].name == "intro/mse")
        #expect(references[1].slice == nil)
        #expect(document.blocks.count == 3)
    }

    @Test("Bad references: traversal, absolute paths, malformed directives", arguments: [
        ("@Snippet(path: \"LossNotebooks/Snippets/../../etc/passwd\")", "leaves the Snippets folder"),
        ("@Snippet(path: \"/etc/passwd\")", "is absolute"),
        ("@Snippet(path: \"Other/Snippets/x\")", "must start with 'LossNotebooks/Snippets/'"),
        ("@Snippet(path: LossNotebooks/Snippets/x)", "must be a quoted string"),
        ("@Snippet(pth: \"LossNotebooks/Snippets/x\")", "unknown argument 'pth'; did you mean 'path'?"),
        ("@Snippet(slice: \"a\")", "missing path"),
        ("@Snippet(path: \"LossNotebooks/Snippets/x\"", "malformed snippet directive"),
        ("@Snippet(path: \"LossNotebooks/Snippets/x\", slice: \"a b\")", "slice 'a b' must be a name"),
        ("@Snippet(path: \"LossNotebooks/Snippets/x\")\nmore text", "must stand alone on its line"),
    ])
    func badReferences(text: String, fragment: String) {
        let message = failure("# T\n\n" + text)
        #expect(message?.hasPrefix("Notebooks/t.md:3: ") == true, "\(message ?? "no error")")
        #expect(message?.contains(fragment) == true, "\(message ?? "no error")")
    }

    @Test("An output tolerance must be a relative tolerance from 0 to 1", arguments: ["abc", "-1", "2", "1e-6x"])
    func badTolerance(value: String) {
        #expect(throws: NotebookError(file: "Notebooks/t.md", line: 3, "output tolerance '\(value)' is not a relative tolerance from 0 to 1 (such as tolerance=1e-6)")) {
            try parseNotebook("@Snippet(path: \"LossNotebooks/Snippets/a\")\n\n```output tolerance=\(value)\n1\n```\n", path: "Notebooks/t.md")
        }
    }

    @Test("Front matter sets the sandbox's limits; bad values name the line", arguments: [
        ("memory: 2 GB", "front matter: memory '2 GB' is not a size of at least 1 MiB, such as 512 MiB or 4 GiB"),
        ("processes: many", "front matter: processes 'many' is not a number from 1 to 100000"),
        ("network: yes", "front matter: network 'yes' is not true or false"),
        ("output-files: 10 KiB", "front matter: output-files '10 KiB' is not a size of at least 1 MiB, such as 512 MiB or 4 GiB"),
    ])
    func sandboxFrontMatter(line: String, message: String) throws {
        let good = try parseNotebook("---\nmemory: 4 GiB\nprocesses: 512\noutput-files: 1 GiB\nnetwork: true\n---\n# T\n", path: "Notebooks/t.md")
        #expect(good.frontMatter.limits == SandboxLimits(memory: 4 << 30, processes: 512, fileSize: 1 << 30, network: true))
        #expect(throws: NotebookError(file: "Notebooks/t.md", line: 2, message)) {
            try parseNotebook("---\n\(line)\n---\n", path: "Notebooks/t.md")
        }
    }

    @Test("An output block not after a snippet is an error")
    func strayOutput() {
        #expect(failure("Text\n\n```output\nx\n```\n") == "Notebooks/t.md:3: an 'output' block must follow a @Snippet line directly")
    }

    @Test("Deep nesting is an error with a line, not a crash")
    func deepNesting() {
        let deep = String(repeating: "> ", count: 5000) + "x\n"
        #expect(failure(deep)?.contains("nested more than 100 levels deep") == true)
        // 3,000 nested list items: cmark-gfm reads deep indentation as code, so this must simply not crash.
        let lists = (0..<3000).map { String(repeating: "  ", count: $0) + "- a" }.joined(separator: "\n")
        _ = failure(lists)
    }

    @Test("Empty files and odd input parse")
    func odd() throws {
        #expect(try parse("").blocks.isEmpty)
        #expect(try parse("\n\n\n").blocks.isEmpty)
        #expect(try parse("---\n---\n").blocks.isEmpty)
        #expect(try parse("\u{0}\u{1}x").blocks.count == 1)
    }
}
