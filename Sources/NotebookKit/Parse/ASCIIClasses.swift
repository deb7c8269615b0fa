/// Letters, digits and spaces of ASCII, told from a byte without Unicode's property tables:
/// the fast paths of the lexers (TeX, Swift highlighting, heading slugs) for ASCII text, which
/// give the answers `Character`'s properties give there.
enum ASCIIClass {
    /// Whether every character of `text` is ASCII: then each UTF-8 byte is one character, and
    /// a lexer may read the bytes.
    static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
    }

    /// A to Z or a to z.
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// 0 to 9.
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// A to Z.
    static func isUppercase(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    /// Tab, line feed, vertical tab, form feed, carriage return and space.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (byte >= 0x09 && byte <= 0x0D)
    }
}

extension Character {
    /// `isLetter`, answered for ASCII without Unicode's property tables.
    var isLetterFast: Bool {
        guard let ascii = asciiValue else { return isLetter }
        return ASCIIClass.isLetter(ascii)
    }

    /// `isNumber`, answered for ASCII without Unicode's property tables.
    var isNumberFast: Bool {
        guard let ascii = asciiValue else { return isNumber }
        return ASCIIClass.isDigit(ascii)
    }

    /// `isWhitespace`, answered for ASCII without Unicode's property tables ("\r\n", whose
    /// `asciiValue` is a line feed, included).
    var isWhitespaceFast: Bool {
        guard let ascii = asciiValue else { return isWhitespace }
        return ASCIIClass.isWhitespace(ascii)
    }
}
