import Foundation
import Plotting
import Testing
@testable import NotebookKit

@Suite("Math: TeX subset to MathML and Unicode")
struct MathTests {
    func mathML(_ tex: String, display: Bool = false) throws -> String {
        var html = MarkupBuffer()
        MathMLRenderer.element(try TeXParser.parse(tex, display: display), into: &html)
        return html.text
    }

    func unicode(_ tex: String) -> String { Formula.unicode(tex) }

    @Test("Each construct", arguments: [
        ("x^2", "<msup><mi>x</mi><mrow><mn>2</mn></mrow></msup>"),
        ("r_i", "<msub><mi>r</mi><mrow><mi>i</mi></mrow></msub>"),
        ("x_i^2", "<msubsup><mi>x</mi><mrow><mi>i</mi></mrow><mrow><mn>2</mn></mrow></msubsup>"),
        ("\\frac{a}{b}", "<mfrac><mrow><mi>a</mi></mrow><mrow><mi>b</mi></mrow></mfrac>"),
        ("\\sqrt{x}", "<msqrt><mi>x</mi></msqrt>"),
        ("\\sqrt[3]{x}", "<mroot><mrow><mi>x</mi></mrow><mrow><mn>3</mn></mrow></mroot>"),
        ("\\log x", "<mrow><mi>log</mi><mi>x</mi></mrow>"),
        ("\\operatorname{sign}(r)", "<mrow><mi>sign</mi><mo>(</mo><mi>r</mi><mo>)</mo></mrow>"),
        ("\\delta \\Sigma", "<mrow><mi>δ</mi><mi>Σ</mi></mrow>"),
        ("\\partial L / \\partial w", "<mrow><mi>∂</mi><mi>L</mi><mo>/</mo><mi>∂</mi><mi>w</mi></mrow>"),
        ("\\nabla J", "<mrow><mi>∇</mi><mi>J</mi></mrow>"),
        ("a \\cdot b \\times c", "<mrow><mi>a</mi><mo>⋅</mo><mi>b</mi><mo>×</mo><mi>c</mi></mrow>"),
        ("a \\le b \\ge c \\ne d \\approx e", "<mrow><mi>a</mi><mo>≤</mo><mi>b</mi><mo>≥</mo><mi>c</mi><mo>≠</mo><mi>d</mi><mo>≈</mo><mi>e</mi></mrow>"),
        ("w \\in \\mathbb{R}", "<mrow><mi>w</mi><mo>∈</mo><mi>ℝ</mi></mrow>"),
        ("\\left| r \\right|", "<mrow><mo fence=\"true\" stretchy=\"true\">|</mo><mi>r</mi><mo fence=\"true\" stretchy=\"true\">|</mo></mrow>"),
        ("\\text{if } x", "<mrow><mtext>if\u{00A0}</mtext><mi>x</mi></mrow>"),
        ("1 - 0.5", "<mrow><mn>1</mn><mo>−</mo><mn>0.5</mn></mrow>"),
        // An unbraced argument is one token, as in TeX: one digit of a number.
        ("\\tfrac12", "<mfrac><mrow><mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac>"),
        ("x^23", "<mrow><msup><mi>x</mi><mrow><mn>2</mn></mrow></msup><mn>3</mn></mrow>"),
        ("x^{23}", "<msup><mi>x</mi><mrow><mn>23</mn></mrow></msup>"),
    ])
    func constructs(tex: String, expected: String) throws {
        #expect(try mathML(tex) == expected)
    }

    @Test("Letters, digits and accents beyond ASCII are read as whole characters", arguments: [
        ("é", "<mi>é</mi>"),
        // A letter and a combining accent are one character, so one identifier.
        ("x\u{0302}", "<mi>x\u{0302}</mi>"),
        ("e\u{0301} + 1", "<mrow><mi>e\u{0301}</mi><mo>+</mo><mn>1</mn></mrow>"),
        // Arabic-Indic digits are numbers.
        ("\u{0663}\u{0664}", "<mn>\u{0663}\u{0664}</mn>"),
        ("x^\u{0663}", "<msup><mi>x</mi><mrow><mn>\u{0663}</mn></mrow></msup>"),
        ("a\u{00A0}b", "<mrow><mi>a</mi><mi>b</mi></mrow>"),
        // A letter is what Character.isLetter says: alphabetic, circled letters included.
        ("x + \u{24B6}", "<mrow><mi>x</mi><mo>+</mo><mi>\u{24B6}</mi></mrow>"),
        // A space with a combining mark is one character, white space, skipped.
        ("x \u{0301}y", "<mrow><mi>x</mi><mi>y</mi></mrow>"),
        // Decomposed Hangul is one character, one identifier.
        ("\u{1112}\u{1161}\u{11AB}", "<mi>\u{1112}\u{1161}\u{11AB}</mi>"),
    ])
    func beyondASCII(tex: String, expected: String) throws {
        #expect(try mathML(tex) == expected)
    }

    @Test("An unexpected character is named whole in the error; a mark joined to a delimiter makes it no delimiter")
    func unexpectedCharacter() {
        #expect(throws: TeXParser.Failure(message: "unexpected character '@\u{0301}'")) { try TeXParser.parse("x @\u{0301}", display: false) }
        #expect(throws: TeXParser.Failure(message: "unexpected character '.\u{0301}'")) { try TeXParser.parse(".\u{0301}", display: false) }
        #expect(throws: TeXParser.Failure(message: "unknown command \\\r\n")) { try TeXParser.parse("\\\r\n", display: false) }
    }

    @Test("Speech finds a symbol by canonical equivalence, as a string key did")
    func speechEquivalence() throws {
        // Ω typed as the ohm sign (U+2126) is the Greek capital omega (U+03A9).
        #expect(MathSpeech.render(try TeXParser.parse("\u{2126} + x", display: false)) == "capital omega plus x")
        #expect(MathSpeech.render(try TeXParser.parse("\u{03A9}", display: false)) == "capital omega")
    }

    @Test("\\big and its relatives draw their delimiter at a fixed height")
    func sizedDelimiters() throws {
        #expect(try mathML("\\big( x \\bigr)") == "<mrow><mo stretchy=\"true\" symmetric=\"true\" minsize=\"1.2em\" maxsize=\"1.2em\">(</mo><mi>x</mi><mo stretchy=\"true\" symmetric=\"true\" minsize=\"1.2em\" maxsize=\"1.2em\">)</mo></mrow>")
        #expect(try mathML("\\Bigg|").contains("minsize=\"3em\""))
        #expect(unicode("\\Big[ a \\Big]") == "[a]")
    }

    @Test("Sums and products take their limits under and over in display math")
    func limits() throws {
        #expect(try mathML("\\sum_{i=1}^n x_i", display: true).hasPrefix("<mrow><munderover><mo largeop=\"true\" movablelimits=\"true\">∑</mo>"))
        #expect(try mathML("\\prod_i p_i", display: false).hasPrefix("<mrow><msub><mo largeop=\"true\" movablelimits=\"true\">∏</mo>"))
        #expect(try mathML("\\max_w J", display: true).hasPrefix("<mrow><munder><mi>max</mi>"))
    }

    @Test("Huber's definition with cases")
    func cases() throws {
        let tex = "L_\\delta(r) = \\begin{cases} \\frac{1}{2} r^2 & \\text{if } |r| \\le \\delta \\\\ \\delta \\left(|r| - \\frac{1}{2}\\delta\\right) & \\text{otherwise} \\end{cases}"
        let html = try mathML(tex, display: true)
        #expect(html.contains("<mtable><mtr><mtd"))
        #expect(html.components(separatedBy: "<mtr>").count == 3)
        #expect(html.contains("<mtext>otherwise</mtext>"))
        #expect(unicode(tex) == "L_δ(r) = { 1/2r²  if |r| ≤ δ;  δ(|r| − 1/2δ)  otherwise")
    }

    @Test("Unicode for the walkthrough", arguments: [
        ("x^2 + r_i", "x² + rᵢ"),
        ("\\sum_{i=1}^{n} r_i^2", "∑ᵢ₌₁ⁿrᵢ²"),
        ("\\delta", "δ"),
        ("\\left\\| r \\right\\|_2", "‖r‖₂"),
        ("\\sqrt{1 + (r/\\delta)^2}", "√(1 + (r/δ)²)"),
        ("e^{-2|r|}", "e^(−2|r|)"),
    ])
    func unicodeText(tex: String, expected: String) {
        #expect(unicode(tex) == expected)
    }

    @Test("Speech for screen readers without MathML", arguments: [
        ("\\frac{1}{2} r^2", "1 half r squared"),
        ("L_\\delta(r) = \\begin{cases} \\frac{1}{2} r^2 & \\text{if } |r| \\le \\delta \\\\ \\delta \\left(|r| - \\frac{1}{2}\\delta\\right) & \\text{otherwise} \\end{cases}",
         "L sub delta of r, equals cases: 1 half r squared, if the absolute value of r, is at most delta; delta the quantity the absolute value of r, minus 1 half delta, otherwise; end cases"),
        ("\\sum_{i=1}^{n} r_i^2", "the sum over i equals 1 to n of r sub i squared"),
        ("\\frac{a + b}{n}", "the fraction a plus b, over n, end fraction"),
        ("\\sqrt{1 + (r/\\delta)^2}", "the square root of 1 plus the quantity r over delta, squared, end root"),
        ("\\hat{y} - y", "y hat minus y"),
        ("e^{-2|r|}", "e to the power minus 2 the absolute value of r, end power"),
        ("\\log(1 + e^{-z})", "log of 1 plus e to the power minus z, end power"),
        ("x^T w", "x transpose w"),
        ("\\left\\| w \\right\\|_2^2", "the norm of w, sub 2 squared"),
    ])
    func speech(tex: String, expected: String) throws {
        let spoken = MathSpeech.render(try TeXParser.parse(tex, display: false))
        #expect(spoken == expected)
    }

    @Test("Speech is tidied in one pass as the split, join and replace it stands for would tidy it")
    func speechTidy() {
        // The rule written out with Foundation: one space between words, none before a comma,
        // commas collapsed, no comma at the end.
        func reference(_ words: String) -> String {
            var text = words.split(separator: " ").joined(separator: " ").replacingOccurrences(of: " ,", with: ",")
            while text.contains(",,") { text = text.replacingOccurrences(of: ",,", with: ",") }
            if text.hasSuffix(",") { text.removeLast() }
            return text
        }
        // Every string of up to six pieces from both separators, a letter and a two-byte
        // letter: 5,461 cases.
        let cases = allStrings(of: [" ", ",", "a", "δ"], upTo: 6)
        #expect(cases.count == 5_461)
        for words in cases {
            #expect(MathSpeech.tidy(words) == reference(words), "\(words.debugDescription)")
        }
    }

    @Test("A formula carries its speech as aria-label and alttext")
    func speechOnPage() {
        let html = Formula.html("\\frac{1}{2} r^2", display: true)
        #expect(html.hasPrefix("<math display=\"block\" alttext=\"1 half r squared\" aria-label=\"1 half r squared\">"))
    }

    @Test("Errors name the problem", arguments: [
        ("\\frc{a}{b}", "unknown command \\frc; did you mean '\\frac'?"),
        ("{a", "missing '}': the braces are unbalanced"),
        ("a}", "unbalanced '}': no '{' opens it"),
        ("\\left( a", "missing \\right to close \\left"),
        ("x^", "'^' needs something after it"),
        ("x^a^b", "double superscript; use braces: x^{ab}"),
        ("a & b", "'&' outside \\begin{cases}"),
        ("\\begin{matrix} a \\end{matrix}", "unknown environment 'matrix'; expected cases"),
        ("\\bug( x", "unknown command \\bug; did you mean '\\big'?"),
        ("\\qux", "unknown command \\qux"),
        ("\\big x", "\\big needs a delimiter such as ( or |, not 'x'"),
    ])
    func errors(tex: String, message: String) {
        #expect(throws: TeXParser.Failure(message: message)) { try TeXParser.parse(tex, display: false) }
    }

    @Test("Notebooks: $...$, $$...$$, math fences, prices and \\$ follow GitHub's rules")
    func extraction() throws {
        let document = try parseNotebook("""
            The loss $L(r) = r^2$ costs $5 and $10, not \\$x\\$.
            A price of $300k and $400k is text; `$code$` too.

            $$
            \\sum_{i=1}^n r_i^2
            $$

            ```math
            \\frac{1}{n}
            ```

            After $a_1 * b_2$ and *emphasis*.
            """, path: "Notebooks/m.md")
        guard case let .paragraph(first, 1) = document.blocks[0] else {
            Issue.record("expected a paragraph")
            return
        }
        #expect(first.contains(.math("L(r) = r^2", display: false, line: 1)))
        let text = Inline.plainText(first)
        #expect(text.contains("costs $5 and $10, not $x$."))
        #expect(text.contains("A price of $300k and $400k is text;"))
        #expect(first.contains(.code("$code$")))
        #expect(document.blocks[1] == .math("\n\\sum_{i=1}^n r_i^2\n", line: 4))
        #expect(document.blocks[2] == .math("\\frac{1}{n}\n", line: 9))
        guard case let .paragraph(last, 12) = document.blocks[3] else {
            Issue.record("expected the last paragraph at line 12: \(document.blocks[3])")
            return
        }
        #expect(last.contains(.math("a_1 * b_2", display: false, line: 12)))
        #expect(last.contains(.emphasis([.text("emphasis")])))
    }

    @Test("Formulas next to letters beyond ASCII, and CRLF line ends, as GitHub reads them")
    func extractionBeyondASCII() throws {
        let document = try parseNotebook("Él dijo $δ_1$ ñ and $x$² is text.\r\nNext $y$ line.\r\n", path: "Notebooks/m.md")
        guard case let .paragraph(inlines, 1) = document.blocks[0] else {
            Issue.record("expected a paragraph: \(document.blocks)")
            return
        }
        #expect(inlines.contains(.math("δ_1", display: false, line: 1)))
        #expect(inlines.contains(.math("y", display: false, line: 2)))
        #expect(Inline.plainText(inlines).contains("and $x$² is text."), "a closing $ before a digit is text")
    }

    @Test("A bad formula is a problem with file:line, and the page marks it")
    func problems() throws {
        let document = try parseNotebook("Fine $x^2$.\n\nBad $\\frc{1}{2}$ here.\n", path: "Notebooks/m.md")
        #expect(Formula.problems(in: document).map(\.description)
            == ["Notebooks/m.md:3: math: unknown command \\frc; did you mean '\\frac'? in '\\frc{1}{2}'"])
        #expect(Formula.html("\\frc{1}{2}", display: false).hasPrefix("<span class=\"math-error\" title=\"unknown command \\frc"))
    }
}
