/// Linear regression, ŷ = x·w + b, one output per sample.
public struct LinearRegression<Scalar: LossScalar>: Model {
    public var parameters: [Scalar]
    public let inputCount: Int
    public var outputCount: Int { 1 }
    public var weightIndices: Range<Int> { 0..<inputCount }
    @usableFromInline let map: AffineMap<Scalar>

    /// A model with `features` weights and a bias, all starting at `initial` (0 by default).
    public init(features: Int, initial: Scalar = 0) {
        inputCount = features
        map = AffineMap(inputs: features, outputs: 1)
        parameters = Array(repeating: initial, count: features + 1)
    }

    /// A model with the given weights and bias.
    public init(weights: [Scalar], bias: Scalar) {
        self.init(features: weights.count)
        parameters = weights + [bias]
    }

    /// The weights.
    public var weights: [Scalar] { Array(parameters[weightIndices]) }
    /// The bias (intercept).
    public var bias: Scalar { parameters[inputCount] }

    @inlinable
    public func predict(_ inputs: Batch<Scalar>) -> Batch<Scalar> {
        map.apply(inputs, parameters: parameters)
    }

    @inlinable
    public func parameterGradient(inputs: Batch<Scalar>, outputGradient: Batch<Scalar>) -> [Scalar] {
        map.backward(inputs, gradient: outputGradient)
    }

    /// Predictions, loss and gradient in one pass over the data (``Model``'s
    /// `lossAndParameterGradient`).
    @inlinable
    public func lossAndParameterGradient<L: Loss>(
        _ loss: L, inputs: Batch<Scalar>, targets: Batch<Scalar>, weights: [Scalar]?, scale: Scalar
    ) -> (total: Scalar, gradient: [Scalar]) {
        map.lossAndGradient(loss, inputs: inputs, targets: targets, weights: weights, parameters: parameters, scale: scale)
    }
}
