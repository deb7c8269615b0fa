import Testing
@testable import NotebookKit

@Suite("Character classes answered for ASCII without Unicode's tables")
struct ASCIIClassTests {
    @Test("Every ASCII character, CR LF and some beyond ASCII get the answers Unicode's properties give")
    func sameAnswers() {
        let characters = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
            + ["\r\n", "é", "δ", "Ω", "½", "²", "٣", "\u{A0}", "\u{85}", "\u{2003}", "e\u{301}", "−"]
        for c in characters {
            #expect(c.isLetterFast == c.isLetter, "\(c.debugDescription)")
            #expect(c.isNumberFast == c.isNumber, "\(c.debugDescription)")
            #expect(c.isWhitespaceFast == c.isWhitespace, "\(c.debugDescription)")
            if let byte = c.asciiValue, c != "\r\n" { #expect(ASCIIClass.isUppercase(byte) == c.isUppercase, "\(c.debugDescription)") }
        }
    }
}
