/// A regression loss that depends on the residual `r = prediction - target` alone.
///
/// Its derivative with respect to the prediction equals its derivative in `r`; that derivative
/// is also the loss's influence function ψ(r) (how hard one residual pulls on the fit).
public protocol ResidualLoss: ElementwiseLoss {
    /// The loss at residual `r`.
    func value<T: LossScalar>(residual r: T) -> T
    /// dL/dr at `r` (the midpoint of the one-sided derivatives at a kink).
    func derivative<T: LossScalar>(residual r: T) -> T
    /// d²L/dr² at `r`, or `nil` where it does not exist.
    func secondDerivative<T: LossScalar>(residual r: T) -> T?
}

extension ResidualLoss {
    @inlinable
    public func value<T: LossScalar>(target: T, prediction: T) -> T {
        value(residual: prediction - target)
    }

    @inlinable
    public func derivative<T: LossScalar>(target: T, prediction: T) -> T {
        derivative(residual: prediction - target)
    }

    @inlinable
    public func secondDerivative<T: LossScalar>(target: T, prediction: T) -> T? {
        secondDerivative(residual: prediction - target)
    }
}
