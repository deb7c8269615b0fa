/// Mean squared error, L(r) = r² (Keras's `MeanSquaredError`; no factor 1/2).
///
/// Smooth and convex; its gradient 2r grows without bound, which is why a few outliers move an
/// MSE fit so much. For |r| beyond about 1.3e154 (Double) or 1.8e19 (Float) the value overflows
/// to +infinity, the honest result; the gradient stays finite up to the largest finite r / 2.
public struct MeanSquaredError: ResidualLoss {
    /// Creates the loss.
    public init() {}

    public var name: String { "mse" }

    @inlinable public func value<T: LossScalar>(residual r: T) -> T { r * r }
    @inlinable public func derivative<T: LossScalar>(residual r: T) -> T { 2 * r }
    @inlinable public func secondDerivative<T: LossScalar>(residual r: T) -> T? { 2 }

    /// r² and 2r on `Double`s, non-generic (``ElementwiseLoss/doubleBlockKernel``).
    public var doubleBlockKernel: DoubleBlockKernel? {
        { t, p, count, values, derivatives in
            var i = 0
            while i < count {
                let r = p[i] - t[i]
                values[i] = r * r
                derivatives[i] = 2 * r
                i += 1
            }
        }
    }
}
