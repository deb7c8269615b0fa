/// A differentiable model: parameters in, predictions out, and the exact gradient of a loss
/// with respect to the parameters by the chain rule.
///
/// Parameters are one flat array: the weights (``weightIndices``, the ones a ``Penalty``
/// applies to) followed by the biases.
public protocol Model: Sendable {
    /// The scalar type.
    associatedtype Scalar: LossScalar

    /// All parameters, weights first, then biases.
    var parameters: [Scalar] { get set }
    /// The indices of `parameters` that are weights (penalised), not biases.
    var weightIndices: Range<Int> { get }
    /// Features per input sample.
    var inputCount: Int { get }
    /// Outputs per sample (1 for regression and binary classification, K for softmax).
    var outputCount: Int { get }

    /// The predictions for a batch of inputs with ``inputCount`` columns.
    func predict(_ inputs: Batch<Scalar>) -> Batch<Scalar>

    /// The gradient with respect to ``parameters``, given the gradient of the loss with respect
    /// to the predictions (`outputGradient`, shaped like `predict(inputs)`).
    func parameterGradient(inputs: Batch<Scalar>, outputGradient: Batch<Scalar>) -> [Scalar]
    /// A loss over a batch and its gradient with respect to ``parameters``: the rows' loss
    /// summed (each row times its weight in `weights`, when given) and `scale` times the
    /// gradient of that sum. The default goes through ``predict(_:)``, the loss's
    /// ``Loss/rows(target:prediction:gradient:perSample:weights:columns:scale:)`` and
    /// ``parameterGradient(inputs:outputGradient:)``; models whose output is an affine map fuse
    /// the three into one pass over the data.
    func lossAndParameterGradient<L: Loss>(
        _ loss: L, inputs: Batch<Scalar>, targets: Batch<Scalar>, weights: [Scalar]?, scale: Scalar
    ) -> (total: Scalar, gradient: [Scalar])
}

extension Model {
    @inlinable
    public func lossAndParameterGradient<L: Loss>(
        _ loss: L, inputs: Batch<Scalar>, targets: Batch<Scalar>, weights: [Scalar]?, scale: Scalar
    ) -> (total: Scalar, gradient: [Scalar]) {
        chainedLossAndParameterGradient(loss, inputs: inputs, targets: targets, weights: weights, scale: scale)
    }

    /// The default ``lossAndParameterGradient(_:inputs:targets:weights:scale:)``: predictions,
    /// the loss's output gradient and the chain rule, each over the whole batch. Models that
    /// fuse some cases call it for the others.
    @inlinable
    public func chainedLossAndParameterGradient<L: Loss>(
        _ loss: L, inputs: Batch<Scalar>, targets: Batch<Scalar>, weights: [Scalar]?, scale: Scalar
    ) -> (total: Scalar, gradient: [Scalar]) {
        let prediction = predict(inputs)
        // Every loss kernel writes every gradient element, so the array need not be zeroed first.
        let size = prediction.values.count
        var outputGradient = [Scalar](unsafeUninitializedCapacity: size) { _, count in count = size }
        let total = targets.values.withUnsafeBufferPointer { t in
            prediction.values.withUnsafeBufferPointer { p in
                outputGradient.withUnsafeMutableBufferPointer { g in
                    weights.map { weights in
                        weights.withUnsafeBufferPointer { wb in
                            loss.rows(target: t, prediction: p, gradient: g, perSample: nil, weights: wb,
                                      columns: prediction.columns, scale: scale)
                        }
                    } ?? loss.rows(target: t, prediction: p, gradient: g, perSample: nil, weights: nil,
                                   columns: prediction.columns, scale: scale)
                }
            }
        }
        let gradient = parameterGradient(
            inputs: inputs, outputGradient: Batch(unchecked: prediction.rows, columns: prediction.columns, values: outputGradient))
        return (total, gradient)
    }

    /// Checks that `inputs` has ``inputCount`` columns and at least one row.
    /// - Throws: ``LossError`` naming `inputs`.
    public func validate(inputs: Batch<Scalar>) throws {
        guard inputs.rows > 0 else { throw LossError.empty(argument: "inputs") }
        guard inputs.columns == inputCount else {
            throw LossError.shapeMismatch(
                argument: "inputs", expected: "\(inputCount) columns (the model's features)",
                found: "\(inputs.columns)")
        }
        if let index = inputs.values.firstIndex(where: { !$0.isFinite }) {
            throw LossError.outOfRange(
                argument: "inputs", index: index, value: "\(inputs.values[index])", expected: "a finite number")
        }
    }
}
