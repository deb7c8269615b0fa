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
        let characters = Array(line)
        var html = ""
        var i = 0
        func span(_ cls: String, _ text: String) { html += "<span class=\"\(cls)\">\(HTML.escape(text))</span>" }
        while i < characters.count {
            let c = characters[i]
            if c == "/", i + 1 < characters.count, characters[i + 1] == "/" {
                span("cm", String(characters[i...]))
                break
            }
            if c == "\"" {
                var j = i + 1
                while j < characters.count, characters[j] != "\"" {
                    j += characters[j] == "\\" ? 2 : 1
                }
                j = min(j + 1, characters.count)
                span("st", String(characters[i..<j]))
                i = j
                continue
            }
            if c.isNumber {
                var j = i
                while j < characters.count, characters[j].isNumber || characters[j] == "." || characters[j] == "_" || characters[j] == "e"
                    || (characters[j] == "-" && j > 0 && characters[j - 1] == "e")
                {
                    if characters[j] == ".", j + 1 < characters.count, !characters[j + 1].isNumber { break }
                    j += 1
                }
                span("nu", String(characters[i..<j]))
                i = j
                continue
            }
            if c.isLetter || c == "_" || c == "@" || c == "#" {
                var j = i + 1
                while j < characters.count, characters[j].isLetter || characters[j].isNumber || characters[j] == "_" { j += 1 }
                let word = String(characters[i..<j])
                if c == "@" || c == "#" {
                    span("at", word)
                } else if keywords.contains(word) {
                    span("kw", word)
                } else if c.isUppercase {
                    span("ty", word)
                } else if j < characters.count, characters[j] == "(" {
                    span("fn", word)
                } else {
                    html += HTML.escape(word)
                }
                i = j
                continue
            }
            html += HTML.escape(String(c))
            i += 1
        }
        return html
    }
}
