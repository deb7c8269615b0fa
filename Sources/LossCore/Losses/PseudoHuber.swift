import RealModule

/// The pseudo-Huber loss, a smooth relative of ``Huber``:
///
///     L(r) = δ² (√(1 + (r/δ)²) - 1)
///
/// About r²/2 near zero and δ|r| in the tails, with every derivative continuous. Computed with
/// `hypot` so that residuals up to the largest finite value stay finite. Keras has no
/// pseudo-Huber loss; the references are derived by hand (see the tests).
public struct PseudoHuber: ResidualLoss {
    /// The scale at which the loss turns from quadratic to linear.
    public let delta: Double

    /// Creates the loss.
    /// - Throws: ``LossError/invalidParameter(name:value:expected:)`` unless δ is finite and > 0.
    public init(delta: Double = 1) throws {
        self.delta = try requirePositive(delta, name: "delta")
    }

    public var name: String { "pseudo-huber" }

    @inlinable public func value<T: LossScalar>(residual r: T) -> T {
        let d = T(delta)
        let u = r / d
        let h = T.hypot(1, u)
        // √(1+u²) - 1 = u² / (√(1+u²) + 1) avoids cancellation for small u; for large u the
        // direct form avoids overflowing u².
        return u.magnitude <= 1 ? d * d * (u * u / (h + 1)) : d * (d * h - d)
    }

    @inlinable public func derivative<T: LossScalar>(residual r: T) -> T {
        let d = T(delta)
        return r / T.hypot(1, r / d)
    }

    @inlinable public func secondDerivative<T: LossScalar>(residual r: T) -> T? {
        let h = T.hypot(1, r / T(delta))
        return 1 / (h * h * h)
    }
}
