/// The curvature of the least-squares objective J(w, b) = (1/n) Σ (xᵢ·w + b - yᵢ)² (Keras's
/// MSE), whose Hessian is H = (c/n) X̃ᵀX̃ with c = 2 and X̃ = [X 1].
///
/// Its largest eigenvalue L is the smoothness constant: gradient descent converges for step
/// sizes below 2/L and diverges above. Its smallest eigenvalue μ is the strong-convexity
/// constant; with step 1/L the error shrinks at least like (1 - μ/L)ᵏ.
public struct LeastSquaresConditioning: Sendable, Equatable {
    /// The largest eigenvalue of the Hessian.
    public let smoothness: Double
    /// The smallest eigenvalue of the Hessian.
    public let strongConvexity: Double

    /// The largest stable step size, 2/L.
    public var stepBound: Double { 2 / smoothness }
    /// L/μ.
    public var conditionNumber: Double { smoothness / strongConvexity }
    /// The guaranteed contraction per step with step 1/L: 1 - μ/L.
    public var rate: Double { 1 - strongConvexity / smoothness }

    /// Computes L and μ by power iteration on H and on L·I - H (deterministic start vector).
    /// - Parameters:
    ///   - inputs: the design matrix X (n x d).
    ///   - includeBias: append a column of ones for the intercept (the default).
    ///   - curvature: the loss's second derivative in r: 2 for Keras's MSE, 1 for r²/2.
    /// - Throws: ``LossError/empty(argument:)`` for no samples.
    public init(inputs: Batch<Double>, includeBias: Bool = true, curvature: Double = 2) throws {
        guard inputs.rows > 0, inputs.columns + (includeBias ? 1 : 0) > 0 else {
            throw LossError.empty(argument: "inputs")
        }
        let d = inputs.columns + (includeBias ? 1 : 0)
        var h = [Double](repeating: 0, count: d * d)
        for i in 0..<inputs.rows {
            let row = Array(inputs.row(i)) + (includeBias ? [1] : [])
            for a in 0..<d {
                for b in 0..<d { h[a * d + b] += row[a] * row[b] }
            }
        }
        let scale = curvature / Double(inputs.rows)
        h = h.map { $0 * scale }
        let largest = Self.largestEigenvalue(h, dimension: d)
        var shifted = h.map { -$0 }
        for a in 0..<d { shifted[a * d + a] += largest }
        let smallest = largest - Self.largestEigenvalue(shifted, dimension: d)
        smoothness = largest
        strongConvexity = max(0, smallest)
    }

    /// Power iteration for the largest eigenvalue of a symmetric positive semi-definite matrix.
    static func largestEigenvalue(_ m: [Double], dimension d: Int) -> Double {
        var v = (0..<d).map { 1 + Double($0) / Double(d) }
        var eigenvalue = 0.0
        for _ in 0..<10_000 {
            var w = [Double](repeating: 0, count: d)
            for a in 0..<d {
                for b in 0..<d { w[a] += m[a * d + b] * v[b] }
            }
            let norm = w.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { return 0 }
            let next = zip(w, v).reduce(0) { $0 + $1.0 * $1.1 } / v.reduce(0) { $0 + $1 * $1 }
            v = w.map { $0 / norm }
            if (next - eigenvalue).magnitude <= 1e-14 * max(1, next.magnitude) {
                return next
            }
            eigenvalue = next
        }
        return eigenvalue
    }
}
