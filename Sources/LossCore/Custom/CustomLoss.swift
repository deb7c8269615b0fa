/// A residual loss written by the user over the residual r = prediction - target: as a formula
/// alone, whose derivatives come from automatic differentiation, or as closures for the value
/// and a hand-written derivative.
///
/// The functions work in `Double`; `Float` inputs are widened and the results narrowed. LossCore
/// never differentiates numerically outside tests: a formula's derivatives are exact (forward
/// mode, ``Dual``), and a hand-written derivative can be checked with ``GradientCheck``.
///
/// ```swift
/// let logCosh = CustomLoss(name: "log-cosh", formula: { r in log(cosh(r)) })   // slope tanh(r)
/// let cubic = CustomLoss(name: "abs-cubed", value: { r in abs(r * r * r) },
///                        derivative: { r in 3 * r * abs(r) })
/// ```
public struct CustomLoss: ResidualLoss {
    /// The name shown in tables and errors.
    public let name: String
    let valueFunction: @Sendable (Double) -> Double
    let derivativeFunction: @Sendable (Double) -> Double
    let secondDerivativeFunction: (@Sendable (Double) -> Double?)?
    /// The formula, when the loss was made from one (value and slope then come from one pass).
    let formula: (@Sendable (Dual2) -> Dual2)?

    /// Creates a loss from its formula in r alone: the first and second derivatives are derived
    /// exactly by forward-mode automatic differentiation. Write it with arithmetic, `exp`, `log`,
    /// `sqrt`, `tanh`, `pow`, `abs`, comparisons and branches; at a kink the derived slope is the
    /// branch taken's (`abs` gives 0).
    public init(name: String, formula: @escaping @Sendable (Dual2) -> Dual2) {
        self.name = name
        self.formula = formula
        valueFunction = { r in formula(Dual2.constant(r)).value.value }
        derivativeFunction = { r in Derivatives.firstOrder(of: formula, at: r).first }
        secondDerivativeFunction = { r in Derivatives(of: formula, at: r).second }
    }

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
        formula = nil
    }

    /// Value and slope together: one pass through a formula, or the two closures.
    public func valueAndDerivative<T: LossScalar>(target: T, prediction: T) -> (value: T, derivative: T) {
        let r = Double(prediction - target)
        if let formula {
            let both = Derivatives.firstOrder(of: formula, at: r)
            return (T(both.value), T(both.first))
        }
        return (T(valueFunction(r)), T(derivativeFunction(r)))
    }

    /// ``valueAndDerivative(target:prediction:)`` on `Double`s, non-generic
    /// (``ElementwiseLoss/doubleBlockKernel``).
    public var doubleBlockKernel: DoubleBlockKernel? {
        if let formula {
            return { t, p, count, values, derivatives in
                var i = 0
                while i < count {
                    let both = Derivatives.firstOrder(of: formula, at: p[i] - t[i])
                    values[i] = both.value
                    derivatives[i] = both.first
                    i += 1
                }
            }
        }
        let value = valueFunction, derivative = derivativeFunction
        return { t, p, count, values, derivatives in
            var i = 0
            while i < count {
                let r = p[i] - t[i]
                values[i] = value(r)
                derivatives[i] = derivative(r)
                i += 1
            }
        }
    }

    public func value<T: LossScalar>(residual r: T) -> T {
        T(valueFunction(Double(r)))
    }

    public func derivative<T: LossScalar>(residual r: T) -> T {
        T(derivativeFunction(Double(r)))
    }

    /// The derived second derivative, or the user's (`nil` when none was given or it does not exist at r).
    public func secondDerivative<T: LossScalar>(residual r: T) -> T? {
        secondDerivativeFunction?(Double(r)).map { T($0) }
    }
}
