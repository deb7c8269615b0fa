import NotebookRuntime
import Plotting

/// Renders one notebook as an HTML page: table of contents, prose, highlighted snippet code,
/// outputs (text, inline SVG figures, tables, checks) and failures.
public struct PageRenderer {
    let document: Document
    let cells: [Int: Cell]
    let values: [String: RecordedValue]
    let valuesComplete: Bool
    let context: PageContext
    private var slugs = SlugMaker()
    private var figureCount = 0
    private(set) var errors: [NotebookError] = []
    private var headings: [(level: Int, id: String, text: String)] = []

    /// A renderer for `document`, with its cells keyed by the reference's line and the values
    /// its snippets recorded. When `valuesComplete` is false (a snippet failed), an unknown
    /// prose value is shown as unavailable instead of being an error.
    public init(document: Document, cells: [Int: Cell], values: [String: RecordedValue], valuesComplete: Bool, context: PageContext) {
        self.document = document
        self.cells = cells
        self.values = values
        self.valuesComplete = valuesComplete
        self.context = context
    }

    /// The page, or the problems found in the prose (unknown values, bad formats).
    public mutating func render() throws(NotebookErrors) -> String {
        let body = blocks(document.blocks)
        guard errors.isEmpty else { throw NotebookErrors(errors) }
        return shell(body)
    }

    // MARK: Page shell

    private func shell(_ body: String) -> String {
        var toc = ""
        let entries = headings.filter { $0.level == 2 || $0.level == 3 }
        if !entries.isEmpty {
            toc = "<nav class=\"toc\" aria-label=\"Contents\"><h2>Contents</h2><ul>\n"
            for entry in entries {
                toc += "<li class=\"toc-\(entry.level)\"><a href=\"#\(entry.id)\">\(HTML.escape(entry.text))</a></li>\n"
            }
            toc += "</ul></nav>\n"
        }
        var pager = "<nav class=\"pager\" aria-label=\"Pages\">"
        if let previous = context.previous {
            pager += "<a rel=\"prev\" href=\"\(HTML.escape(context.link(to: previous.path)))\">← \(HTML.escape(previous.title))</a>"
        }
        if let next = context.next {
            pager += "<a rel=\"next\" href=\"\(HTML.escape(context.link(to: next.path)))\">\(HTML.escape(next.title)) →</a>"
        }
        pager += "</nav>"
        return PageShell.top(title: "\(document.title) · \(context.siteTitle)", siteTitle: context.siteTitle, root: context.rootPrefix) + """

            <div class="layout">
            \(toc)<main>
            \(body)</main>
            </div>
            <footer>\(pager)</footer>
            </body>
            </html>

            """
    }

    // MARK: Blocks

    private mutating func blocks(_ blocks: [Block]) -> String {
        blocks.map { block($0) }.joined()
    }

    private mutating func block(_ block: Block) -> String {
        switch block {
        case let .heading(level, content, line):
            let text = Inline.plainText(content)
            let id = slugs.slug(text)
            headings.append((level, id, text))
            return "<h\(level) id=\"\(id)\">\(inlines(content, line: line))<a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a></h\(level)>\n"
        case let .paragraph(content, line):
            return "<p>\(inlines(content, line: line))</p>\n"
        case let .code(info, text, _):
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            if language == "swift" {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
                return "<pre class=\"code\"><code>" + lines.map { SwiftHighlighter.highlight(String($0)) }.joined(separator: "\n") + "</code></pre>\n"
            }
            let cls = language.isEmpty ? "" : " class=\"language-\(HTML.escape(language))\""
            return "<pre><code\(cls)>\(HTML.escape(text))</code></pre>\n"
        case let .quote(children, _):
            return "<blockquote>\n\(blocks(children))</blockquote>\n"
        case let .list(ordered, start, items, _):
            let tag = ordered ? "ol" : "ul"
            let startAttribute = ordered && start != 1 ? " start=\"\(start)\"" : ""
            var html = "<\(tag)\(startAttribute)>\n"
            for item in items {
                var content = blocks(item.blocks)
                // Tight lists: a lone paragraph shows without <p>.
                if item.blocks.count == 1, case .paragraph = item.blocks[0], content.hasPrefix("<p>"), content.hasSuffix("</p>\n") {
                    content = String(content.dropFirst(3).dropLast(5))
                }
                if let checked = item.task {
                    html += "<li class=\"task\"><input type=\"checkbox\" disabled\(checked ? " checked" : "")> \(content)</li>\n"
                } else {
                    html += "<li>\(content)</li>\n"
                }
            }
            return html + "</\(tag)>\n"
        case let .table(table, line):
            return tableHTML(table, line: line)
        case .rule:
            return "<hr>\n"
        case let .html(raw, _):
            return document.frontMatter.allowsRawHTML ? raw : "<pre class=\"raw-html\">\(HTML.escape(raw))</pre>\n"
        case let .snippet(reference):
            return cellHTML(reference)
        case let .math(tex, _):
            return "<div class=\"math-block\">\(Formula.html(tex, display: true))</div>\n"
        }
    }

    private mutating func tableHTML(_ table: Block.Table, line: Int) -> String {
        func align(_ column: Int) -> String {
            guard column < table.alignments.count else { return "" }
            switch table.alignments[column] {
            case .none: return ""
            case .left: return " style=\"text-align:left\""
            case .center: return " style=\"text-align:center\""
            case .right: return " style=\"text-align:right\""
            }
        }
        var html = "<table>\n<thead><tr>"
        for (column, cell) in table.header.enumerated() { html += "<th\(align(column))>\(inlines(cell, line: line))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for (column, cell) in row.enumerated() { html += "<td\(align(column))>\(inlines(cell, line: line))</td>" }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    // MARK: Cells

    private mutating func cellHTML(_ reference: SnippetReference) -> String {
        guard let cell = cells[reference.line] else { return "" }
        let failed = cell.run?.failed == true
        var html = "<section class=\"cell\(failed ? " failed" : "")\" id=\"cell-\(reference.line)\">\n"
        let slice = reference.slice.map { " · slice \(HTML.escape($0))" } ?? ""
        html += "<div class=\"cell-source\">\(HTML.escape(cell.file))\(slice)</div>\n"
        html += "<pre class=\"code\"><code>"
        html += cell.lines.map { line in
            "<span class=\"ln\" data-line=\"\(line.number)\"></span>" + SwiftHighlighter.highlight(line.text)
        }.joined(separator: "\n")
        html += "</code></pre>\n"
        html += outputs(cell.outputs)
        if let run = cell.run { html += failure(run) }
        return html + "</section>\n"
    }

    private mutating func outputs(_ items: [OutputItem]) -> String {
        var html = ""
        var checks: [CheckResult] = []
        func flushChecks() -> String {
            guard !checks.isEmpty else { return "" }
            defer { checks.removeAll() }
            return "<ul class=\"checks\">\n" + checks.map { check in
                let mark = check.passed ? "✔" : "✘"
                let location = check.passed ? "" : " <span class=\"where\">\(HTML.escape(check.file)):\(check.line)</span>"
                return "<li class=\"\(check.passed ? "pass" : "fail")\">\(mark) \(HTML.escape(check.claim))\(location)</li>\n"
            }.joined() + "</ul>\n"
        }
        for item in items {
            guard case let .event(event) = item else {
                if case let .text(text) = item {
                    html += flushChecks() + "<pre class=\"output\">\(HTML.escape(text))</pre>\n"
                }
                continue
            }
            switch event.payload {
            case let .check(result):
                checks.append(result)
            case let .figure(figure):
                html += flushChecks()
                figureCount += 1
                html += "<figure class=\"plot\">\n" + SVGRenderer().render(figure, id: "fig-\(figureCount)") + "</figure>\n"
            case let .table(table):
                html += flushChecks() + tableHTML(table)
            case .record:
                break
            }
        }
        return html + flushChecks()
    }

    /// The notes and failure box shown after a snippet's last cell.
    private func failure(_ run: SnippetRun) -> String {
        var html = ""
        if run.stdoutTruncated {
            html += "<p class=\"note\">Output cut: the snippet printed \(run.stdoutBytes) bytes; the first \(run.stdout.utf8.count) are shown.</p>\n"
        }
        if run.failed, let summary = run.failureSummary {
            html += "<div class=\"failure\" role=\"alert\"><strong>This cell failed:</strong> \(HTML.escape(summary))"
            let details = run.buildErrors.isEmpty ? run.stderr : run.buildErrors.joined(separator: "\n")
            if !details.isEmpty { html += "<pre>\(HTML.escape(details))</pre>" }
            html += "</div>\n"
        }
        return html
    }

    private func tableHTML(_ table: NotebookRuntime.Table) -> String {
        var html = "<table class=\"output-table\">\n"
        if let caption = table.caption { html += "<caption>\(HTML.escape(caption))</caption>\n" }
        html += "<thead><tr>" + table.headers.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>" + row.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    // MARK: Inlines

    private mutating func inlines(_ content: [Inline], line: Int) -> String {
        var line = line
        return inlines(content, line: &line)
    }

    private mutating func inlines(_ content: [Inline], line: inout Int) -> String {
        var html = ""
        for inline in content {
            switch inline {
            case let .text(text): html += prose(text, line: line)
            case let .code(code): html += "<code>\(HTML.escape(code))</code>"
            case let .emphasis(children): html += "<em>\(inlines(children, line: &line))</em>"
            case let .strong(children): html += "<strong>\(inlines(children, line: &line))</strong>"
            case let .strikethrough(children): html += "<del>\(inlines(children, line: &line))</del>"
            case let .link(destination, title, children):
                let titleAttribute = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
                html += "<a href=\"\(HTML.escape(Self.rewriteLink(destination)))\"\(titleAttribute)>\(inlines(children, line: &line))</a>"
            case let .image(source, title, alt):
                let titleAttribute = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
                html += "<img src=\"\(HTML.escape(source))\" alt=\"\(HTML.escape(Inline.plainText(alt)))\"\(titleAttribute)>"
            case .softBreak:
                line += 1
                html += "\n"
            case .lineBreak:
                line += 1
                html += "<br>\n"
            case let .html(raw):
                html += document.frontMatter.allowsRawHTML ? raw : HTML.escape(raw)
            case let .math(tex, display, _):
                html += Formula.html(tex, display: display)
            }
        }
        return html
    }

    /// Links to other notebooks (`other.md`, `other.md#part`) point at their pages.
    static func rewriteLink(_ destination: String) -> String {
        guard !destination.contains("://"), !destination.hasPrefix("mailto:") else { return destination }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard let path = parts.first, path.hasSuffix(".md") else { return destination }
        return String(path.dropLast(3)) + ".html" + (parts.count > 1 ? "#" + parts[1] : "")
    }

    /// Text with `{{name}}` values filled in, escaped.
    private mutating func prose(_ text: String, line: Int) -> String {
        let placeholders = ProseValues.placeholders(in: text)
        guard !placeholders.isEmpty else { return HTML.escape(text) }
        var html = ""
        var index = text.startIndex
        for placeholder in placeholders {
            html += HTML.escape(String(text[index..<placeholder.range.lowerBound]))
            index = placeholder.range.upperBound
            guard let value = values[placeholder.name] else {
                if valuesComplete {
                    errors.append(NotebookError(
                        file: document.path, line: line,
                        "unknown value '{{\(placeholder.name)}}'\(suggestion(for: placeholder.name, in: Array(values.keys)))"
                            + (values.isEmpty ? "; the notebook's snippets record no values" : "; record it in a snippet with record(\"\(placeholder.name)\", value)")))
                }
                html += "<span class=\"value missing\" title=\"not recorded: a snippet failed\">{{\(HTML.escape(placeholder.name))}}</span>"
                continue
            }
            do {
                let formatted = try ProseValues.format(value, placeholder.format)
                html += "<span class=\"value\" title=\"\(HTML.escape(placeholder.name))\">\(HTML.escape(formatted))</span>"
            } catch {
                errors.append(NotebookError(file: document.path, line: line, "{{\(placeholder.name):\(placeholder.format ?? "")}}: \(error.message)"))
            }
        }
        return html + HTML.escape(String(text[index...]))
    }
}
