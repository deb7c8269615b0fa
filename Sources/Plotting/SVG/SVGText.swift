/// Escaping and number formatting for SVG output.
enum SVGText {
    /// Text safe inside an element or a double-quoted attribute.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                // XML 1.0 forbids most control characters; drop them.
                if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                    scalar.value < 0x20, scalar != "\n", scalar != "\t"
                {
                    continue
                }
                result.append(character)
            }
        }
        return result
    }

    /// A coordinate with at most two decimals and no trailing zeros ("12.5", "3", "-0.25").
    static func number(_ value: Double) -> String {
        NumberFormat.trimZeros(NumberFormat.fixed(value, decimals: 2))
    }
}
