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
}

extension Model {
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
