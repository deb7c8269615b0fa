/// Draws a ``Figure`` as a standalone SVG document.
///
/// The output scales with the page (`viewBox`), carries `<title>` (its accessible name) and
/// `<desc>` (its description: what each series does) for screen readers, takes its colours from CSS custom properties (`--nb-fg`, `--nb-grid`,
/// `--nb-series-1` ...) with colour-blind-safe defaults so a page's light and dark themes both
/// read well, and tells series apart by dash and marker as well as colour. The same figure
/// always gives byte-identical SVG.
public struct SVGRenderer: Sendable {
    /// The width of the drawing in user units.
    public var width: Double
    /// The height of one row of panels.
    public var panelHeight: Double

    /// Creates a renderer.
    public init(width: Double = 720, panelHeight: Double = 360) {
        self.width = max(120, width)
        self.panelHeight = max(80, panelHeight)
    }

    /// The SVG document for `figure`. `id` prefixes every element id, so several figures can
    /// live inline on one page; use a different one for each.
    public func render(_ figure: Figure, id: String = "plot") -> String {
        let prefix = SVGText.escape(id.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        let prepared = figure.panels.map { PreparedPanel($0, xTicks: max(3, Int(width / Double(figure.columns) / 90)), yTicks: 5) }
        let titleLines = figure.title.map { SVGText.wrap($0, width: width - 16, fontSize: 15) } ?? []
        let titleHeight: Double = titleLines.isEmpty ? 0 : 30 + 18 * Double(titleLines.count - 1)
        let notes = prepared.enumerated().flatMap { index, panel in
            panel.notes.map { figure.panels.count > 1 ? "Panel \(index + 1): \($0)" : $0 }
        }
        let height = titleHeight + Double(figure.rows) * panelHeight + Double(notes.count) * 16 + (notes.isEmpty ? 0 : 6)
        var svg = SVGBuilder()
        svg.line(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"nbp\" viewBox=\"0 0 \(SVGText.number(width)) \(SVGText.number(height))\" "
                + "width=\"\(SVGText.number(width))\" height=\"\(SVGText.number(height))\" role=\"img\" "
                + "aria-labelledby=\"\(prefix)-title\" aria-describedby=\"\(prefix)-desc\">")
        svg.line("<title id=\"\(prefix)-title\">\(SVGText.escape(FigureDescription.name(figure)))</title>")
        svg.line("<desc id=\"\(prefix)-desc\">\(SVGText.escape(FigureDescription.describe(figure, prepared: prepared)))</desc>")
        svg.line(Self.style)
        for (index, line) in titleLines.enumerated() {
            svg.line("<text class=\"nbp-title\" x=\"\(SVGText.number(width / 2))\" y=\"\(SVGText.number(20 + 18 * Double(index)))\" text-anchor=\"middle\">\(SVGText.escape(line))</text>")
        }
        let cellWidth = width / Double(figure.columns)
        for (index, panel) in prepared.enumerated() {
            let column = index % figure.columns
            let row = index / figure.columns
            let frame = Frame(
                x: Double(column) * cellWidth, y: titleHeight + Double(row) * panelHeight,
                width: cellWidth, height: panelHeight)
            SVGPanelRenderer(panel: panel, frame: frame, id: "\(prefix)-\(index)", plotColumns: Int(cellWidth))
                .draw(into: &svg)
        }
        for (index, note) in notes.enumerated() {
            let y = titleHeight + Double(figure.rows) * panelHeight + 14 + Double(index) * 16
            svg.line("<text class=\"nbp-note\" x=\"8\" y=\"\(SVGText.number(y))\">Note: \(SVGText.escape(note))</text>")
        }
        svg.line("</svg>")
        return svg.text
    }

    static let style = """
        <style>
        .nbp text{font-family:var(--nb-font,system-ui,-apple-system,"Segoe UI",sans-serif);font-size:12px;fill:var(--nb-fg,#1f2328)}
        .nbp .nbp-title{font-size:15px;font-weight:600}
        .nbp .nbp-panel-title{font-size:13px;font-weight:600}
        .nbp .nbp-note{font-size:11px;font-style:italic;fill:var(--nb-muted,#59636e)}
        .nbp .nbp-axis{stroke:var(--nb-fg,#1f2328);stroke-width:1;fill:none}
        .nbp .nbp-grid{stroke:var(--nb-grid,#d8dee4);stroke-width:0.6}
        .nbp .nbp-ref{stroke:var(--nb-muted,#59636e);stroke-width:1;stroke-dasharray:5 4}
        .nbp .nbp-line{fill:none;stroke-width:2;stroke-linejoin:round;stroke-linecap:round}
        .nbp .nbp-legend{fill:var(--nb-bg,#ffffff);fill-opacity:0.85;stroke:var(--nb-grid,#d8dee4)}
        .nbp .nbp-contour{fill:none;stroke:var(--nb-contour,#ffffff);stroke-opacity:0.75;stroke-width:0.8}
        </style>
        """
}

/// A rectangle in user units.
struct Frame {
    let x, y, width, height: Double
}

/// Accumulates SVG text line by line.
struct SVGBuilder {
    private(set) var text = ""

    mutating func line(_ content: String) {
        text += content
        text += "\n"
    }
}
