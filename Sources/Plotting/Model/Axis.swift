/// How an axis maps values to positions.
public enum Scale: String, Codable, Sendable, Equatable {
    /// Equal distances for equal differences; ticks at 1-2-5 steps.
    case linear
    /// Equal distances for equal ratios; ticks at decades. Values <= 0 are dropped with a note.
    case log
}

/// A horizontal or vertical axis.
public struct Axis: Codable, Sendable, Equatable {
    /// The axis label (for example "residual r").
    public var label: String?
    /// Linear or logarithmic.
    public var scale: Scale
    /// A fixed lower bound, or `nil` to fit the data.
    public var lower: Double?
    /// A fixed upper bound, or `nil` to fit the data.
    public var upper: Double?

    /// Creates an axis.
    public init(_ label: String? = nil, scale: Scale = .linear, lower: Double? = nil, upper: Double? = nil) {
        self.label = label
        self.scale = scale
        self.lower = lower
        self.upper = upper
    }
}
