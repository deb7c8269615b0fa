/// A function of two variables on a grid, drawn as a colour (or character) map with contour lines:
/// a loss surface over two parameters, with gradient-descent paths drawn on top as series.
public struct HeatMap: Codable, Sendable, Equatable {
    /// How the grid is drawn.
    public enum Style: String, Codable, Sendable, Equatable {
        /// Filled cells with a colour bar.
        case filled
        /// Contour lines only (marching squares).
        case contours
        /// Filled cells and contour lines.
        case both
    }

    /// The grid's x coordinates, increasing.
    public var x: [Double]
    /// The grid's y coordinates, increasing.
    public var y: [Double]
    /// The values, row by row: `values[j * x.count + i]` is the value at (x[i], y[j]).
    public var values: [Double]
    /// How to draw it.
    public var style: Style
    /// The name of the value shown beside the colour bar (for example "loss").
    public var label: String?
    /// Draw the values on a log scale (for loss surfaces spanning decades); values <= 0 are skipped.
    public var logValues: Bool

    /// A heat map from explicit grid values.
    public init(
        x: [Double], y: [Double], values: [Double], style: Style = .both, label: String? = nil, logValues: Bool = false
    ) {
        self.x = x
        self.y = y
        self.values = values
        self.style = style
        self.label = label
        self.logValues = logValues
    }

    /// A heat map of `function` sampled on a `resolution` x `resolution` grid.
    public init(
        sampling function: (Double, Double) -> Double, x xRange: ClosedRange<Double>, y yRange: ClosedRange<Double>,
        resolution: Int = 60, style: Style = .both, label: String? = nil, logValues: Bool = false
    ) {
        let n = max(2, resolution)
        let xs = (0..<n).map { xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * Double($0) / Double(n - 1) }
        let ys = (0..<n).map { yRange.lowerBound + (yRange.upperBound - yRange.lowerBound) * Double($0) / Double(n - 1) }
        var values: [Double] = []
        values.reserveCapacity(n * n)
        for yv in ys {
            for xv in xs { values.append(function(xv, yv)) }
        }
        self.init(x: xs, y: ys, values: values, style: style, label: label, logValues: logValues)
    }

    /// Whether the grid is well formed (values fill it exactly).
    public var isWellFormed: Bool {
        x.count >= 2 && y.count >= 2 && values.count == x.count * y.count
    }
}
