import Plotting

/// Renders a ``MathNode`` as MathML Core, which current browsers lay out natively (no script,
/// no web font, works from file://).
public enum MathMLRenderer {
    /// A `<math>` element; `display` makes it a block. Its spoken form (``MathSpeech``) is its
    /// `aria-label` (what Chromium's accessibility tree names it by) and its `alttext`.
    public static func render(_ node: MathNode, display: Bool, source: String) -> String {
        var html = MarkupBuffer()
        render(node, display: display, source: source, into: &html)
        return html.text
    }

    /// ``render(_:display:source:)`` appended to `html`.
    public static func render(_ node: MathNode, display: Bool, source: String, into html: inout MarkupBuffer) {
        let speech = MathSpeech.renderBytes(node)
        html += display ? "<math display=\"block\" alttext=\"" : "<math alttext=\""
        speech.withUnsafeBufferPointer { html.append(escaping: $0) }
        html += "\" aria-label=\""
        speech.withUnsafeBufferPointer { html.append(escaping: $0) }
        html += "\"><semantics>"
        mrow(node, into: &html)
        html += "<annotation encoding=\"application/x-tex\">"
        html.append(escaping: source)
        html += "</annotation></semantics></math>"
    }

    /// `node` as one MathML element: a row as it is, anything else in an `<mrow>`.
    static func mrow(_ node: MathNode, into html: inout MarkupBuffer) {
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
    static func wrap(_ tag: StaticString, _ children: [MathNode], rows: Bool = true, into html: inout MarkupBuffer, attributes: StaticString = "") {
        html += "<"
        html += tag
        html += attributes
        html += ">"
        for child in children {
            if rows { mrow(child, into: &html) } else { element(child, into: &html) }
        }
        html += "</"
        html += tag
        html += ">"
    }

    /// `node`'s MathML, appended to `html`.
    static func element(_ node: MathNode, into html: inout MarkupBuffer) {
        switch node {
        case let .identifier(name):
            // Multi-letter names (log, max) are upright by MathML's rules; single letters italic.
            html += "<mi>"
            html.append(escaping: name)
            html += "</mi>"
        case let .number(digits):
            html += "<mn>"
            html.append(escaping: digits)
            html += "</mn>"
        case let .op(symbol, large):
            if large {
                html += "<mo largeop=\"true\" movablelimits=\"true\">"
                html.append(escaping: symbol)
                html += "</mo>"
            } else if symbol.isScalar("|") || symbol.isScalar("‖") {
                // Bars around |r| and ‖r‖ hug their contents.
                html += "<mo lspace=\"0\" rspace=\"0\">"
                html.append(symbol)
                html += "</mo>"
            } else {
                html += "<mo>"
                html.append(escaping: symbol)
                html += "</mo>"
            }
        case let .text(text):
            html += "<mtext>"
            html.append(escaping: text.replacingSpacesWithNonBreaking)
            html += "</mtext>"
        case let .row(items):
            wrap("mrow", items, rows: false, into: &html)
        case let .fraction(numerator, denominator):
            html += "<mfrac>"
            mrow(numerator, into: &html)
            mrow(denominator, into: &html)
            html += "</mfrac>"
        case let .root(body, index):
            if let index {
                html += "<mroot>"
                mrow(body, into: &html)
                mrow(index, into: &html)
                html += "</mroot>"
            } else {
                html += "<msqrt>"
                element(body, into: &html)
                html += "</msqrt>"
            }
        case let .scripts(base, sub, sup, limits):
            // The base as it is, then each script as one element.
            switch (sub, sup) {
            case let (sub?, sup?):
                html += limits ? "<munderover>" : "<msubsup>"
                element(base, into: &html)
                mrow(sub, into: &html)
                mrow(sup, into: &html)
                html += limits ? "</munderover>" : "</msubsup>"
            case let (sub?, nil):
                html += limits ? "<munder>" : "<msub>"
                element(base, into: &html)
                mrow(sub, into: &html)
                html += limits ? "</munder>" : "</msub>"
            case let (nil, sup?):
                html += limits ? "<mover>" : "<msup>"
                element(base, into: &html)
                mrow(sup, into: &html)
                html += limits ? "</mover>" : "</msup>"
            case (nil, nil):
                element(base, into: &html)
            }
        case let .accent(base, mark):
            html += "<mover accent=\"true\">"
            mrow(base, into: &html)
            html += "<mo>"
            html.append(escaping: mark)
            html += "</mo></mover>"
        case let .fenced(open, close, body):
            html += "<mrow>"
            fence(open, into: &html)
            element(body, into: &html)
            fence(close, into: &html)
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
            let size = NumberText.em(height)
            html += "<mo stretchy=\"true\" symmetric=\"true\" minsize=\""
            html.append(size)
            html += "em\" maxsize=\""
            html.append(size)
            html += "em\">"
            html.append(escaping: symbol)
            html += "</mo>"
        case let .space(em):
            html += "<mspace width=\""
            html.append(NumberText.em(em))
            html += "em\"></mspace>"
        }
    }

    /// A stretchy delimiter, or nothing for an empty one.
    static func fence(_ symbol: String, into html: inout MarkupBuffer) {
        guard !symbol.isEmpty else { return }
        html += "<mo fence=\"true\" stretchy=\"true\">"
        html.append(escaping: symbol)
        html += "</mo>"
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
