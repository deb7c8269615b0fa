/// A residual loss written by the user as closures over the residual r = prediction - target.
///
/// The closures work in `Double`; `Float` inputs are widened and the results narrowed. Supply
/// the exact derivative: LossCore never differentiates numerically outside tests. Check a
/// hand-written derivative with ``GradientCheck``.
///
/// ```swift
/// let cubic = CustomLoss(name: "abs-cubed", value: { r in abs(r * r * r) },
///                        derivative: { r in 3 * r * abs(r) })
/// ```
public struct CustomLoss: ResidualLoss {
    /// The name shown in tables and errors.
    public let name: String
    let valueFunction: @Sendable (Double) -> Double
    let derivativeFunction: @Sendable (Double) -> Double
    let secondDerivativeFunction: (@Sendable (Double) -> Double?)?

    /// Creates a loss from its value and derivative in r, and optionally its second derivative
    /// (return `nil` where it does not exist).
    public init(
        name: String, value: @escaping @Sendable (Double) -> Double,
        derivative: @escaping @Sendable (Double) -> Double,
        secondDerivative: (@Sendable (Double) -> Double?)? = nil
    ) {
        self.name = name
        valueFunction = value
        derivativeFunction = derivative
        secondDerivativeFunction = secondDerivative
    }

    public func value<T: LossScalar>(residual r: T) -> T {
        T(valueFunction(Double(r)))
    }

    public func derivative<T: LossScalar>(residual r: T) -> T {
        T(derivativeFunction(Double(r)))
    }

    /// The user's second derivative, or `nil` when none was given or it does not exist at r.
    public func secondDerivative<T: LossScalar>(residual r: T) -> T? {
        secondDerivativeFunction?(Double(r)).map { T($0) }
    }
}
