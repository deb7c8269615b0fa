import Foundation
import Testing
@testable import NotebookKit
import NotebookRuntime
import Plotting

@Suite("Pages: prose, cells, outputs, escaping")
struct PageRendererTests {
    func page(_ markdown: String, run: SnippetRun? = nil, values: [String: RecordedValue]? = nil, complete: Bool? = nil) throws -> String {
        let notebook = executedNotebook(try parseNotebook(markdown, path: "Notebooks/n.md"), run: run,
                                        lines: [.init(number: 4, text: "let x = \"<b>\"")], values: values, complete: complete)
        var renderer = PageRenderer(notebook: notebook, context: PageContext(path: "n.html", siteTitle: "Site"))
        return renderer.render()
    }

    /// The problems the executed notebook reports for its values.
    func errors(_ markdown: String, values: [String: RecordedValue] = [:]) throws -> [String] {
        let notebook = executedNotebook(try parseNotebook(markdown, path: "Notebooks/n.md"), values: values, complete: true)
        return notebook.problems.filter { $0.kind == .value }.map(\.description)
    }

    static func run(stdout: String, events: [RuntimeEvent], outcome: ProcessOutcome = .exited(0), stderr: String = "") -> SnippetRun {
        SnippetRun(name: "s", stdout: stdout, stdoutTruncated: false, stdoutBytes: stdout.utf8.count, stderr: stderr,
                   events: events, outcome: outcome, seconds: 0.1, buildErrors: [])
    }

    @Test("Headings get stable unique ids, permalinks and a table of contents")
    func headings() throws {
        let html = try page("# Title\n\n## Step one\n\n## Step one\n\n### Détails & more\n")
        #expect(html.contains("<h2 id=\"step-one\">Step one<a class=\"anchor\" href=\"#step-one\""))
        #expect(html.contains("<h2 id=\"step-one-1\">"))
        #expect(html.contains("<h3 id=\"détails-more\">"))
        #expect(html.contains("<li class=\"toc-2\"><a href=\"#step-one\">Step one</a></li>"))
        #expect(html.contains("<title>Title · Site</title>"))
    }

    @Test("Markup in prose, output, tables and figure labels is escaped; raw HTML only when allowed")
    func escaping() throws {
        let run = Self.run(stdout: "<script>alert(1)</script>\n", events: [
            RuntimeEvent(stdoutOffset: 0, payload: .table(Table(headers: ["<script>"], rows: [["<img onerror=x>"]]))),
            RuntimeEvent(stdoutOffset: 0, payload: .figure(Figure(Panel(title: "<script>", series: [Series("<i>", y: [1, 2])])))),
        ])
        let html = try page("Text <script>bad()</script>\n\n<div>block</div>\n\n@Snippet(path: \"LossNotebooks/Snippets/s\")\n", run: run)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img onerror"))
        #expect(!html.contains("<div>block</div>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains(" x = <span class=\"st\">&quot;&lt;b&gt;&quot;</span>"))
        let allowed = try page("---\nraw-html: true\n---\n<div>block</div>\n")
        #expect(allowed.contains("<div>block</div>"))
    }

    @Test("Outputs interleave text, figures, tables and checks in the order shown")
    func order() throws {
        let run = Self.run(stdout: "first\nsecond\n", events: [
            RuntimeEvent(stdoutOffset: 6, payload: .check(CheckResult(passed: true, claim: "holds", file: "s.swift", line: 2))),
            RuntimeEvent(stdoutOffset: 6, payload: .figure(Figure(Panel(series: [Series(y: [1, 2, 3])])))),
            RuntimeEvent(stdoutOffset: 13, payload: .check(CheckResult(passed: false, claim: "fails", file: "s.swift", line: 9))),
        ])
        let html = try page("@Snippet(path: \"LossNotebooks/Snippets/s\")\n", run: run)
        let first = html.range(of: "first\n</pre>")!.lowerBound
        let check = html.range(of: "✔ holds")!.lowerBound
        let svg = html.range(of: "<svg")!.lowerBound
        let second = html.range(of: "second\n</pre>")!.lowerBound
        let failed = html.range(of: "✘ fails")!.lowerBound
        #expect(first < check && check < svg && svg < second && second < failed)
        #expect(html.contains("<section class=\"cell failed\""))
        #expect(html.contains("This cell failed:</strong> check failed: fails (Snippets/s.swift:9)"))
    }

    @Test("A crashed cell shows its signal and stderr")
    func crash() throws {
        let run = Self.run(stdout: "", events: [], outcome: .signaled(4), stderr: "Fatal error: Index out of range")
        let html = try page("@Snippet(path: \"LossNotebooks/Snippets/s\")\n", run: run)
        #expect(html.contains("killed by signal 4 (SIGILL"))
        #expect(html.contains("Fatal error: Index out of range"))
    }

    @Test("Prose values: formats, and unknown names with file:line and the closest name")
    func proseValues() throws {
        let values: [String: RecordedValue] = ["slope": .number(2.345678), "n": .number(20), "name": .text("Huber")]
        let html = try page("Slope {{slope:%.2f}}, {{n:%d}} outliers,\n{{name}} wins, {{slope}} raw, {{slope:%.1e}}.\n", values: values)
        #expect(html.contains(">2.35</span>"))
        #expect(html.contains(">20</span>"))
        #expect(html.contains(">Huber</span>"))
        #expect(html.contains(">2.34568</span>"))
        #expect(html.contains(">2.3e+00</span>"))
        #expect(try errors("Intro\n\nThe slope is\n{{slop}}.\n", values: values)
            == ["Notebooks/n.md:4: unknown value '{{slop}}'; did you mean 'slope'? Or record it in a snippet with record(\"slop\", value)"])
        #expect(try errors("{{slope:%s}}\n", values: values) == ["Notebooks/n.md:1: {{slope:%s}}: unknown format '%s'; expected %.Nf, %.Ne, %.Ng or %d"])
        #expect(try errors("{{name:%.2f}}\n", values: values) == ["Notebooks/n.md:1: {{name:%.2f}}: a format applies to numbers, and this value is text"])
        // When a snippet failed, a missing value is shown as unavailable rather than an error.
        let partial = try page("{{slope}}\n", values: [:], complete: false)
        #expect(partial.contains("value missing"))
        // Inline code is literal.
        #expect(try errors("`{{nothing}}`\n").isEmpty)
    }

    static func sweepRun(frames: [Figure], initial: Int = 1) -> SnippetRun {
        let sweep = Sweep(parameter: "δ", values: frames.indices.map { Double($0 + 1) }, initial: initial, frames: frames,
                          captions: frames.indices.map { "caption \($0)" })
        return run(stdout: "", events: [RuntimeEvent(stdoutOffset: 0, payload: .sweep(sweep), line: 7)])
    }

    @Test("A sweep lists every frame (identical ones drawn once) with a hidden slider the script shows")
    func sweep() throws {
        let a = Figure(Panel(title: "a", series: [Series(x: [0, 1], y: [0, 1])]))
        let b = Figure(Panel(title: "b", series: [Series(x: [0, 1], y: [1, 0])]))
        let html = try page("@Snippet(path: \"LossNotebooks/Snippets/s\")\n", run: Self.sweepRun(frames: [a, b, a]))
        #expect(html.components(separatedBy: "<li class=\"sweep-frame\"").count == 4)
        #expect(html.components(separatedBy: "<div class=\"plot-wide\">\n<svg").count == 3, "two distinct frames, two SVGs")
        #expect(html.components(separatedBy: "<div class=\"plot-narrow\">\n<svg").count == 3, "and each drawn for phones")
        #expect(html.contains("data-frame=\"2\" data-same-as=\"0\""))
        #expect(html.contains("<div class=\"sweep-control\" hidden><label for=\"sweep-1-range\">δ</label>"))
        #expect(html.contains("min=\"0\" max=\"2\" step=\"1\" value=\"1\" aria-valuetext=\"δ = 2\""))
        #expect(html.contains("δ = 2 · caption 1"))
        #expect(html.contains("document.querySelectorAll(\".sweep\")"))
        #expect(!html.contains(" hidden><figure"), "without the script every frame shows")
        #expect(!(try page("No sweep here.\n")).contains("<script>\ndocument"), "pages without sweeps have no sweep script")
    }

    @Test("A sweep over the size budget is a warning naming the snippet line")
    func sweepBudget() throws {
        let points = (0..<30_000).map { Double($0) }
        let frames = (0..<8).map { k in Figure(Panel(series: [Series(kind: .scatter, x: points, y: points.map { sin($0 + Double(k)) })])) }
        let notebook = executedNotebook(try parseNotebook("@Snippet(path: \"LossNotebooks/Snippets/s\")\n", path: "Notebooks/n.md"), run: Self.sweepRun(frames: frames))
        var renderer = PageRenderer(notebook: notebook, context: PageContext(path: "n.html", siteTitle: "Site"))
        _ = renderer.render()
        #expect(renderer.warnings.count == 1)
        let warning = try #require(renderer.warnings.first)
        #expect(warning.file == "Snippets/s.swift" && warning.line == 7)
        #expect(warning.message.hasPrefix("the sweep over δ draws 8 frames in "))
        #expect(warning.message.hasSuffix("of SVG, over the 6 MiB budget of a sweep; use fewer values or fewer points per frame"))
        var small = PageRenderer(notebook: executedNotebook(try parseNotebook("@Snippet(path: \"LossNotebooks/Snippets/s\")\n", path: "Notebooks/n.md"),
                                                            run: Self.sweepRun(frames: Array(frames.prefix(1)), initial: 0)),
                                 context: PageContext(path: "n.html", siteTitle: "Site"))
        _ = small.render()
        #expect(small.warnings.isEmpty)
    }

    @Test("The walkthrough steps a sweep's frames, within their range")
    func walkSweep() throws {
        let frames = (1...3).map { k in Figure(Panel(title: "frame \(k)", series: [Series(x: [0, 1], y: [0, Double(k)])])) }
        let notebook = executedNotebook(try parseNotebook("# T\n\n@Snippet(path: \"LossNotebooks/Snippets/s\")\n", path: "Notebooks/n.md"),
                                        run: Self.sweepRun(frames: frames))
        let walk = Walkthrough(notebook: notebook, style: TerminalStyle(color: false, unicode: true, width: 60))
        #expect(walk.hasSweep(0))
        #expect(walk.sweepSteps(0) == -1...1)
        #expect(walk.sections[0].contains("frame 2") && walk.sections[0].contains("δ = 2 (2 of 3; ← and → step through δ)"))
        #expect(walk.section(0, sweepStep: 1).contains("frame 3") && walk.section(0, sweepStep: 1).contains("caption 2"))
        #expect(walk.section(0, sweepStep: -5).contains("δ = 1 (1 of 3"))
    }

    @Test("Speaker notes are hidden on the page and left out of the walkthrough; every page can present")
    func notes() throws {
        let markdown = "# T\n\n```notes\nSay <this> first.\n```\n\n## Next\n"
        let html = try page(markdown)
        #expect(html.contains("<aside class=\"speaker-notes\" hidden>Say &lt;this&gt; first.\n</aside>"))
        #expect(html.contains("<button type=\"button\" id=\"present\" class=\"present\" aria-keyshortcuts=\"P\""))
        #expect(html.contains("<script src=\"present.js\" defer></script>"))
        let walk = Walkthrough(notebook: executedNotebook(try parseNotebook(markdown, path: "Notebooks/n.md")), style: TerminalStyle(color: false, unicode: true, width: 60))
        #expect(!walk.sections.joined().contains("Say <this> first."))
    }

    @Test("Links to notebooks point at their pages")
    func links() {
        #expect(PageRenderer.rewriteLink("02-mse.md") == "02-mse.html")
        #expect(PageRenderer.rewriteLink("02-mse.md#outliers") == "02-mse.html#outliers")
        #expect(PageRenderer.rewriteLink("https://example.com/a.md") == "https://example.com/a.md")
        #expect(PageRenderer.rewriteLink("#local") == "#local")
    }

    @Test("Swift highlighting")
    func highlighting() {
        #expect(SwiftHighlighter.highlight("let x = Huber(delta: 1.5) // note")
            == "<span class=\"kw\">let</span> x = <span class=\"ty\">Huber</span>(delta: <span class=\"nu\">1.5</span>) <span class=\"cm\">// note</span>")
        #expect(SwiftHighlighter.highlight("print(\"a \\\" b\")") == "<span class=\"fn\">print</span>(<span class=\"st\">&quot;a \\&quot; b&quot;</span>)")
        // Lines with letters beyond ASCII are read as characters, ASCII lines as bytes: the same rules.
        #expect(SwiftHighlighter.highlight("let η₀ = Huber(δ: 1.5e-3) // ½ r²")
            == "<span class=\"kw\">let</span> η₀ = <span class=\"ty\">Huber</span>(δ: <span class=\"nu\">1.5e-3</span>) <span class=\"cm\">// ½ r²</span>")
        #expect(SwiftHighlighter.highlight("let é = \"naïve\" + x2 + #line")
            == "<span class=\"kw\">let</span> é = <span class=\"st\">&quot;naïve&quot;</span> + x2 + <span class=\"at\">#line</span>")
        #expect(SwiftHighlighter.highlight("let e = \"naive\" + x2 + #line")
            == "<span class=\"kw\">let</span> e = <span class=\"st\">&quot;naive&quot;</span> + x2 + <span class=\"at\">#line</span>")
    }
}
