import LossCore
import Support

/// Whether `a` and `b` agree to `tolerance`: relative for large numbers, absolute near zero
/// (the project's one meaning of approximately equal, ``Tolerance/mixed(_:)``).
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    Tolerance.mixed(tolerance).accepts(a, b)
}

func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-12) -> Bool {
    Tolerance.mixed(tolerance).accepts(a, b)
}

/// Evenly spaced points, for sweeping a function.
func grid(_ lower: Double, _ upper: Double, count: Int) -> [Double] {
    (0..<count).map { lower + (upper - lower) * Double($0) / Double(count - 1) }
}

/// The central finite-difference gradient of `f` with respect to each element of `x`.
func numericGradient(_ x: [Double], step: Double = 1e-6, _ f: ([Double]) -> Double) -> [Double] {
    x.indices.map { i in
        var plus = x
        var minus = x
        let h = step * max(1, abs(x[i]))
        plus[i] += h
        minus[i] -= h
        return (f(plus) - f(minus)) / (2 * h)
    }
}

/// Random points from LossCore's own seeded generator (property tests stay reproducible).
func randomPoints(_ count: Int, in range: ClosedRange<Double>, seed: UInt64) -> [Double] {
    var random = Xoshiro256(seed: seed)
    return (0..<count).map { _ in random.uniform(range.lowerBound, range.upperBound) }
}

/// The text of the error `body` throws, or nil when it does not throw.
func errorText<R>(_ body: () throws -> R) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        return "\(error)"
    }
}
