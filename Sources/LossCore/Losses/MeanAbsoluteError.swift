/// Mean absolute error, L(r) = |r| (Keras's `MeanAbsoluteError`).
///
/// Convex and robust to outliers (its gradient is bounded by 1) but not differentiable at r = 0,
/// where ``derivative(residual:)`` returns 0 (the midpoint of -1 and 1) and
/// ``secondDerivative(residual:)`` returns `nil`.
public struct MeanAbsoluteError: ResidualLoss {
    /// Creates the loss.
    public init() {}

    public var name: String { "mae" }

    @inlinable public func value<T: LossScalar>(residual r: T) -> T { r.magnitude }

    @inlinable public func derivative<T: LossScalar>(residual r: T) -> T {
        r > 0 ? 1 : (r < 0 ? -1 : 0)
    }

    @inlinable public func secondDerivative<T: LossScalar>(residual r: T) -> T? {
        r == 0 ? nil : 0
    }

    /// |r| and sign(r) on `Double`s, non-generic (``ElementwiseLoss/doubleBlockKernel``).
    public var doubleBlockKernel: DoubleBlockKernel? {
        { t, p, count, values, derivatives in
            var i = 0
            while i < count {
                let r = p[i] - t[i]
                values[i] = r.magnitude
                derivatives[i] = r > 0 ? 1 : (r < 0 ? -1 : 0)
                i += 1
            }
        }
    }
}
