/// Text broken at spaces into lines of a given width: the one word-wrapping rule of every
/// renderer (SVG titles, ASCII figure notes, the terminal walkthrough's prose and tables).
public enum WordWrap {
    /// `text` broken at spaces into lines at most `width` wide as `measure` counts, the first
    /// line starting with `first` and the others with `indent`. Newlines in `text` count as
    /// spaces; a word wider than a line stays whole on a line of its own. Empty text gives one
    /// line, `first`.
    public static func lines(_ text: String, width: Int, first: String = "", indent: String = "",
                             measure: (Substring) -> Int = { $0.count }) -> [String] {
        var lines: [String] = []
        var line = first
        var lineWidth = measure(Substring(first))
        var empty = true
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                let wordWidth = measure(word)
                if !empty, lineWidth + 1 + wordWidth > width {
                    lines.append(line)
                    line = indent
                    lineWidth = measure(Substring(indent))
                    empty = true
                }
                if !empty {
                    line += " "
                    lineWidth += 1
                }
                line += word
                lineWidth += wordWidth
                empty = false
            }
        }
        lines.append(line)
        return lines
    }
}
