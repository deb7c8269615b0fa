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

    private let characters: [Character]
    private var position = 0
    private let display: Bool

    /// A parser for `source`; `display` puts ∑ limits under and over.
    public init(_ source: String, display: Bool) {
        characters = Array(source)
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
            guard position < characters.count else {
                if let terminator { throw Failure(message: "missing \(terminator.expected)") }
                break
            }
            if let terminator, try terminator.matches(&self) { break }
            let c = characters[position]
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

        func matches(_ parser: inout TeXParser) throws(Failure) -> Bool {
            switch self {
            case .closeBrace: return parser.characters[parser.position] == "}"
            case .closeBracket: return parser.characters[parser.position] == "]"
            case .right: return parser.lookingAt("\\right")
            case .cellEnd, .environmentEnd: return parser.lookingAt("\\end")
            }
        }
    }

    // MARK: Atoms

    /// One atom; as a command's or a script's unbraced argument (`singleToken`), a number is
    /// one digit, as in TeX (`\frac12` is ½, `x^23` is x² then 3).
    mutating func parseAtom(singleToken: Bool = false) throws(Failure) -> MathNode {
        let c = characters[position]
        if singleToken, c.isNumberFast {
            position += 1
            return .number(String(c))
        }
        if c == "{" {
            position += 1
            let body = try parseRow(until: .closeBrace)
            position += 1
            return body
        }
        if c == "\\" { return try parseCommand() }
        if c.isNumberFast || (c == "." && peek(1)?.isNumberFast == true) {
            var text = ""
            while position < characters.count, characters[position].isNumberFast || (characters[position] == "." && peek(1)?.isNumberFast == true) {
                text.append(characters[position])
                position += 1
            }
            return .number(text)
        }
        position += 1
        if c.isLetterFast { return .identifier(String(c)) }
        if c == "'" { return .op("′", large: false) }
        if c == "-" { return .op("−", large: false) }
        if "+=<>()[]|,;:!/*?.".contains(c) { return .op(String(c), large: false) }
        throw Failure(message: "unexpected character '\(c)'")
    }

    mutating func parseScripts(base: MathNode) throws(Failure) -> MathNode {
        var sub: MathNode?
        var sup: MathNode?
        while position < characters.count, characters[position] == "^" || characters[position] == "_" {
            let kind = characters[position]
            position += 1
            skipSpaces()
            guard position < characters.count else { throw Failure(message: "'\(kind)' needs something after it") }
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
        if case let .op(symbol, true) = base { limits = display && symbol != "∫" }
        if case let .identifier(name) = base, Self.limitFunctions.contains(name) { limits = display }
        return .scripts(base: base, sub: sub, sup: sup, limits: limits)
    }

    mutating func parseCommand() throws(Failure) -> MathNode {
        position += 1
        guard position < characters.count else { throw Failure(message: "a lone '\\' at the end") }
        var name = ""
        if characters[position].isLetterFast {
            while position < characters.count, characters[position].isLetterFast {
                name.append(characters[position])
                position += 1
            }
        } else {
            name = String(characters[position])
            position += 1
        }
        if let letter = Self.greek[name] { return .identifier(letter) }
        if let symbol = Self.symbols[name] { return .identifier(symbol) }
        if let symbol = Self.operators[name] { return .op(symbol, large: false) }
        if let symbol = Self.largeOperators[name] { return .op(symbol, large: true) }
        if Self.functions.contains(name) { return .identifier(name) }
        if let width = Self.spaces[name] { return .space(width) }
        if let accent = Self.accents[name] { return .accent(try parseArgument(name), accent) }
        switch name {
        case "frac", "dfrac", "tfrac":
            let numerator = try parseArgument(name)
            let denominator = try parseArgument(name)
            return .fraction(numerator, denominator)
        case "sqrt":
            skipSpaces()
            var index: MathNode?
            if position < characters.count, characters[position] == "[" {
                position += 1
                index = try parseRow(until: .closeBracket)
                position += 1
            }
            return .root(try parseArgument(name), index: index)
        case "operatorname", "mathrm":
            return .identifier(try parseRawArgument(name))
        case "text", "textrm", "mbox":
            return .text(try parseRawArgument(name))
        case "mathbb":
            let letters = try parseRawArgument(name)
            return .identifier(letters.map { Self.doubleStruck[$0] ?? String($0) }.joined())
        case "mathbf", "boldsymbol":
            return try parseArgument(name)
        case "left":
            let open = try parseDelimiter("\\left")
            let body = try parseRow(until: .right)
            position += "\\right".count
            let close = try parseDelimiter("\\right")
            return .fenced(open: open, close: close, body)
        case "right":
            throw Failure(message: "\\right without \\left")
        case _ where Self.sizedDelimiters[name] != nil:
            return .sized(try parseDelimiter("\\" + name), height: Self.sizedDelimiters[name]!)
        case "begin":
            let environment = try parseRawArgument("begin")
            guard environment == "cases" else {
                throw Failure(message: "unknown environment '\(environment)'; expected cases")
            }
            return try parseCases()
        case "end":
            throw Failure(message: "\\end without \\begin")
        default:
            let known = Array(Self.greek.keys) + Array(Self.symbols.keys) + Array(Self.operators.keys) + Array(Self.functions)
                + ["frac", "sqrt", "operatorname", "text", "mathbb", "left", "right", "begin", "sum", "prod"] + Array(Self.sizedDelimiters.keys)
            throw Failure(message: "unknown command \\\(name)\(Suggestions.didYouMean(name, in: known.filter { $0.first?.isLetterFast == true }).replacingBackslash)")
        }
    }

    mutating func parseCases() throws(Failure) -> MathNode {
        var rows: [[MathNode]] = [[]]
        while true {
            let cell = try parseRow(until: .environmentEnd)
            rows[rows.count - 1].append(cell)
            guard position < characters.count else { throw Failure(message: "missing \\end{cases}") }
            if characters[position] == "&" {
                position += 1
            } else if characters[position] == "\\", peek(1) == "\\" {
                position += 2
                rows.append([])
            } else {
                // \end
                position += "\\end".count
                let environment = try parseRawArgument("end")
                guard environment == "cases" else { throw Failure(message: "\\end{\(environment)} closes \\begin{cases}") }
                if rows.last?.count == 1, case .row([]) = rows.last?.first { rows.removeLast() }
                return .cases(rows)
            }
        }
    }

    mutating func parseDelimiter(_ command: String) throws(Failure) -> String {
        skipSpaces()
        guard position < characters.count else { throw Failure(message: "\(command) needs a delimiter such as ( or |") }
        if characters[position] == "\\" {
            position += 1
            var name = ""
            if position < characters.count, characters[position].isLetterFast {
                while position < characters.count, characters[position].isLetterFast {
                    name.append(characters[position])
                    position += 1
                }
            } else if position < characters.count {
                name = String(characters[position])
                position += 1
            }
            guard let symbol = Self.operators[name], Self.delimiters.contains(symbol) else {
                throw Failure(message: "\(command) needs a delimiter such as ( or |, not '\\\(name)'")
            }
            return symbol
        }
        let c = String(characters[position])
        position += 1
        guard Self.delimiters.contains(c) else { throw Failure(message: "\(command) needs a delimiter such as ( or |, not '\(c)'") }
        return c == "." ? "" : c
    }

    mutating func parseArgument(_ command: String) throws(Failure) -> MathNode {
        skipSpaces()
        guard position < characters.count else { throw Failure(message: "\\\(command) needs an argument") }
        return try parseAtom(singleToken: true)
    }

    /// A braced argument taken as plain text (`\text{...}`, `\operatorname{...}`).
    mutating func parseRawArgument(_ command: String) throws(Failure) -> String {
        skipSpaces()
        guard position < characters.count, characters[position] == "{" else {
            throw Failure(message: "\\\(command) needs a braced argument, as \\\(command){...}")
        }
        position += 1
        var depth = 1
        var text = ""
        while position < characters.count {
            let c = characters[position]
            position += 1
            if c == "{" { depth += 1 }
            if c == "}" {
                depth -= 1
                if depth == 0 { return text }
            }
            text.append(c)
        }
        throw Failure(message: "missing '}' after \\\(command){")
    }

    // MARK: Helpers

    func peek(_ offset: Int) -> Character? {
        position + offset < characters.count ? characters[position + offset] : nil
    }

    func lookingAt(_ text: String) -> Bool {
        let needle = Array(text)
        guard position + needle.count <= characters.count, Array(characters[position..<(position + needle.count)]) == needle else { return false }
        let after = position + needle.count
        return after >= characters.count || !characters[after].isLetterFast
    }

    mutating func skipSpaces() {
        while position < characters.count, characters[position].isWhitespaceFast { position += 1 }
    }
}

extension String {
    /// "; did you mean 'x'?" → "; did you mean '\x'?"
    var replacingBackslash: String {
        guard let range = range(of: "did you mean '") else { return self }
        return replacingCharacters(in: range, with: "did you mean '\\")
    }
}
