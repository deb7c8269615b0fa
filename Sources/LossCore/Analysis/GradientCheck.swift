/// Compares an analytic gradient with central finite differences.
///
/// Used by the tests to prove every derivative in LossCore, and by notebooks to show a
/// student that a hand-written derivative is right (or wrong).
public struct GradientCheck: Sendable, Equatable {
    /// The largest |analytic - numeric| over the points checked.
    public let maxAbsoluteError: Double
    /// The largest |analytic - numeric| / max(1, |numeric|).
    public let maxRelativeError: Double
    /// The input at which the relative error was largest.
    public let worstPoint: Double
    /// The number of points checked.
    public let points: Int

    /// Whether the largest relative error is at most `tolerance`.
    public func passes(tolerance: Double = 1e-6) -> Bool {
        maxRelativeError <= tolerance
    }

    /// Checks `derivative` against the central difference (f(x+h) - f(x-h)) / 2h, with
    /// h = step · max(1, |x|), at each point.
    public static func compare(
        function: (Double) -> Double, derivative: (Double) -> Double, at points: [Double],
        step: Double = 1e-6
    ) -> GradientCheck {
        var worstAbsolute = 0.0
        var worstRelative = 0.0
        var worst = points.first ?? 0
        for x in points {
            let h = step * max(1, x.magnitude)
            let numeric = (function(x + h) - function(x - h)) / (2 * h)
            let analytic = derivative(x)
            let absolute = (analytic - numeric).magnitude
            let relative = absolute / max(1, numeric.magnitude)
            worstAbsolute = max(worstAbsolute, absolute)
            if relative > worstRelative || relative.isNaN {
                worstRelative = relative.isNaN ? .infinity : relative
                worst = x
            }
        }
        return GradientCheck(
            maxAbsoluteError: worstAbsolute, maxRelativeError: worstRelative, worstPoint: worst,
            points: points.count)
    }

    /// Checks a pointwise loss's derivative in the prediction, for a fixed target.
    public static func loss<L: ElementwiseLoss>(
        _ loss: L, target: Double, predictions: [Double], step: Double = 1e-6
    ) -> GradientCheck {
        compare(
            function: { loss.value(target: target, prediction: $0) },
            derivative: { loss.derivative(target: target, prediction: $0) }, at: predictions, step: step)
    }

    /// Checks a pointwise loss's second derivative against differences of its first derivative.
    /// Points where the second derivative does not exist are skipped.
    public static func secondDerivative<L: ElementwiseLoss>(
        _ loss: L, target: Double, predictions: [Double], step: Double = 1e-6
    ) -> GradientCheck {
        let defined = predictions.filter { loss.secondDerivative(target: target, prediction: $0) != nil }
        return compare(
            function: { loss.derivative(target: target, prediction: $0) },
            derivative: { loss.secondDerivative(target: target, prediction: $0) ?? .nan },
            at: defined, step: step)
    }

    /// Checks an objective's parameter gradient at the model's current parameters, one
    /// parameter at a time.
    public static func objective<M: Model, L: Loss>(
        _ objective: Objective<L, Double>, model: M, step: Double = 1e-6
    ) -> GradientCheck where M.Scalar == Double {
        let analytic = objective.valueAndGradient(model).gradient
        var worstAbsolute = 0.0
        var worstRelative = 0.0
        var worst = 0.0
        for index in model.parameters.indices {
            var plus = model
            var minus = model
            let h = step * max(1, model.parameters[index].magnitude)
            plus.parameters[index] += h
            minus.parameters[index] -= h
            let numeric = (objective.value(plus) - objective.value(minus)) / (2 * h)
            let absolute = (analytic[index] - numeric).magnitude
            let relative = absolute / max(1, numeric.magnitude)
            worstAbsolute = max(worstAbsolute, absolute)
            if relative > worstRelative || relative.isNaN {
                worstRelative = relative.isNaN ? .infinity : relative
                worst = Double(index)
            }
        }
        return GradientCheck(
            maxAbsoluteError: worstAbsolute, maxRelativeError: worstRelative, worstPoint: worst,
            points: model.parameters.count)
    }
}
