import Plotting

/// A figure on a page, drawn twice: for wide screens, and for phones in one column at the width
/// of a phone's screen, so its labels stay at least 11 CSS px there instead of shrinking with a
/// wide drawing. The stylesheet shows one of the two; the hidden one is out of the
/// accessibility tree.
enum FigureHTML {
    /// The width of the phone drawing, in user units (CSS px at 1:1).
    static let narrowWidth: Double = 340
    /// The height of each of its panels.
    static let narrowPanelHeight: Double = 250

    /// Both drawings of `figure`, their element ids prefixed by `id` and `id-narrow`.
    static func render(_ figure: Figure, id: String) -> String {
        let wide = SVGRenderer().render(figure, id: id)
        var stacked = figure
        stacked.columns = 1
        let narrow = SVGRenderer(width: narrowWidth, panelHeight: narrowPanelHeight).render(stacked, id: id + "-narrow")
        return "<div class=\"plot-wide\">\n\(wide)</div>\n<div class=\"plot-narrow\">\n\(narrow)</div>\n"
    }
}
