/// Draws a ``Figure`` as text for terminals, logs and CI: axes, tick labels, legend and title
/// on a character canvas.
///
/// `.ascii` uses only printable ASCII, safe anywhere; `.unicode` draws lines with braille dots
/// (2 x 4 per character) for finer resolution and box-drawing axes. Heat maps use the ramp
/// ` .:-=+*#%@`, with trajectories drawn on top. The same figure always gives the same text.
public struct ASCIIRenderer: Sendable {
    /// Plain ASCII or Unicode.
    public enum Mode: String, Sendable, CaseIterable {
        /// Printable ASCII only.
        case ascii
        /// Braille dots and box drawing.
        case unicode
    }

    /// Characters per line for the whole figure.
    public var width: Int
    /// Rows of the plotting area of each panel.
    public var height: Int
    /// ASCII or Unicode.
    public var mode: Mode

    /// Creates a renderer.
    public init(width: Int = 72, height: Int = 16, mode: Mode = .ascii) {
        self.width = max(24, width)
        self.height = max(4, height)
        self.mode = mode
    }

    /// The figure as lines of text joined by newlines (with a final newline).
    public func render(_ figure: Figure) -> String {
        let gap = 3
        // Panels side by side as the figure asks, but no narrower than 20 columns: in a narrow
        // terminal they wrap onto more rows (one column at the least) instead of running past it.
        let columns = max(1, min(figure.columns, (width + gap) / (Self.minimumPanelWidth + gap)))
        let rows = max(1, (figure.panels.count + columns - 1) / columns)
        let panelWidth = max(Self.minimumPanelWidth, (width - gap * (columns - 1)) / columns)
        var lines: [String] = []
        if let title = figure.title {
            let drawn = min(width, panelWidth * columns + gap * (columns - 1))
            for line in WordWrap.lines(title, width: drawn) { lines.append(Self.center(line, width: drawn)) }
        }
        var notes: [String] = []
        for row in 0..<rows {
            let start = row * columns
            let panels = figure.panels[start..<min(figure.panels.count, start + columns)]
            let blocks = panels.enumerated().map { offset, panel -> [String] in
                let prepared = PreparedPanel(panel, xTicks: max(2, panelWidth / 12), yTicks: max(3, height / 3))
                for note in prepared.notes {
                    notes.append(figure.panels.count > 1 ? "Panel \(start + offset + 1): \(note)" : note)
                }
                return ASCIIPanelRenderer(panel: prepared, width: panelWidth, height: height, mode: mode).lines()
            }
            // Index loops: in a debug build (snippets) a `map` per line looks up generic metadata.
            var depth = 0
            for block in blocks { depth = max(depth, block.count) }
            let separator = String(repeating: " ", count: gap)
            var lineIndex = 0
            while lineIndex < depth {
                var line = ""
                var b = 0
                while b < blocks.count {
                    if b > 0 { line += separator }
                    line += Self.pad(lineIndex < blocks[b].count ? blocks[b][lineIndex] : "", to: panelWidth)
                    b += 1
                }
                lines.append(Self.trimTrailing(line))
                lineIndex += 1
            }
            if row < rows - 1 { lines.append("") }
        }
        for note in notes { lines += WordWrap.lines(note, width: width, first: "Note: ", indent: "  ") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The narrowest a panel is drawn.
    static let minimumPanelWidth = 20

    static func pad(_ text: String, to width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }

    static func center(_ text: String, width: Int) -> String {
        let clipped = String(text.prefix(width))
        return String(repeating: " ", count: max(0, (width - clipped.count) / 2)) + clipped
    }

    static func trimTrailing(_ text: String) -> String {
        var result = text
        while result.last == " " { result.removeLast() }
        return result
    }
}
