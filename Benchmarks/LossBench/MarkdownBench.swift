import CCmarkGFM
import Foundation
import NotebookKit

/// The Markdown stage against cmark-gfm alone, on one generated GFM notebook of about 5 MB:
/// our parse (cmark-gfm's tree into our document model, with math) and page render, against
/// cmark-gfm parsing the same text with GitHub's extensions and rendering its own HTML, in the
/// same process and run.
enum MarkdownBench {
    /// A notebook of `sections` sections, each with the constructs lessons use.
    static func notebook(sections: Int) -> String {
        var text = "---\ntitle: Generated\n---\n# Generated notebook\n\n"
        for index in 0..<sections {
            text += """
                ## Section \(index): the loss at step \(index)

                Prose with *emphasis*, **strong** text, `inline code`, a [link](other.md#part-\(index)) and a
                formula $L(r) = \\frac{1}{2} r^2$ in the middle of a sentence that goes on for a while, as
                prose does when it explains why the gradient of the mean squared error grows with the residual.

                - a tight list item with `code`
                - another with a [link](https://example.com/\(index))
                - [x] a task that is done

                | loss | value | slope |
                |:-----|------:|:-----:|
                | MSE | \(index).5 | 2r |
                | Huber | 0.\(index) | clip(r) |

                > A quote with ~~struck~~ text and a line
                > that continues.

                ```swift
                let residual = prediction - target
                let loss = 0.5 * residual * residual
                ```

                $$\\sum_{i=1}^{n} (y_i - \\hat y_i)^2$$


                """
        }
        return text
    }

    /// cmark-gfm's own parse and HTML render of `text` with the extensions GitHub uses.
    static func cmarkHTML(_ text: String) -> Int {
        cmark_gfm_core_extensions_ensure_registered()
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tagfilter", "tasklist"] {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
        }
        let root = cmark_parser_finish(parser)
        defer { cmark_node_free(root) }
        let html = cmark_render_html(root, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser))!
        defer { free(html) }
        return strlen(html)
    }

    /// Our parse and render of `text`: seconds of each, and the page's size.
    static func ours(_ text: String) throws -> (parse: Double, render: Double, bytes: Int) {
        let start = DispatchTime.now().uptimeNanoseconds
        let document = try NotebookParser.parse(text, path: "Notebooks/generated.md", packageName: "Bench")
        let parsed = DispatchTime.now().uptimeNanoseconds
        let notebook = ExecutedNotebook(document: document, page: "generated.html", cells: [], values: [:], valuesComplete: true,
                                        outline: Outline(document), problems: [])
        var renderer = PageRenderer(notebook: notebook, context: PageContext(path: "generated.html", siteTitle: "Bench"))
        // The page's bytes, as the site writes them.
        let html = renderer.renderMarkup().withUTF8 { Data($0) }
        let end = DispatchTime.now().uptimeNanoseconds
        if let dump = ProcessInfo.processInfo.environment["LOSSBENCH_DUMP"] { try html.write(to: URL(fileURLWithPath: dump)) }
        return (Double(parsed - start) / 1e9, Double(end - parsed) / 1e9, html.count)
    }

    /// Times cmark-gfm and ours back to back `repeats` times. The ratio is the median of the
    /// pairs' ratios: each pair runs within a second or two, so the machine's drift (20% between
    /// runs here) moves both sides of a pair alike; the best times are shown beside it.
    static func run(sections: Int, repeats: Int) throws {
        let text = notebook(sections: sections)
        print("\nMarkdown stage: one generated GFM notebook of \(format(Double(text.utf8.count) / 1e6, 1)) MB, \(repeats) runs of each, back to back")
        var cmark = Double.infinity, parse = Double.infinity, render = Double.infinity, total = Double.infinity
        var ratios: [Double] = []
        var sizes = (0, 0)
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            sizes.0 = cmarkHTML(text)
            let cmarkTime = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            cmark = min(cmark, cmarkTime)
            let measured = try ours(text)
            sizes.1 = measured.bytes
            parse = min(parse, measured.parse)
            render = min(render, measured.render)
            total = min(total, measured.parse + measured.render)
            ratios.append((measured.parse + measured.render) / cmarkTime)
        }
        ratios.sort()
        let median = ratios.count % 2 == 1 ? ratios[ratios.count / 2] : (ratios[ratios.count / 2 - 1] + ratios[ratios.count / 2]) / 2
        print("cmark-gfm parse + HTML   best \(format(cmark * 1000, 1)) ms  (\(sizes.0 / 1024) KiB of HTML)")
        print("ours: parse \(format(parse * 1000, 1)) ms, render \(format(render * 1000, 1)) ms, together best \(format(total * 1000, 1)) ms  (\(sizes.1 / 1024) KiB of page)")
        print("ours / cmark-gfm: \(format(median, 2))x (median of \(repeats) pairs; from \(format(ratios.first!, 2))x to \(format(ratios.last!, 2))x)")
    }
}
