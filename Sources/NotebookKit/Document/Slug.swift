/// Stable ids for headings: lowercase letters and digits joined by '-', made unique per page,
/// never one of the ids the page itself uses (`present`, `notes`, `search` ...).
struct SlugMaker {
    static let reserved: Set<String> = ["present", "notes", "search", "search-results"]

    private var used: [String: Int] = [:]

    /// The id for a heading's text.
    mutating func slug(_ text: String) -> String {
        var slug = ASCIIClass.isASCII(text) ? Self.asciiWords(text) : Self.words(text)
        if slug.isEmpty { slug = "section" }
        // Ids the page's own parts and the presenter's addresses use are not given to headings.
        if Self.reserved.contains(slug) || (slug.hasPrefix("present-") && slug.dropFirst(8).allSatisfy(\.isNumber)) { slug += "-section" }
        let count = used[slug, default: 0]
        used[slug] = count + 1
        return count == 0 ? slug : "\(slug)-\(count)"
    }

    /// The text's letters and digits, lowercased, with one '-' for each run of anything else
    /// between them.
    static func words(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                slug.append(character)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return slug
    }

    /// ``words(_:)`` for ASCII text, a byte at a time (in ASCII each byte is a character).
    static func asciiWords(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            if ASCIIClass.isLetter(byte) || ASCIIClass.isDigit(byte) {
                if pendingDash && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                bytes.append(ASCIIClass.isUppercase(byte) ? byte | 0x20 : byte)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
