import RealModule

/// The log-cosh loss, L(r) = log(cosh(r)) (Keras's `LogCosh`).
///
/// About r²/2 near zero and |r| - log 2 in the tails; smooth everywhere. Computed as
/// `|r| + log1p(exp(-2|r|)) - log 2`, which stays finite for |r| up to the largest finite value,
/// where `cosh` alone overflows past |r| ≈ 710 (Double) or 89 (Float).
public struct LogCosh: ResidualLoss {
    /// Creates the loss.
    public init() {}

    public var name: String { "log-cosh" }

    @inlinable public func value<T: LossScalar>(residual r: T) -> T {
        let a = r.magnitude
        return a + T.log(onePlus: T.exp(-2 * a)) - T.log(2)
    }

    @inlinable public func derivative<T: LossScalar>(residual r: T) -> T { T.tanh(r) }

    /// One `exp` for both: with e = exp(-2|r|), L = |r| + log1p(e) - log 2 and L' = sign(r)(1 - e)/(1 + e).
    @inlinable public func valueAndDerivative<T: LossScalar>(target: T, prediction: T) -> (value: T, derivative: T) {
        let r = prediction - target
        let a = r.magnitude
        let e = T.exp(-2 * a)
        let slope = (1 - e) / (1 + e)
        return (a + T.log(onePlus: e) - T.log(2), r < 0 ? -slope : slope)
    }

    /// In one vectorised pass (``LossScalar/logCoshKernel(target:prediction:gradient:values:scale:)``)
    /// when the rows are single unweighted elements, else a block at a time through the same
    /// kernel.
    @inlinable
    public func rows<T: LossScalar>(
        target: UnsafeBufferPointer<T>, prediction: UnsafeBufferPointer<T>, gradient: UnsafeMutableBufferPointer<T>,
        perSample: UnsafeMutableBufferPointer<T>?, weights: UnsafeBufferPointer<T>?, columns: Int, scale: T
    ) -> T {
        kernelRows(target: target, prediction: prediction, gradient: gradient, perSample: perSample, weights: weights,
                   columns: columns, scale: scale, kernel: T.logCoshKernel, doubleKernel: Double.logCoshKernel)
    }

    @inlinable public func secondDerivative<T: LossScalar>(residual r: T) -> T? {
        // sech²(r) = 4e / (1 + e)² with e = exp(-2|r|), which underflows to 0 instead of inf/inf.
        let e = T.exp(-2 * r.magnitude)
        return 4 * e / ((1 + e) * (1 + e))
    }
}
