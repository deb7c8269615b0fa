extension Character {
    /// `isLetter`, answered for ASCII without Unicode's property tables.
    var isLetterFast: Bool {
        guard let ascii = asciiValue else { return isLetter }
        return (ascii | 0x20) >= UInt8(ascii: "a") && (ascii | 0x20) <= UInt8(ascii: "z")
    }

    /// `isNumber`, answered for ASCII without Unicode's property tables.
    var isNumberFast: Bool {
        guard let ascii = asciiValue else { return isNumber }
        return ascii >= UInt8(ascii: "0") && ascii <= UInt8(ascii: "9")
    }

    /// `isWhitespace`, answered for ASCII without Unicode's property tables: tab, line feed,
    /// vertical tab, form feed, carriage return and space (and "\r\n", whose `asciiValue` is a
    /// line feed).
    var isWhitespaceFast: Bool {
        guard let ascii = asciiValue else { return isWhitespace }
        return ascii == UInt8(ascii: " ") || (ascii >= 0x09 && ascii <= 0x0D)
    }
}
