/// A penalty on a model's weights, added to the loss: λΣ|wᵢ| (L1, lasso) or λΣwᵢ² (L2, ridge,
/// Keras's form). Biases are never penalised.
public enum Penalty: Sendable, Equatable {
    /// No penalty.
    case none
    /// λ Σ|wᵢ|. Its subgradient at wᵢ = 0 is taken as 0, so plain gradient descent oscillates
    /// around zero; an ``Optimizer`` with `proximalL1` sets such weights exactly to zero.
    case l1(Double)
    /// λ Σwᵢ² (Keras's `L2` regulariser: no factor 1/2), gradient 2λw.
    case l2(Double)

    /// The penalty's strength λ.
    public var lambda: Double {
        switch self {
        case .none: return 0
        case let .l1(lambda), let .l2(lambda): return lambda
        }
    }

    /// Checks λ >= 0 and finite.
    /// - Throws: ``LossError/invalidParameter(name:value:expected:)``.
    public func validated() throws -> Penalty {
        guard lambda.isFinite, lambda >= 0 else {
            throw LossError.invalidParameter(name: "lambda", value: "\(lambda)", expected: "a finite number >= 0")
        }
        return self
    }

    /// The penalty's value at weights `w`.
    @inlinable
    public func value<T: LossScalar>(_ weights: ArraySlice<T>) -> T {
        if T.self == Double.self {
            // `Double` path: see ``DoubleKernels``.
            let value = unsafeBitCast(weights, to: ArraySlice<Double>.self).withUnsafeBufferPointer { w in
                w.baseAddress.map { DoubleKernels.penaltyValue(self, $0, count: w.count) } ?? 0
            }
            return unsafeBitCast(value, to: T.self)
        }
        switch self {
        case .none: return 0
        case let .l1(lambda): return T(lambda) * weights.reduce(0) { $0 + $1.magnitude }
        case let .l2(lambda): return T(lambda) * weights.reduce(0) { $0 + $1 * $1 }
        }
    }

    /// Adds the penalty's gradient at `weights` to `gradient` (same length).
    @inlinable
    public func addGradient<T: LossScalar>(_ weights: ArraySlice<T>, to gradient: inout ArraySlice<T>) {
        if T.self == Double.self {
            // `Double` path: see ``DoubleKernels``. `gradient` is moved out while it changes, so
            // that it changes in place.
            var doubles = unsafeBitCast(gradient, to: ArraySlice<Double>.self)
            gradient = []
            let count = min(weights.count, doubles.count)
            unsafeBitCast(weights, to: ArraySlice<Double>.self).withUnsafeBufferPointer { w in
                doubles.withUnsafeMutableBufferPointer { g in
                    guard let w = w.baseAddress, let g = g.baseAddress else { return }
                    DoubleKernels.addPenaltyGradient(self, w, to: g, count: count)
                }
            }
            gradient = unsafeBitCast(doubles, to: ArraySlice<T>.self)
            return
        }
        switch self {
        case .none: return
        case let .l1(lambda):
            let l = T(lambda)
            for (i, w) in zip(gradient.indices, weights) {
                gradient[i] += w > 0 ? l : (w < 0 ? -l : 0)
            }
        case let .l2(lambda):
            let l = T(lambda)
            for (i, w) in zip(gradient.indices, weights) {
                gradient[i] += 2 * l * w
            }
        }
    }
}
