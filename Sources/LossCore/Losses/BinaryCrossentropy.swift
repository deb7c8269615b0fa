import RealModule

/// Binary cross-entropy, -(y log p + (1 - y) log(1 - p)), for targets y in [0, 1].
///
/// - From probabilities (`fromLogits: false`, Keras's default): p is clipped to
///   [ε, 1 - ε] with ε = ``kerasEpsilon`` (1e-7) so that p ∈ {0, 1} gives a large finite loss
///   instead of infinity; where p lies outside that interval the gradient is 0, as it is for
///   Keras's clipped formula.
/// - From logits (`fromLogits: true`): the stable form max(z, 0) - z y + log(1 + e^-|z|),
///   finite for any finite logit, with gradient σ(z) - y. Prefer it: σ(z) rounds to exactly
///   1 for z > 37 (Double), where the probability form can only clip.
///
/// Label smoothing s replaces y by y(1 - s) + s/2 (Keras's convention).
public struct BinaryCrossentropy: ElementwiseLoss {
    /// Whether predictions are logits (any finite number) rather than probabilities.
    public let fromLogits: Bool
    /// Label smoothing in [0, 1].
    public let labelSmoothing: Double
    /// The probability clipping epsilon (ignored for logits).
    public let epsilon: Double

    /// Creates the loss.
    /// - Throws: ``LossError/invalidParameter(name:value:expected:)`` for smoothing outside [0, 1]
    ///   or ε outside (0, 0.5).
    public init(fromLogits: Bool = false, labelSmoothing: Double = 0, epsilon: Double = kerasEpsilon) throws {
        self.fromLogits = fromLogits
        self.labelSmoothing = try requireInterval(
            labelSmoothing, name: "label_smoothing", lower: 0, upper: 1, closed: true)
        self.epsilon = try requireInterval(epsilon, name: "epsilon", lower: 0, upper: 0.5, closed: false)
    }

    public var name: String { "binary-crossentropy" }

    public func prepare<T: LossScalar>(target: Batch<T>, prediction: Batch<T>) throws -> Batch<T> {
        try requireProbabilities(target.values, argument: "y_true")
        if fromLogits {
            try requireFinite(prediction.values, argument: "y_pred")
        } else {
            try requireProbabilities(prediction.values, argument: "y_pred")
        }
        guard labelSmoothing > 0 else { return target }
        var smoothed = target
        let s = T(labelSmoothing)
        for index in smoothed.values.indices {
            smoothed.values[index] = smoothed.values[index] * (1 - s) + s / 2
        }
        return smoothed
    }

    @inlinable public func value<T: LossScalar>(target y: T, prediction p: T) -> T {
        if fromLogits {
            return max(p, 0) - p * y + T.log(onePlus: T.exp(-p.magnitude))
        }
        let q = clipped(p)
        return -(y * T.log(q) + (1 - y) * T.log(onePlus: -q))
    }

    @inlinable public func derivative<T: LossScalar>(target y: T, prediction p: T) -> T {
        if fromLogits {
            return sigmoid(p) - y
        }
        let q = clipped(p)
        guard q == p else { return 0 }
        return -y / q + (1 - y) / (1 - q)
    }

    /// From logits, one `exp` for both: with e = exp(-|z|), σ(z) = 1/(1 + e) or e/(1 + e).
    @inlinable public func valueAndDerivative<T: LossScalar>(target y: T, prediction p: T) -> (value: T, derivative: T) {
        guard fromLogits else { return (value(target: y, prediction: p), derivative(target: y, prediction: p)) }
        return Self.logitValueAndDerivative(target: y, logit: p)
    }

    /// Value and derivative from a logit, with one `exp` for both.
    @inlinable static func logitValueAndDerivative<T: LossScalar>(target y: T, logit z: T) -> (value: T, derivative: T) {
        let e = T.exp(-z.magnitude)
        let s = z >= 0 ? 1 / (1 + e) : e / (1 + e)
        return (max(z, 0) - z * y + T.log(onePlus: e), s - y)
    }

    /// From logits, in one vectorised pass (``LossScalar/logisticKernel(target:prediction:gradient:values:scale:)``)
    /// when the rows are single unweighted elements, else a block at a time through the same
    /// kernel; from probabilities, element by element.
    @inlinable
    public func rows<T: LossScalar>(
        target: UnsafeBufferPointer<T>, prediction: UnsafeBufferPointer<T>, gradient: UnsafeMutableBufferPointer<T>,
        perSample: UnsafeMutableBufferPointer<T>?, weights: UnsafeBufferPointer<T>?, columns: Int, scale: T
    ) -> T {
        guard fromLogits else {
            return elementRows(target: target, prediction: prediction, gradient: gradient, perSample: perSample,
                               weights: weights, columns: columns, scale: scale)
        }
        return kernelRows(target: target, prediction: prediction, gradient: gradient, perSample: perSample, weights: weights,
                          columns: columns, scale: scale, kernel: T.logisticKernel, doubleKernel: Double.logisticKernel)
    }

    @inlinable public func secondDerivative<T: LossScalar>(target y: T, prediction p: T) -> T? {
        if fromLogits {
            let s = sigmoid(p)
            return s * (1 - s)
        }
        let q = clipped(p)
        guard q == p else { return 0 }
        return y / (q * q) + (1 - y) / ((1 - q) * (1 - q))
    }

    @inlinable func clipped<T: LossScalar>(_ p: T) -> T {
        let e = T(epsilon)
        return min(max(p, e), 1 - e)
    }
}
