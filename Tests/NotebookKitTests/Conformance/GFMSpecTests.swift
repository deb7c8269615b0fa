import CCmarkGFM
import FixtureSupport
import Foundation
import Testing
@testable import NotebookKit

/// The GFM spec's examples (GFM 0.29, from github/cmark-gfm `test/spec.txt`) and cmark's
/// `normalize.py`, which CI has next to the repository in `../shared/gfm/` (never copied in).
/// `GFM_SPEC_DIR` points elsewhere.
let gfmSpecFolder: URL? = {
    let folder = ProcessInfo.processInfo.environment["GFM_SPEC_DIR"].map { URL(fileURLWithPath: $0) }
        ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared/gfm")
    let needed = ["spec.txt", "normalize.py"].map { folder.appendingPathComponent($0).path }
    return needed.allSatisfy(FileManager.default.fileExists) ? folder : nil
}()

/// Every example of the GFM spec rendered by our pipeline (cmark-gfm's tree, our block model and
/// page renderer, in a notebook that allows raw HTML) and compared, after cmark's own normaliser,
/// with two references: cmark-gfm's own HTML renderer with the extensions GitHub uses (table,
/// strikethrough, autolink, tagfilter, tasklist), which pages must match on every example; and
/// the spec's HTML, which cmark-gfm's spec run checks with each example's own extension only.
/// Pages differ from the spec exactly where GitHub's extension set does (README, "Markdown").
/// The decorations a page adds (heading ids and permalinks, task-item classes, alignment as
/// `style`) are undone first.
@Suite("GFM conformance: the spec's examples render as cmark-gfm renders them",
       .enabled(if: gfmSpecFolder != nil, "../shared/gfm (the GFM spec and cmark's normalize.py) is not next to this repository"))
struct GFMSpecTests {
    struct Example {
        let number: Int
        let section: String
        let markdown: String
        let html: String
    }

    /// cmark-gfm's own rendering of `markdown` with GitHub's extensions and raw HTML allowed.
    static func cmarkHTML(_ markdown: String) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tagfilter", "tasklist"] {
            cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name))
        }
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        let root = cmark_parser_finish(parser)
        defer { cmark_node_free(root) }
        let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser))!
        defer { free(html) }
        return String(cString: html)
    }

    /// The examples, in the spec's order, with its `→` marks turned back into tabs.
    static func examples(_ spec: String) -> [Example] {
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var section = ""
        var state = 0  // 0: prose, 1: Markdown, 2: HTML
        var markdown = "", html = ""
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            switch state {
            case 0:
                if line.hasPrefix("#") { section = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces) }
                if line.hasPrefix(fence + " example") { state = 1; markdown = ""; html = "" }
            case 1:
                if line == "." { state = 2 } else { markdown += line + "\n" }
            default:
                if line == fence {
                    state = 0
                    examples.append(Example(number: examples.count + 1, section: section,
                                            markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                                            html: html.replacingOccurrences(of: "→", with: "\t")))
                } else {
                    html += line + "\n"
                }
            }
        }
        return examples
    }

    /// What our pipeline makes of `markdown`: the content of the page's `<main>`, with the
    /// decorations cmark-gfm does not add undone (heading ids and permalinks, task-item classes,
    /// alignment styles, and the scroll boxes and focus stops of tables and code).
    static func render(_ markdown: String) throws -> String {
        let document = try NotebookParser.parse("---\nraw-html: true\n---\n" + markdown, path: "Notebooks/spec.md", packageName: "Spec")
        var renderer = PageRenderer(notebook: executedNotebook(document), context: PageContext(path: "spec.html", siteTitle: "Spec"))
        let page = renderer.render()
        guard let start = page.range(of: #"<main[^>]*>\n"#, options: .regularExpression), let end = page.range(of: "</main>", options: .backwards) else { return page }
        var main = String(page[start.upperBound..<end.lowerBound])
        for (pattern, template) in [
            (#"<(h[1-6]) id="[^"]*">"#, "<$1>"),
            (##"<a class="anchor" href="#[^"]*" aria-label="Link to this section">#</a>"##, ""),
            (#"<li class="task">"#, "<li>"),
            (#"<div class="table-scroll" tabindex="0">(<table>[\s\S]*?</table>)</div>"#, "$1"),
            (#"<pre( class="[^"]*")? tabindex="0">"#, "<pre$1>"),
            (#" style="text-align:(left|center|right)""#, #" align="$1""#),
        ] {
            main = main.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return main
    }

    /// Runs cmark's `normalize_html` over pairs of HTML, in one Python process.
    static func normalized(_ pairs: [[String]], folder: URL) throws -> [[String]] {
        let input = try JSONSerialization.data(withJSONObject: pairs)
        let script = """
            import html, json, sys, types, urllib, urllib.parse
            # normalize.py was written for Python 2: give it the functions it calls by their old names.
            try:
                import cgi
            except ImportError:
                cgi = sys.modules["cgi"] = types.ModuleType("cgi")
            cgi.escape = html.escape
            urllib.quote, urllib.unquote = urllib.parse.quote, urllib.parse.unquote
            sys.path.insert(0, sys.argv[1])
            from normalize import normalize_html
            def normal(text):
                try:
                    return normalize_html(text)
                except Exception as error:
                    return "unnormalisable (%s): %s" % (error, text)
            pairs = json.load(sys.stdin)
            json.dump([[normal(h) for h in pair] for pair in pairs], sys.stdout)
            """
        let result = try runTool("/usr/bin/env", ["python3", "-W", "ignore", "-c", script, folder.path], input: input)
        #expect(result.status == 0, "python3 with cmark's normalize.py failed: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [[String]])
    }

    @Test("Every example renders as cmark-gfm renders it with GitHub's extensions; the spec differs only where they do")
    func conformance() throws {
        let folder = try #require(gfmSpecFolder)
        let examples = Self.examples(try String(contentsOf: folder.appendingPathComponent("spec.txt"), encoding: .utf8))
        #expect(examples.count == 673)
        let triples = try examples.map { [try Self.render($0.markdown), Self.cmarkHTML($0.markdown), $0.html] }
        let results = try Self.normalized(triples, folder: folder)
        var asSpec = 0
        var extensionDifferences: [String: Int] = [:]
        for (example, result) in zip(examples, results) {
            let (ours, github, spec) = (result[0], result[1], result[2])
            if ours != github {
                Issue.record("""
                    example \(example.number) (\(example.section)) renders differently from cmark-gfm:
                    markdown: \(example.markdown.debugDescription)
                    ours:     \(ours.debugDescription)
                    cmark:    \(github.debugDescription)
                    """)
            }
            if ours == spec { asSpec += 1 }
            if github != spec { extensionDifferences[example.section, default: 0] += 1 }
        }
        print("GFM spec: \(asSpec) of \(examples.count) examples render as the spec shows; the others are GitHub's extensions at work: \(extensionDifferences.sorted { $0.key < $1.key })")
        // Bare URLs and addresses become links (autolink), and <script>, <style> and the other
        // tags that take over a page show as text (tagfilter): five examples each.
        #expect(extensionDifferences == ["Autolinks": 5, "HTML blocks": 5])
    }
}
