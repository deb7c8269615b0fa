/// Renders a ``MathNode`` as words a screen reader can say, for readers whose screen reader does
/// not read MathML: ½r² is "1 half r squared", not "1 2 r 2". The page puts it in the formula's
/// `aria-label` (and MathML's `alttext`); math-aware screen readers still read the structure.
public enum MathSpeech {
    /// The formula as one line of speech.
    public static func render(_ node: MathNode) -> String {
        tidy(speak(node))
    }

    /// `words` with one space between words and none at either end, no space before a comma,
    /// one comma where there were several, and no comma at the end: one pass over the bytes
    /// (a space and a comma are never part of a longer UTF-8 sequence).
    static func tidy(_ words: String) -> String {
        let space = UInt8(ascii: " "), comma = UInt8(ascii: ",")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(words.utf8.count)
        var spaceDue = false
        for byte in words.utf8 {
            if byte == space {
                spaceDue = !bytes.isEmpty
            } else if byte == comma {
                spaceDue = false
                if bytes.last != comma { bytes.append(comma) }
            } else {
                if spaceDue { bytes.append(space) }
                spaceDue = false
                bytes.append(byte)
            }
        }
        if bytes.last == comma { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let names: [String: String] = [
        "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ϵ": "epsilon", "ε": "epsilon", "ζ": "zeta", "η": "eta",
        "θ": "theta", "ϑ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "π": "pi",
        "ρ": "rho", "σ": "sigma", "τ": "tau", "υ": "upsilon", "ϕ": "phi", "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
        "Γ": "capital gamma", "Δ": "capital delta", "Θ": "capital theta", "Λ": "capital lambda", "Ξ": "capital xi",
        "Π": "capital pi", "Σ": "capital sigma", "Φ": "capital phi", "Ψ": "capital psi", "Ω": "capital omega",
        "∂": "partial", "∇": "gradient", "∞": "infinity", "ℓ": "ell", "ℝ": "the reals", "ℕ": "the naturals",
        "ℤ": "the integers", "ℚ": "the rationals", "ℂ": "the complex numbers", "𝔼": "the expectation", "ℙ": "the probability",
    ]

    static let operators: [String: String] = [
        "=": "equals", "+": "plus", "−": "minus", "-": "minus", "⋅": "times", "×": "times", "<": "is less than",
        ">": "is greater than", "≤": "is at most", "≥": "is at least", "≠": "is not equal to", "≈": "is approximately",
        "∈": "in", "∉": "not in", "→": "to", "←": "from", "↦": "maps to", "±": "plus or minus", "∓": "minus or plus",
        "∣": "given", "…": "and so on", "⋯": "and so on", "∝": "is proportional to", "≡": "is identical to",
        "∼": "is distributed as", "∀": "for all", "∃": "there is", "∪": "union", "∩": "intersection", "⊂": "subset of",
        "⊆": "subset of", "⇒": "implies", "⟺": "if and only if", "∑": "the sum", "∏": "the product", "∫": "the integral",
        "/": "over", ",": ",", ";": ";", ":": ":", "!": "factorial", "′": "prime", "%": "percent", ")": ",", "]": ",",
    ]

    static func speak(_ node: MathNode) -> String {
        switch node {
        case let .identifier(name): return names[name] ?? name
        case let .number(digits): return digits
        case let .op(symbol, _): return operators[symbol] ?? names[symbol] ?? symbol
        case let .text(value): return value
        case let .row(items): return row(items)
        case let .fraction(numerator, denominator):
            if case let .number(top) = numerator, case let .number(bottom) = denominator, let word = denominators[bottom] {
                return "\(top) \(word)\(top == "1" ? "" : "s")"
            }
            if isSimple(numerator), isSimple(denominator) { return "\(speak(numerator)) over \(speak(denominator))" }
            return "the fraction \(speak(numerator)), over \(speak(denominator)), end fraction"
        case let .root(body, index):
            let kind = index.map { speak($0) == "3" ? "cube root" : "root of index \(speak($0))" } ?? "square root"
            return isSimple(body) ? "the \(kind) of \(speak(body))" : "the \(kind) of \(speak(body)), end root"
        case let .scripts(base, sub, sup, limits):
            var result = speak(base)
            if case .op(_, true) = base {
                if let sub { result += " over \(speak(sub))" }
                if let sup { result += " to \(speak(sup))" }
                return result + (sub != nil || sup != nil ? " of" : "")
            }
            if let sub { result += limits ? " over \(speak(sub))" : " sub \(speak(sub))" + (isSimple(sub) ? "" : ",") }
            if let sup { result += " " + power(sup) }
            return result
        case let .accent(base, mark):
            let word = ["^": "hat", "¯": "bar", "~": "tilde", "→": "vector", "˙": "dot"][mark] ?? mark
            return "\(speak(base)) \(word)"
        case let .fenced(open, close, body):
            switch (open, close) {
            case ("|", "|"): return "the absolute value of \(speak(body)),"
            case ("‖", "‖"): return "the norm of \(speak(body)),"
            case ("{", _): return "the set \(speak(body)),"
            case ("", _), (_, ""): return speak(body)
            default: return "the quantity \(speak(body)),"
            }
        case let .cases(rows):
            return "cases: " + rows.map { $0.map(speak).joined(separator: ", ") }.joined(separator: "; ") + "; end cases"
        case .space: return " "
        case let .sized(symbol, _): return speak(.op(symbol, large: false))
        }
    }

    static let denominators = ["2": "half", "3": "third", "4": "quarter", "5": "fifth", "6": "sixth", "8": "eighth", "10": "tenth"]

    /// A superscript as speech: squared, cubed, transpose, prime, or "to the power".
    static func power(_ node: MathNode) -> String {
        switch speak(node) {
        case "2": return "squared"
        case "3": return "cubed"
        case "T": return "transpose"
        case "prime": return "prime"
        case let other: return isSimple(node) ? "to the power \(other)" : "to the power \(other), end power"
        }
    }

    /// A row, with bars read as absolute values and a bracket after a name as "of".
    static func row(_ items: [MathNode]) -> String {
        var words: [String] = []
        var openBars: [String] = []
        for (index, item) in items.enumerated() {
            if case let .op(symbol, false) = item {
                if symbol == "|" || symbol == "‖" {
                    if openBars.last == symbol {
                        openBars.removeLast()
                        words.append(",")
                    } else {
                        openBars.append(symbol)
                        words.append(symbol == "|" ? "the absolute value of" : "the norm of")
                    }
                    continue
                }
                if symbol == "(" || symbol == "[" {
                    words.append(index > 0 && isName(items[index - 1]) ? "of" : "the quantity")
                    continue
                }
                if symbol == ")" || symbol == "]" {
                    words.append(",")
                    continue
                }
            }
            words.append(speak(item))
        }
        return words.joined(separator: " ")
    }

    /// A name a bracket after which reads as "of" (f(x), L_δ(r), log(1 + x)).
    static func isName(_ node: MathNode) -> Bool {
        switch node {
        case .identifier: return true
        case let .scripts(base, _, _, _): return isName(base)
        case let .accent(base, _): return isName(base)
        default: return false
        }
    }

    /// A part short enough to read without "end" markers.
    static func isSimple(_ node: MathNode) -> Bool {
        switch node {
        case .identifier, .number: return true
        case let .row(items): return items.count == 1 && isSimple(items[0])
        case let .accent(base, _): return isSimple(base)
        default: return false
        }
    }
}
