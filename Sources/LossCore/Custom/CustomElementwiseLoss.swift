/// A loss of a target and a prediction written as a formula alone, such as TensorFlow's
/// `def loss(y_true, y_pred)`: its derivatives with respect to the prediction come from
/// forward-mode automatic differentiation, exact up to rounding.
///
/// The target enters as a constant and only the prediction is seeded, so the slope is always
/// the one with respect to the prediction.
///
/// ```swift
/// let crossEntropy = CustomElementwiseLoss(name: "bce") { y, p in -(y * log(p) + (1 - y) * log(1 - p)) }
/// ```
public struct CustomElementwiseLoss: ElementwiseLoss {
    /// The name shown in tables and errors.
    public let name: String
    let formula: @Sendable (_ target: Dual2, _ prediction: Dual2) -> Dual2

    /// Creates a loss from its formula in (target, prediction).
    public init(name: String, formula: @escaping @Sendable (_ target: Dual2, _ prediction: Dual2) -> Dual2) {
        self.name = name
        self.formula = formula
    }

    /// The formula's value and derivatives with respect to the prediction.
    public func derivatives(target: Double, prediction: Double) -> Derivatives {
        Derivatives(of: { p in formula(Dual2.constant(target), p) }, at: prediction)
    }

    public func value<T: LossScalar>(target: T, prediction: T) -> T {
        T(formula(Dual2.constant(Double(target)), Dual2.constant(Double(prediction))).value.value)
    }

    public func derivative<T: LossScalar>(target: T, prediction: T) -> T {
        valueAndDerivative(target: target, prediction: prediction).derivative
    }

    /// The derived second derivative (at a kink, the branch taken's).
    public func secondDerivative<T: LossScalar>(target: T, prediction: T) -> T? {
        T(derivatives(target: Double(target), prediction: Double(prediction)).second)
    }

    /// ``valueAndDerivative(target:prediction:)`` on `Double`s, non-generic
    /// (``ElementwiseLoss/doubleBlockKernel``).
    public var doubleBlockKernel: DoubleBlockKernel? {
        let formula = formula
        return { t, p, count, values, derivatives in
            var i = 0
            while i < count {
                let target = t[i]
                let both = Derivatives.firstOrder(of: { q in formula(Dual2.constant(target), q) }, at: p[i])
                values[i] = both.value
                derivatives[i] = both.first
                i += 1
            }
        }
    }

    public func valueAndDerivative<T: LossScalar>(target: T, prediction: T) -> (value: T, derivative: T) {
        let both = Derivatives.firstOrder(of: { p in formula(Dual2.constant(Double(target)), p) }, at: Double(prediction))
        return (T(both.value), T(both.first))
    }
}
