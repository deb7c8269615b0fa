/// Swift source text the execution service writes (marked snippets, the snippet build's
/// manifest): a string as a Swift string literal.
enum SwiftLiteral {
    /// `text` quoted, with backslashes, quotes and control characters escaped.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case _ where scalar.value < 0x20: result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
