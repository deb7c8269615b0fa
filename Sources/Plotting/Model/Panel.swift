/// One plot: axes, series, reference lines, annotations and an optional heat map underneath.
public struct Panel: Codable, Sendable, Equatable {
    /// The panel's title.
    public var title: String?
    /// The horizontal axis.
    public var x: Axis
    /// The vertical axis.
    public var y: Axis
    /// The series, drawn in order (later on top).
    public var series: [Series]
    /// Horizontal and vertical reference lines (for example x = ±δ).
    public var referenceLines: [ReferenceLine]
    /// Marked points with text.
    public var annotations: [Annotation]
    /// A function of two variables drawn under the series (a loss surface).
    public var heatMap: HeatMap?
    /// Whether to draw a legend (only series with labels appear in it).
    public var showsLegend: Bool

    /// Creates a panel.
    public init(
        title: String? = nil, x: Axis = Axis(), y: Axis = Axis(), series: [Series] = [],
        referenceLines: [ReferenceLine] = [], annotations: [Annotation] = [], heatMap: HeatMap? = nil,
        showsLegend: Bool = true
    ) {
        self.title = title
        self.x = x
        self.y = y
        self.series = series
        self.referenceLines = referenceLines
        self.annotations = annotations
        self.heatMap = heatMap
        self.showsLegend = showsLegend
    }
}
