/// A formula's two renderings, or the problem that stops them.
public enum Formula {
    /// MathML for a page; on a TeX error, the source marked as an error with the message.
    public static func html(_ tex: String, display: Bool) -> String {
        do {
            let node = try TeXParser.parse(tex, display: display)
            return MathMLRenderer.render(node, display: display, source: tex)
        } catch {
            let delimiter = display ? "$$" : "$"
            let tag = display ? "div" : "span"
            return "<\(tag) class=\"math-error\" title=\"\(HTML.escape(error.message))\">\(HTML.escape(delimiter + tex + delimiter))</\(tag)>"
        }
    }

    /// Unicode text for the terminal, or the TeX source when it does not parse.
    public static func unicode(_ tex: String) -> String {
        (try? TeXParser.parse(tex, display: false)).map(UnicodeMath.render) ?? "$\(tex)$"
    }

    /// The TeX problems of a document, each with file:line.
    public static func problems(in document: Document) -> [NotebookError] {
        var errors: [NotebookError] = []
        func check(_ tex: String, _ display: Bool, _ line: Int) {
            do {
                _ = try TeXParser.parse(tex, display: display)
            } catch {
                errors.append(NotebookError(file: document.path, line: line, "math: \(error.message) in '\(tex.prefix(60))'"))
            }
        }
        func inlines(_ content: [Inline]) {
            for inline in content {
                switch inline {
                case let .math(tex, display, line): check(tex, display, line)
                case let .emphasis(children), let .strong(children), let .strikethrough(children), let .link(_, _, children):
                    inlines(children)
                default: break
                }
            }
        }
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case let .math(tex, line): check(tex, true, line)
                case let .heading(_, content, _), let .paragraph(content, _): inlines(content)
                case let .quote(children, _): walk(children)
                case let .list(_, _, items, _): items.forEach { walk($0.blocks) }
                case let .table(table, _): (table.header + table.rows.flatMap { $0 }).forEach(inlines)
                default: break
                }
            }
        }
        walk(document.blocks)
        return errors
    }
}
