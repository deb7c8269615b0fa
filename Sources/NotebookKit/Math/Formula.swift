import Plotting

/// A formula's two renderings, or the problem that stops them.
public enum Formula {
    /// MathML for a page; on a TeX error, the source marked as an error with the message.
    public static func html(_ tex: String, display: Bool) -> String {
        var html = MarkupBuffer()
        self.html(tex, display: display, into: &html)
        return html.text
    }

    /// ``html(_:display:)`` appended to `html`.
    public static func html(_ tex: String, display: Bool, into html: inout MarkupBuffer) {
        do {
            let node = try TeXParser.parse(tex, display: display)
            MathMLRenderer.render(node, display: display, source: tex, into: &html)
        } catch {
            let delimiter = display ? "$$" : "$"
            let tag = display ? "div" : "span"
            html.append("<\(tag) class=\"math-error\" title=\"\(HTML.escape(error.message))\">\(HTML.escape(delimiter + tex + delimiter))</\(tag)>")
        }
    }

    /// Unicode text for the terminal, or the TeX source when it does not parse.
    public static func unicode(_ tex: String) -> String {
        (try? TeXParser.parse(tex, display: false)).map(UnicodeMath.render) ?? "$\(tex)$"
    }

    /// The TeX problems of a document, each with file:line.
    public static func problems(in document: Document) -> [NotebookError] {
        var errors: [NotebookError] = []
        for formula in document.formulas {
            do {
                _ = try TeXParser.parse(formula.tex, display: formula.display)
            } catch {
                errors.append(NotebookError(file: document.path, line: formula.line, "math: \(error.message) in '\(formula.tex.prefix(60))'"))
            }
        }
        return errors
    }
}
