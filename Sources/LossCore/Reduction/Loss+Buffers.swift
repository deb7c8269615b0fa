extension Loss {
    /// The hot path: the reduced loss and its gradient over contiguous buffers, in one pass,
    /// with no allocation. `target`, `prediction` and `gradient` hold `rows x columns` elements,
    /// row by row; targets must already be prepared (see ``prepare(target:prediction:)``).
    @inlinable
    public func valueAndGradient<T: LossScalar>(
        target: UnsafeBufferPointer<T>, prediction: UnsafeBufferPointer<T>, gradient: UnsafeMutableBufferPointer<T>,
        columns: Int, reduction: Reduction = .mean
    ) -> T {
        let count = prediction.count / max(1, columns)
        let scale: T = reduction == .mean ? 1 / T(count) : 1
        let total = rows(target: target, prediction: prediction, gradient: gradient, perSample: nil, weights: nil,
                         columns: columns, scale: scale)
        return reduction == .mean ? total / T(count) : total
    }
}
