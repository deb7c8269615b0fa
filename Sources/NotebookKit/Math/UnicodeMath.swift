/// Renders a ``MathNode`` as plain Unicode text for the terminal: x², rᵢ, Σ, δ, √(x), ‖r‖.
public enum UnicodeMath {
    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "−": "⁻", "-": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ", "k": "ᵏ", "T": "ᵀ", "x": "ˣ",
        "a": "ᵃ", "b": "ᵇ", "c": "ᶜ", "d": "ᵈ", "e": "ᵉ", "j": "ʲ", "m": "ᵐ", "p": "ᵖ", "t": "ᵗ", "′": "′",
    ]
    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "−": "₋", "-": "₋", "=": "₌", "(": "₍", ")": "₎", "i": "ᵢ", "j": "ⱼ", "k": "ₖ", "n": "ₙ", "a": "ₐ",
        "e": "ₑ", "o": "ₒ", "x": "ₓ", "r": "ᵣ", "t": "ₜ", "m": "ₘ", "p": "ₚ", "s": "ₛ", "l": "ₗ",
    ]

    /// The formula as one line of text.
    public static func render(_ node: MathNode) -> String {
        text(node).trimmingCharacters(in: " ")
    }

    static func text(_ node: MathNode) -> String {
        switch node {
        case let .identifier(name): return name
        case let .number(digits): return digits
        case let .op(symbol, _):
            return ["=", "+", "−", "<", ">", "≤", "≥", "≠", "≈", "∈", "→", "×", "⋅", "±"].contains(symbol) ? " \(symbol) " : symbol
        case let .text(value): return value
        case let .row(items): return items.map(text).joined()
        case let .fraction(numerator, denominator): return "\(grouped(numerator))/\(grouped(denominator))"
        case let .root(body, index):
            let prefix = index.map { text($0) == "3" ? "∛" : "\(text($0))√" } ?? "√"
            return prefix + grouped(body)
        case let .scripts(base, sub, sup, _):
            var result = text(base)
            if let sub { result += script(sub, table: subscripts, fallback: "_") }
            if let sup { result += script(sup, table: superscripts, fallback: "^") }
            return result
        case let .accent(base, mark): return text(base) + (mark == "^" ? "̂" : mark == "¯" ? "̄" : mark == "~" ? "̃" : "")
        case let .fenced(open, close, body): return open + text(body).trimmingCharacters(in: " ") + close
        case let .cases(rows):
            return "{ " + rows.map { row in row.map { text($0).trimmingCharacters(in: " ") }.joined(separator: "  ") }.joined(separator: ";  ")
        case let .sized(symbol, _): return symbol
        case let .space(em): return em > 0.5 ? "  " : (em > 0 ? " " : "")
        }
    }

    /// A script in raised or lowered characters when every character has one, else ^(...) or _(...).
    static func script(_ node: MathNode, table: [Character: Character], fallback: String) -> String {
        let plain = String(text(node).filter { $0 != " " })
        let mapped = plain.compactMap { table[$0] }
        if mapped.count == plain.count, !plain.isEmpty { return String(mapped) }
        return plain.count == 1 ? fallback + plain : "\(fallback)(\(plain))"
    }

    static func grouped(_ node: MathNode) -> String {
        let value = text(node).trimmingCharacters(in: " ")
        switch node {
        case .identifier, .number, .scripts, .fenced: return value
        default: return value.count > 1 ? "(\(value))" : value
        }
    }
}
