import Plotting

/// A small Swift lexer for highlighting: keywords, types, strings, numbers, comments and
/// attributes become `<span class="…">`; everything else is escaped text.
public enum SwiftHighlighter {
    static let keywords: Set<String> = [
        "actor", "any", "as", "associatedtype", "async", "await", "break", "case", "catch", "class", "continue",
        "default", "defer", "do", "else", "enum", "extension", "fallthrough", "false", "fileprivate", "for",
        "func", "guard", "if", "import", "in", "init", "inout", "internal", "is", "let", "nil", "open",
        "operator", "private", "protocol", "public", "repeat", "rethrows", "return", "self", "Self", "some",
        "static", "struct", "subscript", "super", "switch", "throw", "throws", "true", "try", "typealias",
        "var", "where", "while",
    ]

    /// One line of Swift as highlighted HTML. Block comments and multi-line strings are not
    /// tracked across lines (snippets are short; a line is coloured on its own).
    public static func highlight(_ line: String) -> String {
        var html = MarkupBuffer()
        highlight(line, into: &html)
        return html.text
    }

    /// ``highlight(_:)`` appended to `html`.
    public static func highlight(_ line: String, into html: inout MarkupBuffer) {
        // In ASCII every byte is a character, so the bytes give the same tokens without
        // breaking the line into grapheme clusters.
        if ASCIIClass.isASCII(line) {
            var line = line
            line.withUTF8 { bytes in bytes.withMemoryRebound(to: ASCIIByte.self) { highlight($0, into: &html) } }
        } else {
            Array(line).withUnsafeBufferPointer { highlight($0, into: &html) }
        }
    }

    /// The lexer over a line's characters, or over its bytes when they are all ASCII.
    static func highlight<Unit: HighlightUnit>(_ units: UnsafeBufferPointer<Unit>, into html: inout MarkupBuffer) {
        var i = 0
        // Text that is no token is escaped a run at a time, not a character at a time.
        var plain = 0
        func flush() {
            if plain < i { Unit.append(units[plain..<i], escapedTo: &html) }
        }
        func span(_ cls: StaticString, upTo end: Int) {
            flush()
            html += "<span class=\""
            html += cls
            html += "\">"
            Unit.append(units[i..<end], escapedTo: &html)
            html += "</span>"
            i = end
            plain = end
        }
        func isDigit(_ index: Int) -> Bool { units[index].isNumber }
        func isWord(_ index: Int) -> Bool { units[index].isLetter || units[index].isNumber || units[index].matches("_") }
        while i < units.count {
            let c = units[i]
            if c.matches("/"), i + 1 < units.count, units[i + 1].matches("/") {
                span("cm", upTo: units.count)
                break
            }
            if c.matches("\"") {
                var j = i + 1
                while j < units.count, !units[j].matches("\"") {
                    j += units[j].matches("\\") ? 2 : 1
                }
                span("st", upTo: min(j + 1, units.count))
                continue
            }
            if c.isNumber {
                var j = i
                while j < units.count, isDigit(j) || units[j].matches(".") || units[j].matches("_") || units[j].matches("e") || (units[j].matches("-") && j > 0 && units[j - 1].matches("e")) {
                    if units[j].matches("."), j + 1 < units.count, !isDigit(j + 1) { break }
                    j += 1
                }
                span("nu", upTo: j)
                continue
            }
            if c.isLetter || c.matches("_") || c.matches("@") || c.matches("#") {
                var j = i + 1
                while j < units.count, isWord(j) { j += 1 }
                if c.matches("@") || c.matches("#") {
                    span("at", upTo: j)
                } else if keywords.contains(Unit.text(units[i..<j])) {
                    span("kw", upTo: j)
                } else if c.isUppercase {
                    span("ty", upTo: j)
                } else if j < units.count, units[j].matches("(") {
                    span("fn", upTo: j)
                } else {
                    i = j
                }
                continue
            }
            i += 1
        }
        flush()
    }
}

/// What the highlighter reads a line as: characters, or bytes when the line is ASCII.
protocol HighlightUnit {
    var isLetter: Bool { get }
    var isNumber: Bool { get }
    var isUppercase: Bool { get }
    /// Whether this is the one-scalar character `scalar`.
    func matches(_ scalar: Unicode.Scalar) -> Bool
    static func text(_ units: Slice<UnsafeBufferPointer<Self>>) -> String
    /// Appends `units` to `html`, escaped.
    static func append(_ units: Slice<UnsafeBufferPointer<Self>>, escapedTo html: inout MarkupBuffer)
}

extension Character: HighlightUnit {
    func matches(_ scalar: Unicode.Scalar) -> Bool { self == Character(scalar) }
    static func text(_ units: Slice<UnsafeBufferPointer<Character>>) -> String { String(units) }
    static func append(_ units: Slice<UnsafeBufferPointer<Character>>, escapedTo html: inout MarkupBuffer) { html.append(escaping: String(units)) }
}

/// A byte of a line that is all ASCII: one character.
struct ASCIIByte: HighlightUnit {
    var value: UInt8
    var isLetter: Bool { ASCIIClass.isLetter(value) }
    var isNumber: Bool { ASCIIClass.isDigit(value) }
    var isUppercase: Bool { ASCIIClass.isUppercase(value) }
    func matches(_ scalar: Unicode.Scalar) -> Bool { UInt32(value) == scalar.value }
    static func text(_ units: Slice<UnsafeBufferPointer<ASCIIByte>>) -> String {
        UnsafeBufferPointer(rebasing: units).withMemoryRebound(to: UInt8.self) { String(decoding: $0, as: UTF8.self) }
    }
    static func append(_ units: Slice<UnsafeBufferPointer<ASCIIByte>>, escapedTo html: inout MarkupBuffer) {
        UnsafeBufferPointer(rebasing: units).withMemoryRebound(to: UInt8.self) { html.append(escaping: $0) }
    }
}
