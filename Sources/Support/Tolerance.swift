import RealModule

/// What "approximately equal" means here, in one place: numbers agree when they are equal, or
/// finite and within the larger of an absolute and a relative bound,
/// |a − b| ≤ max(absolute, relative · max(|a|, |b|)). The comparison is swift-numerics'
/// `isApproximatelyEqual(to:absoluteTolerance:relativeTolerance:norm:)`.
public struct Tolerance: Sendable, Equatable {
    /// The bound on |a − b| near zero.
    public var absolute: Double
    /// The bound on |a − b| as a fraction of the larger magnitude (at most 1).
    public var relative: Double

    /// A tolerance; `relative` is capped at 1 (a larger one would accept numbers of opposite sign).
    public init(absolute: Double = 0, relative: Double) {
        self.absolute = max(0, absolute.isFinite ? absolute : 0)
        self.relative = min(1, max(0, relative.isFinite ? relative : 0))
    }

    /// Relative near large numbers and absolute near zero, both `tolerance` (for tests of
    /// computed values against references).
    public static func mixed(_ tolerance: Double) -> Tolerance {
        Tolerance(absolute: tolerance, relative: tolerance)
    }

    /// Whether `a` and `b` agree within this tolerance.
    public func accepts(_ a: Double, _ b: Double) -> Bool {
        a.isApproximatelyEqual(to: b, absoluteTolerance: absolute, relativeTolerance: relative, norm: \.magnitude)
    }

    /// Whether two arrays have the same length and agree element by element.
    public func accepts(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { accepts($0, $1) }
    }
}
