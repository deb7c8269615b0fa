/// Logistic regression: the score z = x·w + b, output as a logit or as the probability σ(z).
///
/// Pair `.logits` with `BinaryCrossentropy(fromLogits: true)` or with ``Hinge`` (a linear SVM);
/// pair `.probabilities` with `BinaryCrossentropy()`.
public struct LogisticRegression<Scalar: LossScalar>: Model {
    public var parameters: [Scalar]
    public let inputCount: Int
    public var outputCount: Int { 1 }
    public var weightIndices: Range<Int> { 0..<inputCount }
    /// Whether ``predict(_:)`` returns logits or probabilities.
    public let output: OutputKind
    @usableFromInline let map: AffineMap<Scalar>

    /// A model with `features` weights and a bias, all zero.
    public init(features: Int, output: OutputKind = .logits) {
        inputCount = features
        self.output = output
        map = AffineMap(inputs: features, outputs: 1)
        parameters = Array(repeating: 0, count: features + 1)
    }

    @inlinable
    public func predict(_ inputs: Batch<Scalar>) -> Batch<Scalar> {
        var z = map.apply(inputs, parameters: parameters)
        if output == .probabilities {
            for i in z.values.indices { z.values[i] = sigmoid(z.values[i]) }
        }
        return z
    }

    @inlinable
    public func parameterGradient(inputs: Batch<Scalar>, outputGradient: Batch<Scalar>) -> [Scalar] {
        guard output == .probabilities else { return map.backward(inputs, gradient: outputGradient) }
        // dp/dz = σ(z)(1 - σ(z)).
        let z = map.apply(inputs, parameters: parameters)
        var g = outputGradient
        for i in g.values.indices {
            let s = sigmoid(z.values[i])
            g.values[i] *= s * (1 - s)
        }
        return map.backward(inputs, gradient: g)
    }

    /// With logits, scores, loss and gradient in one pass over the data (``Model``'s
    /// `lossAndParameterGradient`); with probabilities, the chain rule through the output.
    @inlinable
    public func lossAndParameterGradient<L: Loss>(
        _ loss: L, inputs: Batch<Scalar>, targets: Batch<Scalar>, weights: [Scalar]?, scale: Scalar
    ) -> (total: Scalar, gradient: [Scalar]) {
        guard output == .logits else {
            return chainedLossAndParameterGradient(loss, inputs: inputs, targets: targets, weights: weights, scale: scale)
        }
        return map.lossAndGradient(loss, inputs: inputs, targets: targets, weights: weights, parameters: parameters, scale: scale)
    }

    /// Predicted classes (0 or 1): 1 where z > 0, that is σ(z) > 1/2.
    public func classify(_ inputs: Batch<Scalar>) -> [Int] {
        map.apply(inputs, parameters: parameters).values.map { $0 > 0 ? 1 : 0 }
    }
}
