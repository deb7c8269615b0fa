import RealModule

/// Softmax (multinomial logistic) regression: scores z = x·W + b for K classes, output as
/// logits or as softmax(z) probabilities.
public struct SoftmaxRegression<Scalar: LossScalar>: Model {
    public var parameters: [Scalar]
    public let inputCount: Int
    public let outputCount: Int
    public var weightIndices: Range<Int> { 0..<(inputCount * outputCount) }
    /// Whether ``predict(_:)`` returns logits or probabilities.
    public let output: OutputKind
    @usableFromInline let map: AffineMap<Scalar>

    /// A model with `features` x `classes` weights and `classes` biases, all zero.
    public init(features: Int, classes: Int, output: OutputKind = .logits) {
        inputCount = features
        outputCount = classes
        self.output = output
        map = AffineMap(inputs: features, outputs: classes)
        parameters = Array(repeating: 0, count: map.parameterCount)
    }

    @inlinable
    public func predict(_ inputs: Batch<Scalar>) -> Batch<Scalar> {
        let z = map.apply(inputs, parameters: parameters)
        return output == .probabilities ? Self.softmaxRows(z) : z
    }

    @inlinable
    public func parameterGradient(inputs: Batch<Scalar>, outputGradient: Batch<Scalar>) -> [Scalar] {
        guard output == .probabilities else { return map.backward(inputs, gradient: outputGradient) }
        // dL/dz = s ∘ (g - <g, s>) row by row.
        let s = Self.softmaxRows(map.apply(inputs, parameters: parameters))
        var g = outputGradient
        for i in 0..<g.rows {
            var dot: Scalar = 0
            for k in 0..<outputCount { dot += g[i, k] * s[i, k] }
            for k in 0..<outputCount { g[i, k] = s[i, k] * (g[i, k] - dot) }
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

    /// The most likely class of each sample.
    public func classify(_ inputs: Batch<Scalar>) -> [Int] {
        let z = map.apply(inputs, parameters: parameters)
        return (0..<z.rows).map { i in
            var best = 0
            for k in 1..<outputCount where z[i, k] > z[i, best] { best = k }
            return best
        }
    }

    /// Softmax of each row, shifted by the row's maximum so no exponential overflows.
    @inlinable
    public static func softmaxRows(_ z: Batch<Scalar>) -> Batch<Scalar> {
        if Scalar.self == Double.self {
            // `Double` path: see ``DoubleKernels``.
            var s = z
            s.values = unsafeBitCast(DoubleKernels.softmaxRows(unsafeBitCast(z.values, to: [Double].self), columns: z.columns), to: [Scalar].self)
            return s
        }
        var s = z
        for i in 0..<z.rows {
            let row = z.row(i)
            let largest = row.max() ?? 0
            var total: Scalar = 0
            for k in 0..<z.columns {
                let e = Scalar.exp(z[i, k] - largest)
                s[i, k] = e
                total += e
            }
            for k in 0..<z.columns { s[i, k] /= total }
        }
        return s
    }
}
