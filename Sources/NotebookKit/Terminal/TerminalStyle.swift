import Plotting

/// How the walkthrough styles text: ANSI colour and emphasis on a terminal, plain marks
/// (`*emphasis*`, `**strong**`, underlined headings) otherwise.
public struct TerminalStyle: Sendable {
    /// Whether to use ANSI escape codes.
    public var color: Bool
    /// Whether plots may use Unicode (braille) and boxes may use box-drawing characters.
    public var unicode: Bool
    /// Columns of text.
    public var width: Int

    /// Creates a style.
    public init(color: Bool, unicode: Bool, width: Int) {
        self.color = color
        self.unicode = unicode
        self.width = max(30, width)
    }

    func wrap(_ text: String, _ open: String, _ close: String = "\u{1B}[0m") -> String {
        color ? open + text + close : text
    }

    func bold(_ text: String) -> String { color ? wrap(text, "\u{1B}[1m", "\u{1B}[22m") : "**\(text)**" }
    func italic(_ text: String) -> String { color ? wrap(text, "\u{1B}[3m", "\u{1B}[23m") : "*\(text)*" }
    func code(_ text: String) -> String { color ? wrap(text, "\u{1B}[36m", "\u{1B}[39m") : "`\(text)`" }
    func dim(_ text: String) -> String { color ? wrap(text, "\u{1B}[2m", "\u{1B}[22m") : text }
    func strike(_ text: String) -> String { color ? wrap(text, "\u{1B}[9m", "\u{1B}[29m") : "~~\(text)~~" }
    func pass(_ text: String) -> String { color ? wrap(text, "\u{1B}[32m", "\u{1B}[39m") : text }
    func fail(_ text: String) -> String { color ? wrap(text, "\u{1B}[31m", "\u{1B}[39m") : text }

    /// A heading wrapped at the width; without colour, levels 1 and 2 are underlined as wide as
    /// their widest line.
    func heading(_ text: String, level: Int) -> String {
        let lines = wrapWords(text).split(separator: "\n", omittingEmptySubsequences: false)
        if color {
            return lines.map { level <= 2 ? "\u{1B}[1;4m\($0)\u{1B}[0m" : "\u{1B}[1m\($0)\u{1B}[22m" }.joined(separator: "\n")
        }
        guard level <= 2 else { return lines.joined(separator: "\n") }
        let rule = String(repeating: level == 1 ? "=" : "-", count: lines.map { Self.visibleWidth($0) }.max() ?? 0)
        return lines.joined(separator: "\n") + "\n" + rule
    }

    /// The number of columns text takes, ignoring ANSI escape sequences.
    static func visibleWidth(_ text: some StringProtocol) -> Int {
        var width = 0
        var escaping = false
        for character in text {
            if escaping {
                if character.isLetter { escaping = false }
                continue
            }
            if character == "\u{1B}" {
                escaping = true
                continue
            }
            width += 1
        }
        return width
    }

    /// Word-wraps styled text to `width` columns, each line prefixed by `indent` (the first by `first`).
    func wrapWords(_ text: String, first: String = "", indent: String = "") -> String {
        WordWrap.lines(text, width: width, first: first, indent: indent) { Self.visibleWidth($0) }.joined(separator: "\n")
    }
}
