import Support
/// Parses the TeX subset the curriculum needs into a ``MathNode``: sub- and superscripts,
/// `\frac`, `\sqrt`, `\sum`/`\prod` with limits, function names, `\operatorname`, Greek letters,
/// `\partial`, `\nabla`, relations, `\mathbb`, `\text`, `\left`/`\right` delimiters and
/// `\begin{cases}`.
public struct TeXParser {
    /// A parse problem, with what was found and what was expected.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The message.
        public let message: String
        public var description: String { message }
    }

    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ",
        "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
        "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]
    static let symbols: [String: String] = [
        "partial": "∂", "nabla": "∇", "infty": "∞", "ell": "ℓ",
    ]
    static let operators: [String: String] = [
        "cdot": "⋅", "times": "×", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠",
        "approx": "≈", "in": "∈", "notin": "∉", "to": "→", "rightarrow": "→", "leftarrow": "←", "mapsto": "↦",
        "pm": "±", "mp": "∓", "mid": "∣", "ldots": "…", "cdots": "⋯", "propto": "∝", "equiv": "≡", "sim": "∼",
        "lVert": "‖", "rVert": "‖", "|": "‖", "langle": "⟨", "rangle": "⟩", "lbrace": "{", "rbrace": "}",
        "{": "{", "}": "}", "lvert": "|", "rvert": "|", "forall": "∀", "exists": "∃", "cup": "∪", "cap": "∩",
        "subset": "⊂", "subseteq": "⊆", "Rightarrow": "⇒", "iff": "⟺", "%": "%", "$": "$", "#": "#", "&": "&", "_": "_",
    ]
    static let largeOperators: [String: String] = ["sum": "∑", "prod": "∏", "int": "∫"]
    static let functions: Set<String> = [
        "log", "ln", "exp", "max", "min", "sin", "cos", "tan", "tanh", "cosh", "sinh", "arg", "sup", "inf", "lim", "det", "sign", "sgn",
    ]
    static let limitFunctions: Set<String> = ["max", "min", "sup", "inf", "lim", "arg"]
    static let accents: [String: String] = ["hat": "^", "bar": "¯", "tilde": "~", "vec": "→", "dot": "˙"]
    static let spaces: [String: Double] = [",": 0.1667, ";": 0.2778, ":": 0.2222, "!": -0.1667, "quad": 1, "qquad": 2, " ": 0.25]
    static let doubleStruck: [Character: String] = ["R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "E": "𝔼", "P": "ℙ"]
    /// `\big` and its relatives, with the height each draws its delimiter at, in em.
    static let sizedDelimiters: [String: Double] = Dictionary(uniqueKeysWithValues: [("big", 1.2), ("Big", 1.8), ("bigg", 2.4), ("Bigg", 3.0)].flatMap { name, height in
        ["", "l", "r", "m"].map { (name + $0, height) }
    })
    static let delimiters: Set<String> = ["(", ")", "[", "]", "|", ".", "‖", "{", "}", "⟨", "⟩"]

    /// What a command name stands for: one lookup in ``commands`` instead of one per table.
    enum Command {
        case identifier(String)
        case op(String, large: Bool)
        case function
        case space(Double)
        case accent(String)
        case sized(Double)
        case fraction, root, uprightName, text, doubleStruck, bold, left, right, begin, end
    }

    /// Every command name with its meaning, the tables taken in the order the parser once
    /// searched them (a name in two tables means what the first says).
    static let commands: [String: Command] = {
        var table: [String: Command] = [:]
        func add(_ entries: some Sequence<(String, Command)>) {
            for (name, command) in entries where table[name] == nil { table[name] = command }
        }
        add(greek.map { ($0.key, .identifier($0.value)) })
        add(symbols.map { ($0.key, .identifier($0.value)) })
        add(operators.map { ($0.key, .op($0.value, large: false)) })
        add(largeOperators.map { ($0.key, .op($0.value, large: true)) })
        add(functions.map { ($0, .function) })
        add(spaces.map { ($0.key, .space($0.value)) })
        add(accents.map { ($0.key, .accent($0.value)) })
        add([("frac", .fraction), ("dfrac", .fraction), ("tfrac", .fraction), ("sqrt", .root), ("operatorname", .uprightName),
             ("mathrm", .uprightName), ("text", .text), ("textrm", .text), ("mbox", .text), ("mathbb", .doubleStruck),
             ("mathbf", .bold), ("boldsymbol", .bold), ("left", .left), ("right", .right), ("begin", .begin), ("end", .end)])
        add(sizedDelimiters.map { ($0.key, .sized($0.value)) })
        return table
    }()

    /// One character of a formula, as the parser compares it: its first scalar, and whether
    /// that scalar is the whole character (`x` and `x̂` share a first scalar; only `x` equals
    /// the literal "x"). Comparing two of these compares integers, not strings.
    struct Unit: Equatable, ExpressibleByUnicodeScalarLiteral {
        let first: Unicode.Scalar
        let single: Bool

        init(first: Unicode.Scalar, single: Bool) {
            self.first = first
            self.single = single
        }

        init(unicodeScalarLiteral value: Unicode.Scalar) {
            self.init(first: value, single: true)
        }
    }

    /// The formula's characters as units.
    private let units: [Unit]
    /// The characters themselves, for a formula that is not plain ASCII; nil when each unit
    /// is one ASCII byte, and so its own text (the common case: no grapheme breaking at all).
    private let characters: [Character]?
    private var position = 0
    private let display: Bool

    /// A parser for `source`; `display` puts ∑ limits under and over.
    public init(_ source: String, display: Bool) {
        // In ASCII without a carriage return (which joins a following line feed into one
        // character) every byte is one character.
        if source.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            units = source.utf8.map { Unit(first: Unicode.Scalar($0), single: true) }
            characters = nil
        } else {
            let characters = Array(source)
            units = characters.map { character in
                var scalars = character.unicodeScalars.makeIterator()
                let first = scalars.next() ?? " "
                return Unit(first: first, single: scalars.next() == nil)
            }
            self.characters = characters
        }
        self.display = display
    }

    /// Parses a whole formula.
    public static func parse(_ source: String, display: Bool) throws(Failure) -> MathNode {
        var parser = TeXParser(source, display: display)
        let node = try parser.parseRow(until: nil)
        return node
    }

    // MARK: Rows

    mutating func parseRow(until terminator: Terminator?) throws(Failure) -> MathNode {
        var items: [MathNode] = []
        while true {
            skipSpaces()
            guard position < units.count else {
                if let terminator { throw Failure(message: "missing \(terminator.expected)") }
                break
            }
            if let terminator, terminator.matches(self) { break }
            let c = units[position]
            if c == "}" { throw Failure(message: "unbalanced '}': no '{' opens it") }
            if c == "&" || (c == "\\" && peek(1) == "\\") {
                if terminator == .cellEnd || terminator == .environmentEnd { break }
                throw Failure(message: "'\(c == "&" ? "&" : "\\\\")' outside \\begin{cases}")
            }
            if c == "^" || c == "_" {
                let base = items.popLast() ?? .row([])
                items.append(try parseScripts(base: base))
                continue
            }
            items.append(try parseAtom())
        }
        return items.count == 1 ? items[0] : .row(items)
    }

    enum Terminator: Equatable {
        case closeBrace, right, cellEnd, environmentEnd, closeBracket

        var expected: String {
            switch self {
            case .closeBrace: return "'}': the braces are unbalanced"
            case .right: return "\\right to close \\left"
            case .cellEnd, .environmentEnd: return "\\end{cases}"
            case .closeBracket: return "']' to close the root's index"
            }
        }

        func matches(_ parser: TeXParser) -> Bool {
            switch self {
            case .closeBrace: return parser.units[parser.position] == "}"
            case .closeBracket: return parser.units[parser.position] == "]"
            case .right: return parser.lookingAt("\\right")
            case .cellEnd, .environmentEnd: return parser.lookingAt("\\end")
            }
        }
    }

    // MARK: Atoms

    /// One atom; as a command's or a script's unbraced argument (`singleToken`), a number is
    /// one digit, as in TeX (`\frac12` is ½, `x^23` is x² then 3).
    mutating func parseAtom(singleToken: Bool = false) throws(Failure) -> MathNode {
        let c = units[position]
        if singleToken, Self.isNumber(c) {
            return .number(takeCharacter())
        }
        if c == "{" {
            position += 1
            let body = try parseRow(until: .closeBrace)
            position += 1
            return body
        }
        if c == "\\" { return try parseCommand() }
        if Self.isNumber(c) || (c == "." && peek(1).map(Self.isNumber) == true) {
            var text = ""
            while position < units.count, Self.isNumber(units[position]) || (units[position] == "." && peek(1).map(Self.isNumber) == true) {
                text += takeCharacter()
            }
            return .number(text)
        }
        if Self.isLetter(c) { return .identifier(takeCharacter()) }
        switch c {
        case "'": position += 1; return .op("′", large: false)
        case "-": position += 1; return .op("−", large: false)
        case "+", "=", "<", ">", "(", ")", "[", "]", "|", ",", ";", ":", "!", "/", "*", "?", ".": return .op(takeCharacter(), large: false)
        default: throw Failure(message: "unexpected character '\(takeCharacter())'")
        }
    }

    mutating func parseScripts(base: MathNode) throws(Failure) -> MathNode {
        var sub: MathNode?
        var sup: MathNode?
        while position < units.count, units[position] == "^" || units[position] == "_" {
            let kind = units[position]
            position += 1
            skipSpaces()
            guard position < units.count else { throw Failure(message: "'\(kind.first)' needs something after it") }
            let argument = try parseAtom(singleToken: true)
            if kind == "^" {
                if sup != nil { throw Failure(message: "double superscript; use braces: x^{ab}") }
                sup = argument
            } else {
                if sub != nil { throw Failure(message: "double subscript; use braces: x_{ab}") }
                sub = argument
            }
            skipSpaces()
        }
        var limits = false
        if case let .op(symbol, true) = base { limits = display && !symbol.isScalar("∫") }
        if case let .identifier(name) = base, Self.limitFunctions.contains(name) { limits = display }
        return .scripts(base: base, sub: sub, sup: sup, limits: limits)
    }

    mutating func parseCommand() throws(Failure) -> MathNode {
        position += 1
        guard position < units.count else { throw Failure(message: "a lone '\\' at the end") }
        let name = takeCommandName()
        guard let command = Self.commands[name] else {
            let known = Array(Self.greek.keys) + Array(Self.symbols.keys) + Array(Self.operators.keys) + Array(Self.functions)
                + ["frac", "sqrt", "operatorname", "text", "mathbb", "left", "right", "begin", "sum", "prod"] + Array(Self.sizedDelimiters.keys)
            throw Failure(message: "unknown command \\\(name)\(Suggestions.didYouMean(name, in: known.filter { $0.first?.isLetterFast == true }).replacingBackslash)")
        }
        switch command {
        case let .identifier(symbol): return .identifier(symbol)
        case let .op(symbol, large): return .op(symbol, large: large)
        case .function: return .identifier(name)
        case let .space(width): return .space(width)
        case let .accent(accent): return .accent(try parseArgument(name), accent)
        case .fraction:
            let numerator = try parseArgument(name)
            let denominator = try parseArgument(name)
            return .fraction(numerator, denominator)
        case .root:
            skipSpaces()
            var index: MathNode?
            if position < units.count, units[position] == "[" {
                position += 1
                index = try parseRow(until: .closeBracket)
                position += 1
            }
            return .root(try parseArgument(name), index: index)
        case .uprightName:
            return .identifier(try parseRawArgument(name))
        case .text:
            return .text(try parseRawArgument(name))
        case .doubleStruck:
            let letters = try parseRawArgument(name)
            return .identifier(letters.map { Self.doubleStruck[$0] ?? String($0) }.joined())
        case .bold:
            return try parseArgument(name)
        case .left:
            let open = try parseDelimiter("\\left")
            let body = try parseRow(until: .right)
            position += "\\right".utf8.count
            let close = try parseDelimiter("\\right")
            return .fenced(open: open, close: close, body)
        case .right:
            throw Failure(message: "\\right without \\left")
        case let .sized(height):
            return .sized(try parseDelimiter("\\" + name), height: height)
        case .begin:
            let environment = try parseRawArgument("begin")
            guard environment == "cases" else {
                throw Failure(message: "unknown environment '\(environment)'; expected cases")
            }
            return try parseCases()
        case .end:
            throw Failure(message: "\\end without \\begin")
        }
    }

    mutating func parseCases() throws(Failure) -> MathNode {
        var rows: [[MathNode]] = [[]]
        while true {
            let cell = try parseRow(until: .environmentEnd)
            rows[rows.count - 1].append(cell)
            guard position < units.count else { throw Failure(message: "missing \\end{cases}") }
            if units[position] == "&" {
                position += 1
            } else if units[position] == "\\", peek(1) == "\\" {
                position += 2
                rows.append([])
            } else {
                // \end
                position += "\\end".utf8.count
                let environment = try parseRawArgument("end")
                guard environment == "cases" else { throw Failure(message: "\\end{\(environment)} closes \\begin{cases}") }
                if rows.last?.count == 1, case .row([]) = rows.last?.first { rows.removeLast() }
                return .cases(rows)
            }
        }
    }

    mutating func parseDelimiter(_ command: String) throws(Failure) -> String {
        skipSpaces()
        guard position < units.count else { throw Failure(message: "\(command) needs a delimiter such as ( or |") }
        if units[position] == "\\" {
            position += 1
            let name = position < units.count ? takeCommandName() : ""
            guard let symbol = Self.operators[name], Self.delimiters.contains(symbol) else {
                throw Failure(message: "\(command) needs a delimiter such as ( or |, not '\\\(name)'")
            }
            return symbol
        }
        let c = takeCharacter()
        guard Self.delimiters.contains(c) else { throw Failure(message: "\(command) needs a delimiter such as ( or |, not '\(c)'") }
        return c == "." ? "" : c
    }

    mutating func parseArgument(_ command: String) throws(Failure) -> MathNode {
        skipSpaces()
        guard position < units.count else { throw Failure(message: "\\\(command) needs an argument") }
        return try parseAtom(singleToken: true)
    }

    /// A braced argument taken as plain text (`\text{...}`, `\operatorname{...}`).
    mutating func parseRawArgument(_ command: String) throws(Failure) -> String {
        skipSpaces()
        guard position < units.count, units[position] == "{" else {
            throw Failure(message: "\\\(command) needs a braced argument, as \\\(command){...}")
        }
        position += 1
        var depth = 1
        var text = ""
        while position < units.count {
            let c = units[position]
            if c == "{" { depth += 1 }
            if c == "}" {
                depth -= 1
                if depth == 0 {
                    position += 1
                    return text
                }
            }
            text += takeCharacter()
        }
        throw Failure(message: "missing '}' after \\\(command){")
    }

    // MARK: Helpers

    func peek(_ offset: Int) -> Unit? {
        position + offset < units.count ? units[position + offset] : nil
    }

    /// The text of the character at `index`.
    func text(at index: Int) -> String {
        characters.map { String($0[index]) } ?? String(units[index].first)
    }

    /// The character at the position as text, taken.
    mutating func takeCharacter() -> String {
        defer { position += 1 }
        return text(at: position)
    }

    /// A command's name after its backslash: a run of letters, or one other character.
    mutating func takeCommandName() -> String {
        guard Self.isLetter(units[position]) else { return takeCharacter() }
        var name = ""
        while position < units.count, Self.isLetter(units[position]) {
            name += takeCharacter()
        }
        return name
    }

    /// Whether the characters at the position spell `text` and no letter follows it.
    func lookingAt(_ text: StaticString) -> Bool {
        var index = position
        for byte in UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount) {
            guard index < units.count, units[index] == Unit(first: Unicode.Scalar(byte), single: true) else { return false }
            index += 1
        }
        return index >= units.count || !Self.isLetter(units[index])
    }

    mutating func skipSpaces() {
        while position < units.count, Self.isWhitespace(units[position]) { position += 1 }
    }

    // MARK: Character classes

    /// `Character.isLetter`: its first scalar is alphabetic (ASCII told without Unicode's tables).
    static func isLetter(_ unit: Unit) -> Bool {
        unit.first.isASCII ? ASCIIClass.isLetter(UInt8(unit.first.value)) : unit.first.properties.isAlphabetic
    }

    /// `Character.isNumber`: its first scalar has a numeric type.
    static func isNumber(_ unit: Unit) -> Bool {
        unit.first.isASCII ? ASCIIClass.isDigit(UInt8(unit.first.value)) : unit.first.properties.numericType != nil
    }

    /// `Character.isWhitespace`: its first scalar is white space.
    static func isWhitespace(_ unit: Unit) -> Bool {
        unit.first.isASCII ? ASCIIClass.isWhitespace(UInt8(unit.first.value)) : unit.first.properties.isWhitespace
    }
}

extension String {
    /// "; did you mean 'x'?" → "; did you mean '\x'?"
    var replacingBackslash: String {
        guard let range = range(of: "did you mean '") else { return self }
        return replacingCharacters(in: range, with: "did you mean '\\")
    }
}
