/// How a series is drawn.
public enum SeriesKind: String, Codable, Sendable, Equatable {
    /// Points joined by straight segments.
    case line
    /// Points alone, with a marker.
    case scatter
    /// A staircase: horizontal to the next x, then vertical.
    case step
}

/// A sequence of (x, y) points with a label.
public struct Series: Codable, Sendable, Equatable {
    /// The name shown in the legend; empty for none.
    public var label: String
    /// Line, scatter or step.
    public var kind: SeriesKind
    /// The x coordinates.
    public var x: [Double]
    /// The y coordinates (as many as `x`; extra elements of either are ignored).
    public var y: [Double]

    /// Creates a series from coordinates.
    public init(_ label: String = "", kind: SeriesKind = .line, x: [Double], y: [Double]) {
        self.label = label
        self.kind = kind
        self.x = x
        self.y = y
    }

    /// A series with x = 0, 1, 2, ... (a training curve by step).
    public init(_ label: String = "", kind: SeriesKind = .line, y: [Double]) {
        self.init(label, kind: kind, x: y.indices.map(Double.init), y: y)
    }

    /// A function sampled at `count` evenly spaced points of `range`.
    public init(
        _ label: String = "", kind: SeriesKind = .line, sampling function: (Double) -> Double,
        over range: ClosedRange<Double>, count: Int = 201
    ) {
        let n = max(2, count)
        let xs = (0..<n).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(n - 1) }
        self.init(label, kind: kind, x: xs, y: xs.map(function))
    }
}
