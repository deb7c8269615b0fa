/// The answer of `notebook loss`: the reduced loss and its gradient with respect to y_pred.
public struct LossReport: Sendable, Equatable {
    /// The loss: one number, or one per sample for reduction `none`.
    public enum Value: Sendable, Equatable {
        /// A reduced loss.
        case scalar(Double)
        /// Per-sample losses.
        case perSample([Double])
    }

    /// The loss.
    public let loss: Value
    /// The gradient, row by row (one row for a 1-D y_pred).
    public let gradient: [[Double]]
    /// Whether y_pred was 2-D, so the gradient prints as 2-D.
    public let gradientIsMatrix: Bool

    /// The report as one JSON object: `{"loss": ..., "gradient": [...]}`. Non-finite numbers,
    /// which JSON cannot hold, are the strings "Infinity", "-Infinity" and "NaN".
    public var json: String {
        "{\"loss\": \(format(loss)), \"gradient\": \(formatGradient())}"
    }

    /// The report as two lines of text.
    public var text: String {
        "loss: \(format(loss))\ngradient: \(formatGradient())"
    }

    private func format(_ value: Value) -> String {
        switch value {
        case let .scalar(number): return Self.format(number)
        case let .perSample(numbers): return Self.format(numbers)
        }
    }

    private func formatGradient() -> String {
        gradientIsMatrix
            ? "[" + gradient.map { Self.format($0) }.joined(separator: ", ") + "]"
            : Self.format(gradient.first ?? [])
    }

    static func format(_ numbers: [Double]) -> String {
        "[" + numbers.map { format($0) }.joined(separator: ", ") + "]"
    }

    /// Shortest round-trip decimal form (Swift's `description`), so output is exact and stable.
    static func format(_ number: Double) -> String {
        if number.isNaN { return "\"NaN\"" }
        if number.isInfinite { return number > 0 ? "\"Infinity\"" : "\"-Infinity\"" }
        return number == 0 ? "0.0" : "\(number)"
    }
}
