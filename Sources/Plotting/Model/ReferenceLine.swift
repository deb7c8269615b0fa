/// A straight line across the whole panel, such as x = δ or y = 0.
public struct ReferenceLine: Codable, Sendable, Equatable {
    /// Which way the line runs.
    public enum Orientation: String, Codable, Sendable, Equatable {
        /// x = value.
        case vertical
        /// y = value.
        case horizontal
    }

    /// Which way the line runs.
    public var orientation: Orientation
    /// Where it crosses its axis.
    public var value: Double
    /// A short label drawn at its end.
    public var label: String?

    /// A vertical line x = `x`.
    public static func vertical(_ x: Double, label: String? = nil) -> ReferenceLine {
        ReferenceLine(orientation: .vertical, value: x, label: label)
    }

    /// A horizontal line y = `y`.
    public static func horizontal(_ y: Double, label: String? = nil) -> ReferenceLine {
        ReferenceLine(orientation: .horizontal, value: y, label: label)
    }
}
