/// The quantile (pinball) loss for quantile τ, with r = prediction - target:
///
///     L(r) = (1 - τ) r   for r >= 0   (over-prediction)
///     L(r) = -τ r        for r <  0   (under-prediction)
///
/// Minimising it fits the τ-quantile of the target; τ = 0.5 is half the absolute error.
/// This is TensorFlow Addons' `PinballLoss` (Keras has none). Not differentiable at r = 0,
/// where ``derivative(residual:)`` returns the midpoint (1 - 2τ)/2.
public struct Quantile: ResidualLoss {
    /// The quantile, in (0, 1).
    public let tau: Double

    /// Creates the loss; the default τ = 0.5 is TensorFlow Addons' default.
    /// - Throws: ``LossError/invalidParameter(name:value:expected:)`` unless 0 < τ < 1.
    public init(tau: Double = 0.5) throws {
        self.tau = try requireInterval(tau, name: "tau", lower: 0, upper: 1, closed: false)
    }

    public var name: String { "quantile" }

    @inlinable public func value<T: LossScalar>(residual r: T) -> T {
        let t = T(tau)
        return r >= 0 ? (1 - t) * r : -t * r
    }

    @inlinable public func derivative<T: LossScalar>(residual r: T) -> T {
        let t = T(tau)
        if r > 0 { return 1 - t }
        if r < 0 { return -t }
        return (1 - 2 * t) / 2
    }

    @inlinable public func secondDerivative<T: LossScalar>(residual r: T) -> T? {
        r == 0 ? nil : 0
    }

    /// ``value(residual:)`` and ``derivative(residual:)`` on `Double`s, non-generic
    /// (``ElementwiseLoss/doubleBlockKernel``).
    public var doubleBlockKernel: DoubleBlockKernel? {
        let tau = tau
        return { t, p, count, values, derivatives in
            var i = 0
            while i < count {
                let r = p[i] - t[i]
                values[i] = r >= 0 ? (1 - tau) * r : -tau * r
                derivatives[i] = r > 0 ? 1 - tau : (r < 0 ? -tau : (1 - 2 * tau) / 2)
                i += 1
            }
        }
    }
}
