/// A loss over a batch: one value per sample, and its gradient with respect to the prediction.
///
/// Conformers supply the per-sample kernel ``sample(target:prediction:gradient:scale:)``; the
/// shared driver ``evaluate(target:prediction:reduction:sampleWeight:)`` checks the inputs,
/// applies sample weights and the ``Reduction``, following Keras's conventions.
public protocol Loss: Sendable {
    /// The loss's name as the CLI spells it (`huber`, `binary-crossentropy`, ...).
    var name: String { get }

    /// Checks targets and predictions against the loss's domain and returns the targets to use
    /// (for example 0/1 hinge labels mapped to -1/1, or smoothed labels).
    ///
    /// Shapes and NaNs have already been checked when this is called.
    /// - Throws: ``LossError`` naming `y_true` or `y_pred` and the offending index.
    func prepare<T: LossScalar>(target: Batch<T>, prediction: Batch<T>) throws -> Batch<T>

    /// One sample's loss; writes `scale` times its gradient with respect to `prediction`
    /// into `gradient`, every element of it (callers may pass uninitialised memory).
    /// No checks: the inputs are prepared and of equal length.
    func sample<T: LossScalar>(
        target: UnsafeBufferPointer<T>, prediction: UnsafeBufferPointer<T>,
        gradient: UnsafeMutableBufferPointer<T>, scale: T
    ) -> T

    /// Every row at once: writes `scale · weight` times each row's gradient into `gradient`, each
    /// row's weighted loss into `perSample` (when given), and returns the weighted sum. The default
    /// calls ``sample(target:prediction:gradient:scale:)`` per row; elementwise losses use one flat
    /// loop instead (the hot path for a million one-element samples).
    func rows<T: LossScalar>(
        target: UnsafeBufferPointer<T>, prediction: UnsafeBufferPointer<T>, gradient: UnsafeMutableBufferPointer<T>,
        perSample: UnsafeMutableBufferPointer<T>?, weights: UnsafeBufferPointer<T>?, columns: Int, scale: T
    ) -> T
}

extension Loss {
    @inlinable
    public func rows<T: LossScalar>(
        target: UnsafeBufferPointer<T>, prediction: UnsafeBufferPointer<T>, gradient: UnsafeMutableBufferPointer<T>,
        perSample: UnsafeMutableBufferPointer<T>?, weights: UnsafeBufferPointer<T>?, columns: Int, scale: T
    ) -> T {
        sampleRows(target: target, prediction: prediction, gradient: gradient, perSample: perSample, weights: weights,
                   columns: columns, scale: scale)
    }

    /// The default ``rows(target:prediction:gradient:perSample:weights:columns:scale:)``: calls
    /// ``sample(target:prediction:gradient:scale:)`` per row. Losses that override `rows` for
    /// some cases call it for the others.
    @inlinable
    public func sampleRows<T: LossScalar>(
        target: UnsafeBufferPointer<T>, prediction: UnsafeBufferPointer<T>, gradient: UnsafeMutableBufferPointer<T>,
        perSample: UnsafeMutableBufferPointer<T>?, weights: UnsafeBufferPointer<T>?, columns: Int, scale: T
    ) -> T {
        let count = prediction.count / max(1, columns)
        guard count > 0, let t = target.baseAddress, let p = prediction.baseAddress, let g = gradient.baseAddress else { return 0 }
        // Optionals unwrapped and rows addressed by pointer once, outside the loop: in a debug
        // build (snippets) each optional or slice of a `T` buffer costs a generic metadata lookup.
        let hasWeights = weights != nil, hasPerSample = perSample != nil
        let w = weights ?? UnsafeBufferPointer(start: nil, count: 0)
        let s = perSample ?? UnsafeMutableBufferPointer(start: nil, count: 0)
        var total: T = 0
        var row = 0
        while row < count {
            let start = row * columns
            let weight: T = hasWeights ? w[row] : 1
            let value = sample(
                target: UnsafeBufferPointer(start: t + start, count: columns),
                prediction: UnsafeBufferPointer(start: p + start, count: columns),
                gradient: UnsafeMutableBufferPointer(start: g + start, count: columns),
                scale: weight * scale)
            if hasPerSample { s[row] = weight * value }
            total += weight * value
            row += 1
        }
        return total
    }

    /// Default: targets are used as given.
    public func prepare<T: LossScalar>(target: Batch<T>, prediction: Batch<T>) throws -> Batch<T> {
        target
    }
}
