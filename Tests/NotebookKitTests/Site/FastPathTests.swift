import Plotting
import Testing
@testable import NotebookKit

/// The Markdown stage's byte-level fast paths against the character-level rules they replace,
/// on every string of a few pieces: escaping, placeholder search, code lines, info words, links.
@Suite("Fast paths agree with the rules they stand for")
struct FastPathTests {
    /// Escaping as it was written before the byte buffer: a scalar at a time.
    func referenceEscape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    @Test("Escaping a byte run at a time is escaping a scalar at a time")
    func escaping() {
        let cases = allStrings(of: ["a", "&", "<", ">", "\"", "'", "\u{01}", "\u{1F}", "\n", "\t", "\r", "é", "∑", " "], upTo: 4)
        #expect(cases.count == 41_371)
        for text in cases {
            let expected = referenceEscape(text)
            #expect(Markup.escape(text) == expected, "\(text.debugDescription)")
            var buffer = MarkupBuffer()
            buffer += "<p>"
            buffer.append(escaping: text)
            #expect(buffer.text == "<p>" + expected, "\(text.debugDescription)")
        }
    }

    @Test("A buffer's bytes are its text's UTF-8, whatever went in")
    func bufferBytes() {
        var buffer = MarkupBuffer()
        buffer += "<mi>"
        buffer.append("δ∑é")
        buffer.append(byte: UInt8(ascii: "x"))
        buffer.append(42)
        var other = MarkupBuffer()
        other.append(escaping: "a<b")
        buffer.append(other)
        #expect(buffer.text == "<mi>δ∑éx42a&lt;b")
        #expect(buffer.utf8 == Array(buffer.text.utf8))
        buffer.removeTrailingNewline()
        #expect(buffer.text.hasSuffix("a&lt;b"), "only a line feed is taken back")
        buffer += "\n"
        buffer.removeTrailingNewline()
        #expect(buffer.text.hasSuffix("a&lt;b"))
    }

    @Test("A buffer is a value: a copy changed leaves the original as it was, across growth")
    func bufferValue() {
        var original = MarkupBuffer(capacity: 4)
        original.append("abc")
        var copy = original
        copy.append(String(repeating: "x", count: 100))
        #expect(original.text == "abc")
        #expect(copy.text == "abc" + String(repeating: "x", count: 100))
        var trimmed = copy
        trimmed += "\n"
        trimmed.removeTrailingNewline()
        #expect(copy.count == 103 && trimmed.count == 103)
        var lineEnded = copy
        lineEnded += "\n"
        var unchanged = lineEnded
        lineEnded.removeTrailingNewline()
        #expect(lineEnded.count == 103 && unchanged.count == 104)
        unchanged += "."
        var doubled = original
        doubled.append(doubled)
        #expect(doubled.text == "abcabc" && original.text == "abc")
        // Many small appends past several doublings keep every byte in order.
        var long = MarkupBuffer()
        for index in 0..<10_000 { long += index % 2 == 0 ? "<a>" : "é" }
        #expect(long.text == String(repeating: "<a>é", count: 5_000))
    }

    @Test("The placeholder search finds `{{` exactly where a substring search does")
    func placeholders() {
        for text in allStrings(of: ["{", "}", "a", "é"], upTo: 7) {
            #expect(ProseValues.mayHoldPlaceholder(text) == text.contains("{{"), "\(text.debugDescription)")
        }
    }

    @Test("Code lines split on bytes as the character split did, \\r\\n kept whole")
    func codeLines() {
        for text in allStrings(of: ["a", "\n", "\r", "\r\n", "é", "\u{301}", "\u{600}"], upTo: 5) {
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0).map(String.init)
            #expect(PageRenderer.codeLines(text).map(String.init) == expected, "\(text.debugDescription)")
        }
    }

    @Test("An info string's first word is the first piece of splitting it at spaces")
    func infoWords() {
        for info in allStrings(of: [" ", "a", "b", "\t", "é", "\u{301}"], upTo: 5) {
            #expect(Block.firstWord(of: info) == info.split(separator: " ").first ?? "", "\(info.debugDescription)")
        }
    }

    @Test("Links to notebooks are rewritten as the character rule rewrote them")
    func links() {
        func reference(_ destination: String) -> String {
            guard !destination.containsByte(UInt8(ascii: ":")) || !destination.contains("://") && !destination.hasPrefix("mailto:") else { return destination }
            let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            guard let path = parts.first, path.hasSuffix(".md") else { return destination }
            return String(path.dropLast(3)) + ".html" + (parts.count > 1 ? "#" + parts[1] : "")
        }
        for destination in allStrings(of: ["a", ".md", "#", "://", "mailto:", "é", "md", "\u{20E3}", "\u{600}"], upTo: 4) {
            #expect(PageRenderer.rewriteLink(destination) == reference(destination), "\(destination.debugDescription)")
        }
    }
}
