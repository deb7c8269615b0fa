/// Renders a ``MathNode`` as MathML Core, which current browsers lay out natively (no script,
/// no web font, works from file://).
public enum MathMLRenderer {
    /// A `<math>` element; `display` makes it a block. Its spoken form (``MathSpeech``) is its
    /// `aria-label` (what Chromium's accessibility tree names it by) and its `alttext`.
    public static func render(_ node: MathNode, display: Bool, source: String) -> String {
        let speech = HTML.escape(MathSpeech.render(node))
        var html = display ? "<math display=\"block\" alttext=\"" : "<math alttext=\""
        html += speech
        html += "\" aria-label=\""
        html += speech
        html += "\"><semantics>"
        mrow(node, into: &html)
        html += "<annotation encoding=\"application/x-tex\">"
        html += HTML.escape(source)
        html += "</annotation></semantics></math>"
        return html
    }

    /// `node` as one MathML element: a row as it is, anything else in an `<mrow>`.
    static func mrow(_ node: MathNode, into html: inout String) {
        if case .row = node {
            element(node, into: &html)
            return
        }
        html += "<mrow>"
        element(node, into: &html)
        html += "</mrow>"
    }

    /// One `tag` element (with `attributes`) holding `children` in order, each as one element
    /// (``mrow(_:into:)``) when `rows`, or as it is.
    static func wrap(_ tag: String, _ children: [MathNode], rows: Bool = true, into html: inout String, attributes: String = "") {
        html += "<" + tag + attributes + ">"
        for child in children {
            if rows { mrow(child, into: &html) } else { element(child, into: &html) }
        }
        html += "</" + tag + ">"
    }

    /// `node`'s MathML, appended to `html`.
    static func element(_ node: MathNode, into html: inout String) {
        switch node {
        case let .identifier(name):
            // Multi-letter names (log, max) are upright by MathML's rules; single letters italic.
            html += "<mi>" + HTML.escape(name) + "</mi>"
        case let .number(digits):
            html += "<mn>" + HTML.escape(digits) + "</mn>"
        case let .op(symbol, large):
            if large {
                html += "<mo largeop=\"true\" movablelimits=\"true\">" + HTML.escape(symbol) + "</mo>"
            } else if symbol == "|" || symbol == "‖" {
                // Bars around |r| and ‖r‖ hug their contents.
                html += "<mo lspace=\"0\" rspace=\"0\">" + symbol + "</mo>"
            } else {
                html += "<mo>" + HTML.escape(symbol) + "</mo>"
            }
        case let .text(text):
            html += "<mtext>" + HTML.escape(text.replacingSpacesWithNonBreaking) + "</mtext>"
        case let .row(items):
            wrap("mrow", items, rows: false, into: &html)
        case let .fraction(numerator, denominator):
            wrap("mfrac", [numerator, denominator], into: &html)
        case let .root(body, index):
            if let index {
                wrap("mroot", [body, index], into: &html)
            } else {
                wrap("msqrt", [body], rows: false, into: &html)
            }
        case let .scripts(base, sub, sup, limits):
            switch (sub, sup) {
            case let (sub?, sup?):
                scripts(limits ? "munderover" : "msubsup", base, [sub, sup], into: &html)
            case let (sub?, nil):
                scripts(limits ? "munder" : "msub", base, [sub], into: &html)
            case let (nil, sup?):
                scripts(limits ? "mover" : "msup", base, [sup], into: &html)
            case (nil, nil):
                element(base, into: &html)
            }
        case let .accent(base, mark):
            html += "<mover accent=\"true\">"
            mrow(base, into: &html)
            html += "<mo>" + HTML.escape(mark) + "</mo></mover>"
        case let .fenced(open, close, body):
            html += "<mrow>"
            if !open.isEmpty { html += "<mo fence=\"true\" stretchy=\"true\">" + HTML.escape(open) + "</mo>" }
            element(body, into: &html)
            if !close.isEmpty { html += "<mo fence=\"true\" stretchy=\"true\">" + HTML.escape(close) + "</mo>" }
            html += "</mrow>"
        case let .cases(rows):
            html += "<mrow><mo fence=\"true\" stretchy=\"true\">{</mo><mtable>"
            for row in rows {
                html += "<mtr>"
                for cell in row { wrap("mtd", [cell], into: &html, attributes: " style=\"text-align:left;padding-right:1em\"") }
                html += "</mtr>"
            }
            html += "</mtable></mrow>"
        case let .sized(symbol, height):
            guard !symbol.isEmpty else { return }
            let size = NumberText.em(height) + "em"
            html += "<mo stretchy=\"true\" symmetric=\"true\" minsize=\"" + size + "\" maxsize=\"" + size + "\">" + HTML.escape(symbol) + "</mo>"
        case let .space(em):
            html += "<mspace width=\"" + NumberText.em(em) + "em\"></mspace>"
        }
    }

    /// A base (as it is) and its scripts (each an element) in `tag`.
    static func scripts(_ tag: String, _ base: MathNode, _ scripts: [MathNode], into html: inout String) {
        html += "<" + tag + ">"
        element(base, into: &html)
        for script in scripts { mrow(script, into: &html) }
        html += "</" + tag + ">"
    }
}

extension NumberText {
    static func em(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        return rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)"
    }
}

extension String {
    var replacingSpacesWithNonBreaking: String {
        String(map { $0 == " " ? "\u{00A0}" : $0 })
    }
}
