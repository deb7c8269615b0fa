/// The Huber loss with threshold δ, in the form Keras uses:
///
///     L(r) = r²/2              for |r| <= δ
///     L(r) = δ(|r| - δ/2)      for |r| >  δ
///
/// Quadratic near zero, linear in the tails: the gradient is r inside and ±δ outside, so an
/// outlier pulls with at most δ. It is C¹ everywhere but not C² at r = ±δ, where the second
/// derivative jumps from 1 to 0 (``secondDerivative(residual:)`` returns `nil` there).
public struct Huber: ResidualLoss {
    /// The threshold between the quadratic and the linear piece.
    public let delta: Double

    /// Creates the loss. Keras's default δ is 1.
    /// - Throws: ``LossError/invalidParameter(name:value:expected:)`` unless δ is finite and > 0.
    public init(delta: Double = 1) throws {
        self.delta = try requirePositive(delta, name: "delta")
    }

    public var name: String { "huber" }

    @inlinable public func value<T: LossScalar>(residual r: T) -> T {
        let d = T(delta)
        let a = r.magnitude
        return a <= d ? r * r / 2 : d * (a - d / 2)
    }

    @inlinable public func derivative<T: LossScalar>(residual r: T) -> T {
        let d = T(delta)
        if r > d { return d }
        if r < -d { return -d }
        return r
    }

    /// ``value(residual:)`` and ``derivative(residual:)`` on `Double`s, non-generic
    /// (``ElementwiseLoss/doubleBlockKernel``).
    public var doubleBlockKernel: DoubleBlockKernel? {
        let d = delta
        return { t, p, count, values, derivatives in
            var i = 0
            while i < count {
                let r = p[i] - t[i]
                let a = r.magnitude
                values[i] = a <= d ? r * r / 2 : d * (a - d / 2)
                derivatives[i] = r > d ? d : (r < -d ? -d : r)
                i += 1
            }
        }
    }

    @inlinable public func secondDerivative<T: LossScalar>(residual r: T) -> T? {
        let a = r.magnitude
        let d = T(delta)
        if a == d { return nil }
        return a < d ? 1 : 0
    }
}
