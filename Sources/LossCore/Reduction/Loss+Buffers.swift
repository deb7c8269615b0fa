extension Loss {
    /// The hot path: the reduced loss and its gradient over contiguous buffers, in one pass,
    /// with no allocation. `target`, `prediction` and `gradient` hold `rows x columns` elements,
    /// row by row; targets must already be prepared (see ``prepare(target:prediction:)``).
    @inlinable
    public func valueAndGradient<T: LossScalar>(
        target: UnsafeBufferPointer<T>, prediction: UnsafeBufferPointer<T>, gradient: UnsafeMutableBufferPointer<T>,
        columns: Int, reduction: Reduction = .mean
    ) -> T {
        let rows = prediction.count / max(1, columns)
        let scale: T = reduction == .mean ? 1 / T(rows) : 1
        var total: T = 0
        for row in 0..<rows {
            let start = row * columns
            total += sample(
                target: UnsafeBufferPointer(rebasing: target[start..<(start + columns)]),
                prediction: UnsafeBufferPointer(rebasing: prediction[start..<(start + columns)]),
                gradient: UnsafeMutableBufferPointer(rebasing: gradient[start..<(start + columns)]),
                scale: scale)
        }
        return reduction == .mean ? total / T(rows) : total
    }
}
