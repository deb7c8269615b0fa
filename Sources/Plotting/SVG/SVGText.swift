/// Escaping and number formatting for SVG output.
enum SVGText {
    /// Text safe inside an element or a quoted attribute.
    static func escape(_ text: String) -> String {
        Markup.escape(text)
    }

    /// A coordinate with at most two decimals and no trailing zeros ("12.5", "3", "-0.25").
    static func number(_ value: Double) -> String {
        NumberFormat.trimZeros(NumberFormat.fixed(value, decimals: 2))
    }
}
