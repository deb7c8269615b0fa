import NotebookRuntime
import Plotting

/// Renders one executed notebook as an HTML page: table of contents, prose, highlighted snippet
/// code, outputs (text, inline SVG figures, tables, checks) and failures.
public struct PageRenderer {
    let notebook: ExecutedNotebook
    let context: PageContext
    private var figureCount = 0
    private var sweepCount = 0
    /// Problems found while drawing that do not stop the site: sweeps over their size budget.
    private(set) var warnings: [NotebookError] = []

    /// A renderer for `notebook`'s page, placed in the site by `context`.
    public init(notebook: ExecutedNotebook, context: PageContext) {
        self.notebook = notebook
        self.context = context
    }

    private var document: Document { notebook.document }

    /// The page. Problems (unknown values, broken links) are the executed notebook's to report;
    /// an unavailable value is shown marked.
    public mutating func render() -> String {
        renderMarkup().text
    }

    /// ``render()`` as UTF-8 bytes, what the site writes (no string is made).
    public mutating func renderMarkup() -> MarkupBuffer {
        // Room for a generous page at once: a large buffer's untouched pages cost nothing, and
        // growing copies everything written so far.
        var page = MarkupBuffer(capacity: 16_384 + 1_024 * document.blocks.count)
        page.append(PageShell.top(title: "\(document.title) · \(context.siteTitle)", siteTitle: context.siteTitle, root: context.rootPrefix,
                                  presentable: true))
        page += "\n<div class=\"layout\">\n<main id=\"content\">\n"
        blocks(document.blocks, into: &page)
        if sweepCount > 0 { page.append(SweepHTML.script) }
        page += "</main>\n"
        page.append(tableOfContents())
        page += "</div>\n<footer>"
        page.append(pager())
        page += "</footer>\n</body>\n</html>\n"
        return page
    }

    // MARK: Page shell

    /// The contents: the page's second- and third-level headings, or nothing.
    private func tableOfContents() -> String {
        let entries = notebook.outline.headings.filter { $0.level == 2 || $0.level == 3 }
        guard !entries.isEmpty else { return "" }
        var toc = "<nav class=\"toc\" aria-label=\"Contents\"><h2>Contents</h2><ul>\n"
        for entry in entries {
            toc += "<li class=\"toc-\(entry.level)\"><a href=\"#\(entry.id)\">\(HTML.escape(entry.text))</a></li>\n"
        }
        toc += "</ul></nav>\n"
        return toc
    }

    /// The links to the previous and next pages.
    private func pager() -> String {
        var pager = "<nav class=\"pager\" aria-label=\"Pages\">"
        if let previous = context.previous {
            pager += "<a rel=\"prev\" href=\"\(HTML.escape(context.link(to: previous.path)))\">← \(HTML.escape(previous.title))</a>"
        }
        if let next = context.next {
            pager += "<a rel=\"next\" href=\"\(HTML.escape(context.link(to: next.path)))\">\(HTML.escape(next.title)) →</a>"
        }
        pager += "</nav>"
        return pager
    }

    // MARK: Blocks

    /// Blocks in order; `tight` for the blocks of an item of a tight list, whose paragraphs show
    /// without `<p>`, as cmark-gfm shows them. Every block appends to one string.
    private mutating func blocks(_ blocks: [Block], tight: Bool = false, into html: inout MarkupBuffer) {
        for block in blocks { self.block(block, tight: tight, into: &html) }
    }

    private mutating func block(_ block: Block, tight: Bool = false, into html: inout MarkupBuffer) {
        switch block {
        case let .paragraph(content, _) where tight:
            inlines(content, into: &html)
            html += "\n"
        case let .heading(level, content, line):
            let id = notebook.outline.id(ofHeadingAt: line) ?? "section"
            html += "<h"
            html.append(level)
            html += " id=\""
            html.append(id)
            html += "\">"
            inlines(content, into: &html)
            html += "<a class=\"anchor\" href=\"#"
            html.append(id)
            html += "\" aria-label=\"Link to this section\">#</a></h"
            html.append(level)
            html += ">\n"
        case let .paragraph(content, _):
            html += "<p>"
            inlines(content, into: &html)
            html += "</p>\n"
        case let .code(_, notes, _) where block.speakerNotes != nil:
            // Hidden on the page and the slides; the presenter's notes window shows them.
            html += "<aside class=\"speaker-notes\" hidden>"
            html.append(escaping: notes)
            html += "</aside>\n"
        case let .code(info, text, _):
            let language = String(Block.firstWord(of: info))
            if language == "swift" {
                html += "<pre class=\"code\" tabindex=\"0\"><code>"
                for (index, line) in Self.codeLines(text).enumerated() {
                    if index > 0 { html += "\n" }
                    SwiftHighlighter.highlight(String(line), into: &html)
                }
                html += "</code></pre>\n"
            } else {
                html += "<pre tabindex=\"0\"><code"
                if !language.isEmpty {
                    html += " class=\"language-"
                    html.append(escaping: language)
                    html += "\""
                }
                html += ">"
                html.append(escaping: text)
                html += "</code></pre>\n"
            }
        case let .quote(children, _):
            html += "<blockquote>\n"
            blocks(children, into: &html)
            html += "</blockquote>\n"
        case let .list(ordered, start, tight, items, _):
            html += ordered ? "<ol" : "<ul"
            if ordered && start != 1 {
                html += " start=\""
                html.append(start)
                html += "\""
            }
            html += ">\n"
            for item in items {
                if let checked = item.task {
                    html += checked ? "<li class=\"task\"><input type=\"checkbox\" disabled=\"\" checked=\"\"> " : "<li class=\"task\"><input type=\"checkbox\" disabled=\"\"> "
                } else {
                    html += "<li>"
                }
                // The item's last line break goes: `</li>` closes the line.
                blocks(item.blocks, tight: tight, into: &html)
                html.removeTrailingNewline()
                html += "</li>\n"
            }
            html += ordered ? "</ol>\n" : "</ul>\n"
        case let .table(table, _):
            tableHTML(table, into: &html)
        case .rule:
            html += "<hr>\n"
        case let .html(raw, _):
            if document.frontMatter.allowsRawHTML {
                html.append(HTML.filterTags(raw))
            } else {
                html += "<pre class=\"raw-html\" tabindex=\"0\">"
                html.append(escaping: raw)
                html += "</pre>\n"
            }
        case let .snippet(reference):
            cellHTML(reference, into: &html)
        case let .math(tex, _):
            html += "<div class=\"math-block\" tabindex=\"0\">"
            Formula.html(tex, display: true, into: &html)
            html += "</div>\n"
        }
    }

    private func tableHTML(_ table: Block.Table, into html: inout MarkupBuffer) {
        func align(_ column: Int) -> StaticString {
            guard column < table.alignments.count else { return "" }
            switch table.alignments[column] {
            case .none: return ""
            case .left: return " style=\"text-align:left\""
            case .center: return " style=\"text-align:center\""
            case .right: return " style=\"text-align:right\""
            }
        }
        html += "<div class=\"table-scroll\" tabindex=\"0\"><table>\n<thead><tr>"
        for (column, cell) in table.header.enumerated() {
            html += "<th"
            html += align(column)
            html += ">"
            inlines(cell, into: &html)
            html += "</th>"
        }
        html += "</tr></thead>\n"
        guard !table.rows.isEmpty else {
            html += "</table></div>\n"
            return
        }
        html += "<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for (column, cell) in row.enumerated() {
                html += "<td"
                html += align(column)
                html += ">"
                inlines(cell, into: &html)
                html += "</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table></div>\n"
    }

    // MARK: Cells

    private mutating func cellHTML(_ reference: SnippetReference, into html: inout MarkupBuffer) {
        guard let cell = notebook.cell(at: reference.line) else { return }
        if let exercise = cell.exercise { return exerciseHTML(cell, exercise, into: &html) }
        let failed = cell.ownedRun?.failed == true
        html.append("<section class=\"cell\(failed ? " failed" : "")\" id=\"cell-\(reference.line)\">\n")
        let slice = reference.slice.map { " · slice \(HTML.escape($0))" } ?? ""
        html.append("<div class=\"cell-source\">\(HTML.escape(cell.file))\(slice)</div>\n")
        html.append(codeHTML(cell.lines))
        html.append(outputs(cell.outputs, file: cell.file))
        if let run = cell.ownedRun { html.append(failure(run, file: cell.file)) }
        html += "</section>\n"
    }

    private func codeHTML(_ lines: [SnippetSource.Line]) -> String {
        "<pre class=\"code\" tabindex=\"0\"><code>" + lines.map { line in
            "<span class=\"ln\" data-line=\"\(line.number)\" aria-hidden=\"true\"></span>" + SwiftHighlighter.highlight(line.text)
        }.joined(separator: "\n") + "</code></pre>\n"
    }

    /// An exercise: its number, statement, starter code, hints (each inside the one before, so
    /// they open one at a time) and solution, by the context's ``SolutionVisibility``. Hidden
    /// checks never appear; a failing solution is reported without details, which could show it.
    private mutating func exerciseHTML(_ cell: Cell, _ exercise: Exercise, into html: inout MarkupBuffer) {
        let id = exercise.anchorID
        let failed = cell.ownedRun?.failed == true
        html.append("<section class=\"exercise\(failed ? " failed" : "")\" id=\"\(id)\" aria-labelledby=\"\(id)-title\">\n")
        html.append("<p class=\"exercise-title\" id=\"\(id)-title\"><strong>Exercise \(exercise.number)</strong></p>\n")
        blocks(exercise.text.statement, into: &html)
        html.append("<div class=\"cell-source\">\(HTML.escape(exercise.studentFile)): start with <code>notebook exercise start \(HTML.escape(exercise.name))</code>, ")
        html.append("check with <code>notebook exercise check \(HTML.escape(exercise.name))</code></div>\n")
        html.append(codeHTML(exercise.source.starterLines))
        // Each hint inside the one before, so they open one at a time.
        for (index, hint) in exercise.text.hints.enumerated() {
            html.append("<details class=\"hint\"><summary>Hint \(index + 1)</summary>\n")
            blocks(hint, into: &html)
        }
        for _ in exercise.text.hints { html += "</details>\n" }
        if context.solutions != .omitted {
            let solution = codeHTML(exercise.source.solutionLines) + outputs(cell.outputs, file: cell.file)
            if context.solutions == .shown {
                html.append("<div class=\"solution\"><p class=\"solution-title\"><strong>Solution</strong></p>\n\(solution)</div>\n")
            } else {
                html.append("<details class=\"solution\"><summary>Solution</summary>\n\(solution)</details>\n")
            }
        }
        if failed {
            html += "<div class=\"failure\" role=\"alert\"><strong>This exercise is broken:</strong> its solution does not pass its checks; <code>notebook test</code> says why.</div>\n"
        }
        html += "</section>\n"
    }

    private mutating func outputs(_ items: [OutputItem], file: String) -> String {
        var html = ""
        var checks: [CheckResult] = []
        func flushChecks() -> String {
            guard !checks.isEmpty else { return "" }
            defer { checks.removeAll() }
            return "<ul class=\"checks\">\n" + checks.map { check in
                let mark = check.passed ? "✔" : "✘"
                let location = check.passed ? "" : " <span class=\"where\">\(HTML.escape(file)):\(check.line)</span>"
                return "<li class=\"\(check.passed ? "pass" : "fail")\">\(mark) \(HTML.escape(check.claim))\(location)</li>\n"
            }.joined() + "</ul>\n"
        }
        for item in items {
            guard case let .event(event) = item else {
                if case let .text(text) = item {
                    html += flushChecks() + "<pre class=\"output\" tabindex=\"0\">\(HTML.escape(text))</pre>\n"
                }
                continue
            }
            switch event.payload {
            case let .check(result):
                checks.append(result)
            case let .figure(figure):
                html += flushChecks()
                figureCount += 1
                html += "<figure class=\"plot\">\n" + FigureHTML.render(figure, id: "fig-\(figureCount)") + "</figure>\n"
            case let .table(table):
                html += flushChecks() + tableHTML(table)
            case let .sweep(sweep):
                html += flushChecks()
                sweepCount += 1
                let (sweepHTML, bytes) = SweepHTML.render(sweep, id: "sweep-\(sweepCount)", figureCount: &figureCount)
                html += sweepHTML
                if bytes > SweepHTML.budget {
                    warnings.append(NotebookError(
                        file: file, line: event.line,
                        "the sweep over \(sweep.parameter) draws \(sweep.frames.count) frames in \(SandboxLimits.size(UInt64(bytes))) of SVG, over the \(SandboxLimits.size(UInt64(SweepHTML.budget))) budget of a sweep; use fewer values or fewer points per frame"))
                }
            case .record:
                break
            }
        }
        return html + flushChecks()
    }

    /// The notes and failure box shown after a snippet's last cell.
    private func failure(_ run: SnippetRun, file: String) -> String {
        var html = ""
        if run.stdoutTruncated {
            html += "<p class=\"note\">Output cut: the snippet printed \(run.stdoutBytes) bytes; the first \(run.stdout.utf8.count) are shown.</p>\n"
        }
        if run.failed, let summary = run.failureSummary(file: file) {
            html += "<div class=\"failure\" role=\"alert\"><strong>This cell failed:</strong> \(HTML.escape(summary))"
            let details = run.buildErrors.isEmpty ? run.stderr : run.buildErrors.joined(separator: "\n")
            if !details.isEmpty { html += "<pre tabindex=\"0\">\(HTML.escape(details))</pre>" }
            html += "</div>\n"
        }
        return html
    }

    private func tableHTML(_ table: NotebookRuntime.Table) -> String {
        var html = "<div class=\"table-scroll\" tabindex=\"0\"><table class=\"output-table\">\n"
        if let caption = table.caption { html += "<caption>\(HTML.escape(caption))</caption>\n" }
        html += "<thead><tr>" + table.headers.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>" + row.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    // MARK: Inlines

    private func inlines(_ content: [Inline], into html: inout MarkupBuffer) {
        for inline in content {
            switch inline {
            case let .text(text): prose(text, into: &html)
            case let .code(code):
                html += "<code>"
                html.append(escaping: code)
                html += "</code>"
            case let .symbolLink(name):
                // Checked when the notebook was assembled; one that names nothing shows as code.
                if case let .found(target) = context.symbols.resolve(name) {
                    html += "<a class=\"symbol\" href=\""
                    HTML.url(context.link(to: target), into: &html)
                    html += "\"><code>"
                    html.append(escaping: name)
                    html += "</code></a>"
                } else {
                    html += "<code>"
                    html.append(escaping: name)
                    html += "</code>"
                }
            case let .emphasis(children):
                html += "<em>"
                inlines(children, into: &html)
                html += "</em>"
            case let .strong(children):
                html += "<strong>"
                inlines(children, into: &html)
                html += "</strong>"
            case let .strikethrough(children):
                html += "<del>"
                inlines(children, into: &html)
                html += "</del>"
            case let .link(destination, title, children):
                html += "<a href=\""
                HTML.url(Self.rewriteLink(destination), into: &html)
                html += "\""
                titleAttribute(title, into: &html)
                html += ">"
                inlines(children, into: &html)
                html += "</a>"
            case let .image(source, title, alt):
                html += "<img src=\""
                HTML.url(source, into: &html)
                html += "\" alt=\""
                html.append(escaping: Inline.plainText(alt))
                html += "\""
                titleAttribute(title, into: &html)
                html += ">"
            case .softBreak:
                html += "\n"
            case .lineBreak:
                html += "<br>\n"
            case let .html(raw):
                if document.frontMatter.allowsRawHTML {
                    html.append(HTML.filterTags(raw))
                } else {
                    html.append(escaping: raw)
                }
            case let .math(tex, display, _):
                Formula.html(tex, display: display, into: &html)
            }
        }
    }

    /// A link's or image's ` title="…"`, when it has a title.
    private func titleAttribute(_ title: String, into html: inout MarkupBuffer) {
        guard !title.isEmpty else { return }
        html += " title=\""
        html.append(escaping: title)
        html += "\""
    }

    /// The lines of a code block's text: split at each line feed (a `\r\n` is one character,
    /// not split), with the empty line after a final line feed left out. The split is on
    /// bytes: a line feed is one byte, never part of a longer character.
    static func codeLines(_ text: String) -> [Substring] {
        let bytes = text.utf8
        var lines: [Substring] = []
        var start = bytes.startIndex
        var previous: UInt8 = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            if byte == UInt8(ascii: "\n"), previous != UInt8(ascii: "\r") {
                lines.append(text[start..<index])
                start = next
            }
            previous = byte
            index = next
        }
        if start < bytes.endIndex || !text.hasSuffix("\n") { lines.append(text[start...]) }
        return lines
    }

    /// Whether `text` holds `://`, searched on bytes.
    static func hasSchemeSeparator(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            for index in 0...(bytes.count - 3)
            where bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/") {
                return true
            }
            return false
        }
    }

    /// Links to other notebooks (`other.md`, `other.md#part`) point at their pages. ASCII
    /// addresses (nearly all) are read as bytes; others by characters, where `#` or `.md`
    /// joined to a combining mark is no longer the character it starts with.
    static func rewriteLink(_ destination: String) -> String {
        guard ASCIIClass.isASCII(destination) else {
            guard !destination.containsByte(UInt8(ascii: ":")) || !destination.contains("://") && !destination.hasPrefix("mailto:") else { return destination }
            let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            guard let path = parts.first, path.hasSuffix(".md") else { return destination }
            return String(path.dropLast(3)) + ".html" + (parts.count > 1 ? "#" + parts[1] : "")
        }
        let bytes = destination.utf8
        // An address with a scheme (`https://…`, `mailto:`) stays as it is; most links are
        // relative, with no colon at all.
        if destination.containsByte(UInt8(ascii: ":")), destination.hasPrefix("mailto:") || Self.hasSchemeSeparator(destination) { return destination }
        let hash = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex
        let path = destination[..<hash]
        guard path.utf8.count >= 3, path.utf8.suffix(3).elementsEqual(".md".utf8) else { return destination }
        return String(path.utf8.dropLast(3))! + ".html" + destination[hash...]
    }

    /// Text with `{{name}}` values filled in, escaped.
    private func prose(_ text: String, into html: inout MarkupBuffer) {
        // Most prose holds no value: it is escaped as it is.
        guard ProseValues.mayHoldPlaceholder(text) else {
            html.append(escaping: text)
            return
        }
        for piece in notebook.prose(text) {
            switch piece {
            case let .text(text):
                html.append(escaping: text)
            case let .value(name, formatted):
                html += "<span class=\"value\" title=\""
                html.append(escaping: name)
                html += "\">"
                html.append(escaping: formatted)
                html += "</span>"
            case let .missing(name):
                html += "<span class=\"value missing\" title=\"not recorded: a snippet failed\">{{"
                html.append(escaping: name)
                html += "}}</span>"
            }
        }
    }
}
