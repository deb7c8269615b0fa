/// Elements per block in the vectorised kernels: a few blocks of scratch and gradient stay in
/// the first-level cache, and the vector functions get long enough runs to pay for their call.
@usableFromInline let kernelBlockElements = 256

extension ElementwiseLoss {
    /// ``rows(target:prediction:gradient:perSample:weights:columns:scale:)`` for losses that
    /// compute their elements a block at a time, so that their elementary functions run on
    /// whole blocks (``LossScalar/formExp(_:)``) instead of one element at a time.
    ///
    /// `block` receives a block's targets and predictions (whole rows) and writes each element's
    /// loss into `values` and its derivative into `derivatives`; this function then scales the
    /// derivatives, means and weights the rows, and sums.
    @inlinable
    func blockRows<T: LossScalar>(
        target: UnsafeBufferPointer<T>, prediction: UnsafeBufferPointer<T>, gradient: UnsafeMutableBufferPointer<T>,
        perSample: UnsafeMutableBufferPointer<T>?, weights: UnsafeBufferPointer<T>?, columns: Int, scale: T,
        block: (
            _ target: UnsafeBufferPointer<T>, _ prediction: UnsafeBufferPointer<T>,
            _ values: UnsafeMutableBufferPointer<T>, _ derivatives: UnsafeMutableBufferPointer<T>
        ) -> Void
    ) -> T {
        let columns = max(1, columns)
        let rowsPerBlock = max(1, kernelBlockElements / columns)
        let rowCount = prediction.count / columns
        let inverse = 1 / T(columns)
        let flat = columns == 1 && weights == nil && perSample == nil
        return withUnsafeTemporaryAllocation(of: T.self, capacity: rowsPerBlock * columns) { scratch in
            var total: T = 0
            var row = 0
            while row < rowCount {
                let rows = min(rowsPerBlock, rowCount - row)
                let range = (row * columns)..<((row + rows) * columns)
                let values = UnsafeMutableBufferPointer(rebasing: scratch[0..<range.count])
                let derivatives = UnsafeMutableBufferPointer(rebasing: gradient[range])
                block(UnsafeBufferPointer(rebasing: target[range]), UnsafeBufferPointer(rebasing: prediction[range]),
                      values, derivatives)
                if flat {
                    var s0: T = 0, s1: T = 0
                    var index = 0
                    while index + 2 <= values.count {
                        s0 += values[index]
                        s1 += values[index + 1]
                        derivatives[index] *= scale
                        derivatives[index + 1] *= scale
                        index += 2
                    }
                    if index < values.count {
                        s0 += values[index]
                        derivatives[index] *= scale
                    }
                    total += s0 + s1
                } else {
                    for offset in 0..<rows {
                        let weight = weights?[row + offset] ?? 1
                        let gradientScale = scale * weight * inverse
                        var sum: T = 0
                        for index in (offset * columns)..<((offset + 1) * columns) {
                            sum += values[index]
                            derivatives[index] *= gradientScale
                        }
                        let rowValue = weight * sum * inverse
                        perSample?[row + offset] = rowValue
                        total += rowValue
                    }
                }
                row += rows
            }
            return total
        }
    }

    /// ``rows(target:prediction:gradient:perSample:weights:columns:scale:)`` for a loss whose
    /// elements come from a one-pass kernel (``LossScalar/logCoshKernel(target:prediction:gradient:values:scale:)``):
    /// single unweighted elements in one call; on `Double`s, other rows through the non-generic
    /// row loop of `DoubleKernels.elementRows` (a debug build runs it without the runtime's help
    /// per element); else a block at a time.
    @inlinable
    func kernelRows<T: LossScalar>(
        target: UnsafeBufferPointer<T>, prediction: UnsafeBufferPointer<T>, gradient: UnsafeMutableBufferPointer<T>,
        perSample: UnsafeMutableBufferPointer<T>?, weights: UnsafeBufferPointer<T>?, columns: Int, scale: T,
        kernel: (UnsafeBufferPointer<T>, UnsafeBufferPointer<T>, UnsafeMutableBufferPointer<T>, UnsafeMutableBufferPointer<T>?, T) -> T,
        doubleKernel: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>?, Double) -> Double
    ) -> T {
        if columns <= 1 && weights == nil && perSample == nil {
            return kernel(target, prediction, gradient, nil, scale)
        }
        if T.self == Double.self {
            // The kernel writes a block's losses and unscaled slopes, as a DoubleBlockKernel does.
            return DoubleKernels.elementRows({ t, p, count, values, derivatives in
                _ = doubleKernel(UnsafeBufferPointer(start: t, count: count), UnsafeBufferPointer(start: p, count: count),
                                 UnsafeMutableBufferPointer(start: derivatives, count: count),
                                 UnsafeMutableBufferPointer(start: values, count: count), 1)
            }, of: target, prediction: prediction, gradient: gradient, perSample: perSample, weights: weights,
               columns: columns, scale: scale)
        }
        return blockRows(target: target, prediction: prediction, gradient: gradient, perSample: perSample, weights: weights,
                         columns: columns, scale: scale) { t, p, values, derivatives in
            _ = kernel(t, p, derivatives, values, 1)
        }
    }
}
