import Plotting

/// Renders a ``MathNode`` as words a screen reader can say, for readers whose screen reader does
/// not read MathML: ½r² is "1 half r squared", not "1 2 r 2". The page puts it in the formula's
/// `aria-label` (and MathML's `alttext`); math-aware screen readers still read the structure.
public enum MathSpeech {
    /// The formula as one line of speech.
    public static func render(_ node: MathNode) -> String {
        String(decoding: renderBytes(node), as: UTF8.self)
    }

    /// ``render(_:)`` as UTF-8 bytes.
    static func renderBytes(_ node: MathNode) -> [UInt8] {
        tidy(speak(node))
    }

    /// `words` with one space between words and none at either end, no space before a comma,
    /// one comma where there were several, and no comma at the end: one pass over the bytes
    /// (a space and a comma are never part of a longer UTF-8 sequence).
    static func tidy(_ words: String) -> String {
        String(decoding: tidy(Array(words.utf8)), as: UTF8.self)
    }

    /// ``tidy(_:)-(String)`` on UTF-8 bytes.
    static func tidy(_ words: [UInt8]) -> [UInt8] {
        let space = UInt8(ascii: " "), comma = UInt8(ascii: ",")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(words.count)
        var spaceDue = false
        for byte in words {
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
        return bytes
    }

    /// Words for names: Greek letters, symbols and sets.
    static let names = WordTable([
        "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ϵ": "epsilon", "ε": "epsilon", "ζ": "zeta", "η": "eta",
        "θ": "theta", "ϑ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "π": "pi",
        "ρ": "rho", "σ": "sigma", "τ": "tau", "υ": "upsilon", "ϕ": "phi", "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
        "Γ": "capital gamma", "Δ": "capital delta", "Θ": "capital theta", "Λ": "capital lambda", "Ξ": "capital xi",
        "Π": "capital pi", "Σ": "capital sigma", "Φ": "capital phi", "Ψ": "capital psi", "Ω": "capital omega",
        "∂": "partial", "∇": "gradient", "∞": "infinity", "ℓ": "ell", "ℝ": "the reals", "ℕ": "the naturals",
        "ℤ": "the integers", "ℚ": "the rationals", "ℂ": "the complex numbers", "𝔼": "the expectation", "ℙ": "the probability",
    ])

    static let operators = WordTable([
        "=": "equals", "+": "plus", "−": "minus", "-": "minus", "⋅": "times", "×": "times", "<": "is less than",
        ">": "is greater than", "≤": "is at most", "≥": "is at least", "≠": "is not equal to", "≈": "is approximately",
        "∈": "in", "∉": "not in", "→": "to", "←": "from", "↦": "maps to", "±": "plus or minus", "∓": "minus or plus",
        "∣": "given", "…": "and so on", "⋯": "and so on", "∝": "is proportional to", "≡": "is identical to",
        "∼": "is distributed as", "∀": "for all", "∃": "there is", "∪": "union", "∩": "intersection", "⊂": "subset of",
        "⊆": "subset of", "⇒": "implies", "⟺": "if and only if", "∑": "the sum", "∏": "the product", "∫": "the integral",
        "/": "over", ",": ",", ";": ";", ":": ":", "!": "factorial", "′": "prime", "%": "percent", ")": ",", "]": ",",
    ])

    /// `node` as words; parts are spaced as ``tidy(_:)`` expects, not yet tidied.
    static func speak(_ node: MathNode) -> [UInt8] {
        var words = MarkupBuffer()
        speak(node, into: &words)
        return words.utf8
    }

    /// `node`'s words appended to `words`: one string for the whole formula.
    static func speak(_ node: MathNode, into words: inout MarkupBuffer) {
        switch node {
        case let .identifier(name): words.append(names[name] ?? name)
        case let .number(digits): words.append(digits)
        case let .op(symbol, _): words.append(operators[symbol] ?? names[symbol] ?? symbol)
        case let .text(value): words.append(value)
        case let .row(items): row(items, into: &words)
        case let .fraction(numerator, denominator):
            if case let .number(top) = numerator, case let .number(bottom) = denominator, let word = denominators[bottom] {
                words.append(top)
                words += " "
                words.append(word)
                if top != "1" { words += "s" }
            } else if isSimple(numerator), isSimple(denominator) {
                speak(numerator, into: &words)
                words += " over "
                speak(denominator, into: &words)
            } else {
                words += "the fraction "
                speak(numerator, into: &words)
                words += ", over "
                speak(denominator, into: &words)
                words += ", end fraction"
            }
        case let .root(body, index):
            words += "the "
            if let index {
                let spoken = speak(index)
                if spoken.elementsEqual("3".utf8) {
                    words += "cube root"
                } else {
                    words += "root of index "
                    words.append(String(decoding: spoken, as: UTF8.self))
                }
            } else {
                words += "square root"
            }
            words += " of "
            speak(body, into: &words)
            if !isSimple(body) { words += ", end root" }
        case let .scripts(base, sub, sup, limits):
            speak(base, into: &words)
            if case .op(_, true) = base {
                if let sub {
                    words += " over "
                    speak(sub, into: &words)
                }
                if let sup {
                    words += " to "
                    speak(sup, into: &words)
                }
                if sub != nil || sup != nil { words += " of" }
                return
            }
            if let sub {
                words += limits ? " over " : " sub "
                speak(sub, into: &words)
                if !limits, !isSimple(sub) { words += "," }
            }
            if let sup {
                words += " "
                power(sup, into: &words)
            }
        case let .accent(base, mark):
            speak(base, into: &words)
            words += " "
            words.append(accents[mark] ?? mark)
        case let .fenced(open, close, body):
            if open.isScalar("|"), close.isScalar("|") {
                words += "the absolute value of "
            } else if open.isScalar("‖"), close.isScalar("‖") {
                words += "the norm of "
            } else if open.isScalar("{") {
                words += "the set "
            } else if open.isEmpty || close.isEmpty {
                speak(body, into: &words)
                return
            } else {
                words += "the quantity "
            }
            speak(body, into: &words)
            words += ","
        case let .cases(rows):
            words += "cases: "
            for (rowIndex, row) in rows.enumerated() {
                if rowIndex > 0 { words += "; " }
                for (cellIndex, cell) in row.enumerated() {
                    if cellIndex > 0 { words += ", " }
                    speak(cell, into: &words)
                }
            }
            words += "; end cases"
        case .space: words += " "
        case let .sized(symbol, _): speak(.op(symbol, large: false), into: &words)
        }
    }

    static let accents = WordTable(["^": "hat", "¯": "bar", "~": "tilde", "→": "vector", "˙": "dot"])

    static let denominators = ["2": "half", "3": "third", "4": "quarter", "5": "fifth", "6": "sixth", "8": "eighth", "10": "tenth"]

    /// A superscript as speech: squared, cubed, transpose, prime, or "to the power".
    static func power(_ node: MathNode, into words: inout MarkupBuffer) {
        let spoken = speak(node)
        if spoken.elementsEqual("2".utf8) {
            words += "squared"
        } else if spoken.elementsEqual("3".utf8) {
            words += "cubed"
        } else if spoken.elementsEqual("T".utf8) {
            words += "transpose"
        } else if spoken.elementsEqual("prime".utf8) {
            words += "prime"
        } else {
            words += "to the power "
            words.append(String(decoding: spoken, as: UTF8.self))
            if !isSimple(node) { words += ", end power" }
        }
    }

    /// A row, with bars read as absolute values and a bracket after a name as "of".
    static func row(_ items: [MathNode], into words: inout MarkupBuffer) {
        var openBars: [String] = []
        for (index, item) in items.enumerated() {
            if index > 0 { words += " " }
            if case let .op(symbol, false) = item {
                if symbol.isScalar("|") || symbol.isScalar("‖") {
                    if openBars.last.map({ $0.utf8.elementsEqual(symbol.utf8) }) == true {
                        openBars.removeLast()
                        words += ","
                    } else {
                        openBars.append(symbol)
                        words += symbol.isScalar("|") ? "the absolute value of" : "the norm of" as StaticString
                    }
                    continue
                }
                if symbol.isScalar("(") || symbol.isScalar("[") {
                    words += index > 0 && isName(items[index - 1]) ? "of" : "the quantity" as StaticString
                    continue
                }
                if symbol.isScalar(")") || symbol.isScalar("]") {
                    words += ","
                    continue
                }
            }
            speak(item, into: &words)
        }
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

/// Words for names and symbols, found by scalar: a lookup hashes four bytes, where a `String`
/// key of Greek or symbols would be normalised first. Text of several scalars, or a scalar not
/// in the table, is looked up as a `String` as well, by canonical equivalence (Ω typed as the
/// ohm sign, U+2126, is the letter omega); ASCII is equivalent only to itself.
struct WordTable: Sendable {
    private let byScalar: [Unicode.Scalar: String]
    private let byText: [String: String]
    /// Whether any key is ASCII (the names' table has none: `x` needs no lookup there).
    private let hasASCIIKeys: Bool

    init(_ words: [Unicode.Scalar: String]) {
        byScalar = words
        byText = Dictionary(words.map { (String($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        hasASCIIKeys = words.keys.contains { $0.isASCII }
    }

    subscript(text: String) -> String? {
        var scalars = text.unicodeScalars.makeIterator()
        let first = scalars.next()
        let single = first != nil && scalars.next() == nil
        if single, let first, first.isASCII, !hasASCIIKeys { return nil }
        if single, let first, let word = byScalar[first] { return word }
        guard !ASCIIClass.isASCII(text) else { return nil }
        return byText[text]
    }
}
