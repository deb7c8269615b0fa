/// Categorical cross-entropy with integer class labels (one label per sample) instead of
/// one-hot rows: Keras's `SparseCategoricalCrossentropy`.
///
/// It evaluates exactly as ``CategoricalCrossentropy`` on the one-hot rows of the labels, with
/// the same options (label smoothing is an extension: Keras 3 refuses it for sparse labels).
public struct SparseCategoricalCrossentropy: Sendable {
    /// The dense loss this one delegates to.
    public let dense: CategoricalCrossentropy

    /// Creates the loss; see ``CategoricalCrossentropy/init(fromLogits:labelSmoothing:classWeights:epsilon:)``.
    public init(
        fromLogits: Bool = false, labelSmoothing: Double = 0, classWeights: [Double]? = nil,
        epsilon: Double = kerasEpsilon
    ) throws {
        dense = try CategoricalCrossentropy(
            fromLogits: fromLogits, labelSmoothing: labelSmoothing, classWeights: classWeights,
            epsilon: epsilon)
    }

    /// The loss's name as the CLI spells it.
    public var name: String { "sparse-categorical-crossentropy" }

    /// The one-hot rows of integer labels.
    /// - Throws: ``LossError/outOfRange(argument:index:value:expected:)`` for a label outside
    ///   0..<classes, naming `y_true` and the index.
    public static func oneHot<T: LossScalar>(_ labels: [Int], classes: Int) throws -> Batch<T> {
        var values = [T](repeating: 0, count: labels.count * classes)
        for (index, label) in labels.enumerated() {
            guard label >= 0, label < classes else {
                throw LossError.outOfRange(
                    argument: "y_true", index: index, value: "\(label)",
                    expected: "a class index in 0..<\(classes)")
            }
            values[index * classes + label] = 1
        }
        return Batch(unchecked: labels.count, columns: classes, values: values)
    }

    /// Evaluates the loss for integer labels, one per row of `prediction`.
    /// - Throws: ``LossError`` for a label count that differs from the number of rows, a label
    ///   out of range, or any error of the dense loss.
    public func evaluate<T: LossScalar>(
        labels: [Int], prediction: Batch<T>, reduction: Reduction = .mean, sampleWeight: [T]? = nil
    ) throws -> LossOutput<T> {
        guard labels.count == prediction.rows else {
            throw LossError.shapeMismatch(
                argument: "y_true", expected: "\(prediction.rows) labels (one per row of y_pred)",
                found: "\(labels.count)")
        }
        let target: Batch<T> = try Self.oneHot(labels, classes: prediction.columns)
        return try dense.evaluate(
            target: target, prediction: prediction, reduction: reduction, sampleWeight: sampleWeight)
    }
}
