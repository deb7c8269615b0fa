/// A convexity check of a pointwise loss by sampling: the second derivative is never negative
/// where it exists, and the midpoint inequality L((a+b)/2) <= (L(a) + L(b))/2 holds for every
/// pair of sample points. Sampling can refute convexity, never prove it; on the losses the
/// notebooks use, a grid of a few hundred points finds every violation that matters.
public struct ConvexityReport: Sendable, Equatable, CustomStringConvertible {
    /// No violation was found.
    public let isConvex: Bool
    /// The most negative second derivative seen (0 if none was negative).
    public let mostNegativeCurvature: Double
    /// Where it was seen.
    public let curvaturePoint: Double?
    /// The largest excess of L((a+b)/2) over (L(a) + L(b))/2 (0 if none).
    public let largestMidpointViolation: Double
    /// The pair (a, b) where that happened.
    public let violatingPair: [Double]?

    public var description: String {
        if isConvex { return "convex on the sampled range" }
        if let pair = violatingPair {
            return "not convex: L((a+b)/2) exceeds the chord by \(largestMidpointViolation) at a = \(pair[0]), b = \(pair[1])"
        }
        return "not convex: L'' = \(mostNegativeCurvature) at \(curvaturePoint ?? .nan)"
    }

    /// Samples `loss` (for a fixed target) at `samples` evenly spaced predictions in `range`.
    public static func of<L: ElementwiseLoss>(
        _ loss: L, over range: ClosedRange<Double> = -10...10, samples: Int = 201, target: Double = 0,
        tolerance: Double = 1e-9
    ) -> ConvexityReport {
        let n = max(3, samples)
        let step = (range.upperBound - range.lowerBound) / Double(n - 1)
        let points = (0..<n).map { range.lowerBound + Double($0) * step }
        let values = points.map { loss.value(target: target, prediction: $0) }
        var curvature = 0.0
        var curvatureAt: Double?
        for x in points {
            if let second = loss.secondDerivative(target: target, prediction: x), second < curvature {
                curvature = second
                curvatureAt = x
            }
        }
        var violation = 0.0
        var pair: [Double]?
        // (a + b)/2 of two grid points an even number of steps apart is a grid point, whose value
        // is already in `values`.
        for i in 0..<n {
            var j = i + 2
            while j < n {
                defer { j += 2 }
                let middle = values[(i + j) / 2]
                let chord = (values[i] + values[j]) / 2
                let excess = middle - chord
                if excess > violation + tolerance * max(1, chord.magnitude) {
                    violation = excess
                    pair = [points[i], points[j]]
                }
            }
        }
        let convex = curvature >= -tolerance && pair == nil
        return ConvexityReport(
            isConvex: convex, mostNegativeCurvature: curvature, curvaturePoint: curvatureAt,
            largestMidpointViolation: violation, violatingPair: pair)
    }
}
