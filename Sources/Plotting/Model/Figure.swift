/// A figure: one or more panels (small multiples) under an optional title.
///
/// A figure is a plain value: it describes *what* to draw, once, and the ``SVGRenderer`` and
/// ``ASCIIRenderer`` draw it for pages and terminals. It is `Codable`, so a snippet can hand it
/// to the notebook runner as data.
public struct Figure: Codable, Sendable, Equatable {
    /// The title above all panels.
    public var title: String?
    /// The panels, laid out left to right, top to bottom.
    public var panels: [Panel]
    /// Panels per row (a row of three for Huber's loss / derivative / second derivative).
    public var columns: Int

    /// A figure of several panels in a grid with `columns` panels per row.
    public init(title: String? = nil, panels: [Panel], columns: Int? = nil) {
        self.title = title
        self.panels = panels
        self.columns = max(1, columns ?? panels.count)
    }

    /// A figure with a single panel; the figure's title is the panel's.
    public init(_ panel: Panel) {
        title = panel.title
        var untitled = panel
        untitled.title = nil
        panels = [untitled]
        columns = 1
    }

    /// The number of panel rows.
    public var rows: Int { max(1, (panels.count + columns - 1) / columns) }
}
