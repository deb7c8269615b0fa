/// Renders a ``MathNode`` as MathML Core, which current browsers lay out natively (no script,
/// no web font, works from file://).
public enum MathMLRenderer {
    /// A `<math>` element; `display` makes it a block. Its spoken form (``MathSpeech``) is its
    /// `aria-label` (what Chromium's accessibility tree names it by) and its `alttext`.
    public static func render(_ node: MathNode, display: Bool, source: String) -> String {
        let annotation = "<annotation encoding=\"application/x-tex\">\(HTML.escape(source))</annotation>"
        let speech = HTML.escape(MathSpeech.render(node))
        return "<math\(display ? " display=\"block\"" : "") alttext=\"\(speech)\" aria-label=\"\(speech)\"><semantics>\(mrow(node))\(annotation)</semantics></math>"
    }

    static func mrow(_ node: MathNode) -> String {
        if case .row = node { return element(node) }
        return "<mrow>\(element(node))</mrow>"
    }

    static func element(_ node: MathNode) -> String {
        switch node {
        case let .identifier(name):
            // Multi-letter names (log, max) are upright by MathML's rules; single letters italic.
            return "<mi>\(HTML.escape(name))</mi>"
        case let .number(digits):
            return "<mn>\(HTML.escape(digits))</mn>"
        case let .op(symbol, large):
            if large { return "<mo largeop=\"true\" movablelimits=\"true\">\(HTML.escape(symbol))</mo>" }
            // Bars around |r| and ‖r‖ hug their contents.
            if symbol == "|" || symbol == "‖" { return "<mo lspace=\"0\" rspace=\"0\">\(symbol)</mo>" }
            return "<mo>\(HTML.escape(symbol))</mo>"
        case let .text(text):
            return "<mtext>\(HTML.escape(text.replacingSpacesWithNonBreaking))</mtext>"
        case let .row(items):
            return "<mrow>" + items.map(element).joined() + "</mrow>"
        case let .fraction(numerator, denominator):
            return "<mfrac>\(mrow(numerator))\(mrow(denominator))</mfrac>"
        case let .root(body, index):
            if let index { return "<mroot>\(mrow(body))\(mrow(index))</mroot>" }
            return "<msqrt>\(element(body))</msqrt>"
        case let .scripts(base, sub, sup, limits):
            let b = element(base)
            switch (sub, sup) {
            case let (sub?, sup?):
                return limits ? "<munderover>\(b)\(mrow(sub))\(mrow(sup))</munderover>" : "<msubsup>\(b)\(mrow(sub))\(mrow(sup))</msubsup>"
            case let (sub?, nil):
                return limits ? "<munder>\(b)\(mrow(sub))</munder>" : "<msub>\(b)\(mrow(sub))</msub>"
            case let (nil, sup?):
                return limits ? "<mover>\(b)\(mrow(sup))</mover>" : "<msup>\(b)\(mrow(sup))</msup>"
            case (nil, nil):
                return b
            }
        case let .accent(base, mark):
            return "<mover accent=\"true\">\(mrow(base))<mo>\(HTML.escape(mark))</mo></mover>"
        case let .fenced(open, close, body):
            let left = open.isEmpty ? "" : "<mo fence=\"true\" stretchy=\"true\">\(HTML.escape(open))</mo>"
            let right = close.isEmpty ? "" : "<mo fence=\"true\" stretchy=\"true\">\(HTML.escape(close))</mo>"
            return "<mrow>\(left)\(element(body))\(right)</mrow>"
        case let .cases(rows):
            let table = rows.map { row in
                "<mtr>" + row.map { "<mtd style=\"text-align:left;padding-right:1em\">\(mrow($0))</mtd>" }.joined() + "</mtr>"
            }.joined()
            return "<mrow><mo fence=\"true\" stretchy=\"true\">{</mo><mtable>\(table)</mtable></mrow>"
        case let .sized(symbol, height):
            guard !symbol.isEmpty else { return "" }
            let size = NumberText.em(height) + "em"
            return "<mo stretchy=\"true\" symmetric=\"true\" minsize=\"\(size)\" maxsize=\"\(size)\">\(HTML.escape(symbol))</mo>"
        case let .space(em):
            return "<mspace width=\"\(NumberText.em(em))em\"></mspace>"
        }
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
