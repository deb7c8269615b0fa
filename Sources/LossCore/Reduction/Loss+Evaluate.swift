extension Loss {
    /// Evaluates the loss on a batch: value and gradient with respect to `prediction`, in one pass.
    ///
    /// - Parameters:
    ///   - target: the true values (`y_true`), shaped like `prediction`.
    ///   - prediction: the model's output (`y_pred`).
    ///   - reduction: mean (Keras's default), sum or none.
    ///   - sampleWeight: one finite weight per sample (row); `nil` weighs every sample 1.
    /// - Throws: ``LossError`` for mismatched shapes, empty input, NaN, or values outside the
    ///   loss's domain; the message names `y_true`, `y_pred` or `sample_weight`.
    public func evaluate<T: LossScalar>(
        target: Batch<T>, prediction: Batch<T>, reduction: Reduction = .mean,
        sampleWeight: [T]? = nil
    ) throws -> LossOutput<T> {
        guard prediction.rows > 0, prediction.columns > 0 else { throw LossError.empty(argument: "y_pred") }
        guard target.rows == prediction.rows, target.columns == prediction.columns else {
            throw LossError.shapeMismatch(
                argument: "y_true", expected: "\(prediction.shapeDescription) (the shape of y_pred)",
                found: target.shapeDescription)
        }
        try Self.rejectNaN(target.values, argument: "y_true")
        try Self.rejectNaN(prediction.values, argument: "y_pred")
        if let sampleWeight {
            guard sampleWeight.count == prediction.rows else {
                throw LossError.shapeMismatch(
                    argument: "sample_weight", expected: "\(prediction.rows) weights (one per sample)",
                    found: "\(sampleWeight.count)")
            }
            if let index = firstIndex(of: sampleWeight, failing: { $0.isFinite }) {
                throw LossError.outOfRange(
                    argument: "sample_weight", index: index, value: "\(sampleWeight[index])", expected: "a finite number")
            }
        }
        let prepared = try prepare(target: target, prediction: prediction)
        return evaluateUnchecked(
            target: prepared, prediction: prediction, reduction: reduction, sampleWeight: sampleWeight)
    }

    /// Evaluates without checking the inputs: for training loops, where predictions come from a
    /// model and a NaN must flow through to the optimiser's divergence test rather than throw.
    ///
    /// The targets must already be prepared (see ``prepare(target:prediction:)``) and the shapes equal.
    @inlinable
    public func evaluateUnchecked<T: LossScalar>(
        target: Batch<T>, prediction: Batch<T>, reduction: Reduction = .mean,
        sampleWeight: [T]? = nil
    ) -> LossOutput<T> {
        let rows = prediction.rows
        let columns = prediction.columns
        var perSample = [T](repeating: 0, count: rows)
        var gradient = [T](repeating: 0, count: rows * columns)
        let batchScale: T = reduction == .mean ? 1 / T(rows) : 1
        var total: T = 0
        target.values.withUnsafeBufferPointer { targets in
            prediction.values.withUnsafeBufferPointer { predictions in
                gradient.withUnsafeMutableBufferPointer { gradients in
                    perSample.withUnsafeMutableBufferPointer { samples in
                        if let sampleWeight {
                            total = sampleWeight.withUnsafeBufferPointer { weights in
                                self.rows(target: targets, prediction: predictions, gradient: gradients, perSample: samples,
                                          weights: weights, columns: columns, scale: batchScale)
                            }
                        } else {
                            total = self.rows(target: targets, prediction: predictions, gradient: gradients, perSample: samples,
                                              weights: nil, columns: columns, scale: batchScale)
                        }
                    }
                }
            }
        }
        let value = reduction == .mean ? total / T(rows) : total
        // Shapes are equal by precondition, so this initialiser cannot fail.
        let gradientBatch = Batch(unchecked: rows, columns: columns, values: gradient)
        return LossOutput(reduction: reduction, perSample: perSample, value: value, gradient: gradientBatch)
    }

    static func rejectNaN<T: LossScalar>(_ values: [T], argument: String) throws {
        if let index = firstIndex(of: values, failing: { !$0.isNaN }) {
            throw LossError.notANumber(argument: argument, index: index)
        }
    }
}

extension Batch {
    /// Internal: a batch whose shape the caller guarantees.
    @usableFromInline
    init(unchecked rows: Int, columns: Int, values: [T]) {
        precondition(values.count == rows * columns)
        self.rows = rows
        self.columns = columns
        self.values = values
    }
}
