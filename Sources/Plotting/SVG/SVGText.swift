/// Escaping and number formatting for SVG output.
enum SVGText {
    /// Text safe inside an element or a quoted attribute.
    static func escape(_ text: String) -> String {
        Markup.escape(text)
    }

    /// A coordinate with at most two decimals and no trailing zeros ("12.5", "3", "-0.25"): what
    /// `NumberFormat.trimZeros(NumberFormat.fixed(value, decimals: 2))` gives, written from the
    /// whole number of hundredths at once, since an SVG has a number per coordinate.
    static func number(_ value: Double) -> String {
        let scaled = (value * 100).rounded()
        guard value.isFinite, scaled.magnitude < 9e15 else { return NumberFormat.trimZeros(NumberFormat.fixed(value, decimals: 2)) }
        let hundredths = Int64(scaled)
        if hundredths == 0 { return "0" }
        let magnitude = hundredths.magnitude
        var text = hundredths < 0 ? "-" : ""
        text += String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        return text
    }
}

extension SVGText {
    /// The average advance of a character in the plots' sans-serif fonts, as a fraction of the
    /// font size (bold titles included), for fitting text that SVG will not wrap by itself.
    static let averageAdvance = 0.58

    /// `text` broken at spaces into lines that fit `width` user units at `fontSize`; a word
    /// longer than a line stays whole.
    static func wrap(_ text: String, width: Double, fontSize: Double) -> [String] {
        let lines = WordWrap.lines(text, width: max(8, Int(width / (fontSize * averageAdvance))))
        return lines == [""] ? [] : lines
    }
}
