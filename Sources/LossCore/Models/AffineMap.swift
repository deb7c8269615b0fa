/// z = X·W + b for a batch X (n x d), weights W (d x k, row-major) and biases b (k):
/// the shared core of the linear, logistic and softmax models.
@usableFromInline
struct AffineMap<T: LossScalar>: Sendable {
    @usableFromInline let inputs: Int
    @usableFromInline let outputs: Int

    @usableFromInline
    init(inputs: Int, outputs: Int) {
        self.inputs = inputs
        self.outputs = outputs
    }

    @usableFromInline
    var parameterCount: Int { inputs * outputs + outputs }

    @inlinable
    func apply(_ x: Batch<T>, parameters: [T]) -> Batch<T> {
        let n = x.rows
        // Every element is written below, so the array need not be zeroed first.
        var z = [T](unsafeUninitializedCapacity: n * outputs) { _, count in count = n * outputs }
        parameters.withUnsafeBufferPointer { p in
            x.values.withUnsafeBufferPointer { xs in
                z.withUnsafeMutableBufferPointer { zs in forward(xs, rows: n, parameters: p, into: zs) }
            }
        }
        return Batch(unchecked: n, columns: outputs, values: z)
    }

    /// dL/dW = Xᵀ G, dL/db = Σᵢ Gᵢ for G = dL/dz (n x k).
    @inlinable
    func backward(_ x: Batch<T>, gradient g: Batch<T>) -> [T] {
        var result = [T](repeating: 0, count: parameterCount)
        x.values.withUnsafeBufferPointer { xs in
            g.values.withUnsafeBufferPointer { gs in
                result.withUnsafeMutableBufferPointer { r in accumulate(xs, rows: x.rows, gradient: gs, into: r) }
            }
        }
        return result
    }

    /// One epoch's work in one pass over the data: for each block of rows, the scores, the loss's
    /// kernel and the parameter gradient, with the block's scores and output gradient in scratch
    /// memory that stays in cache (no batch-sized array is made). Returns the rows' weighted loss
    /// sum and `scale` times the parameter gradient, as predict, `rows` and backward would.
    @inlinable
    func lossAndGradient<L: Loss>(
        _ loss: L, inputs x: Batch<T>, targets y: Batch<T>, weights: [T]?, parameters: [T], scale: T
    ) -> (total: T, gradient: [T]) {
        if T.self == Double.self {
            var doubleWeights: [Double]?
            if let weights { doubleWeights = unsafeBitCast(weights, to: [Double].self) }
            let (total, gradient) = DoubleKernels.affineLossAndGradient(
                loss, inputs: inputs, outputs: outputs, x: unsafeBitCast(x.values, to: [Double].self), rows: x.rows,
                y: unsafeBitCast(y.values, to: [Double].self), weights: doubleWeights,
                parameters: unsafeBitCast(parameters, to: [Double].self), scale: unsafeBitCast(scale, to: Double.self))
            return (unsafeBitCast(total, to: T.self), unsafeBitCast(gradient, to: [T].self))
        }
        var result = [T](repeating: 0, count: parameterCount)
        let rowsPerBlock = max(1, 512 / max(inputs, outputs))
        let blockSize = rowsPerBlock * outputs
        var total: T = 0
        withUnsafeTemporaryAllocation(of: T.self, capacity: 2 * blockSize) { scratch in
            parameters.withUnsafeBufferPointer { p in
                x.values.withUnsafeBufferPointer { xs in
                    y.values.withUnsafeBufferPointer { ys in
                        result.withUnsafeMutableBufferPointer { r in
                            var start = 0
                            while start < x.rows {
                                let rows = min(rowsPerBlock, x.rows - start)
                                let z = UnsafeMutableBufferPointer(rebasing: scratch[0..<(rows * outputs)])
                                let g = UnsafeMutableBufferPointer(rebasing: scratch[blockSize..<(blockSize + rows * outputs)])
                                let block = UnsafeBufferPointer(rebasing: xs[(start * inputs)..<((start + rows) * inputs)])
                                let targets = UnsafeBufferPointer(rebasing: ys[(start * outputs)..<((start + rows) * outputs)])
                                forward(block, rows: rows, parameters: p, into: z)
                                if let weights {
                                    total += weights.withUnsafeBufferPointer { w in
                                        loss.rows(target: targets, prediction: UnsafeBufferPointer(z), gradient: g, perSample: nil,
                                                  weights: UnsafeBufferPointer(rebasing: w[start..<(start + rows)]),
                                                  columns: outputs, scale: scale)
                                    }
                                } else {
                                    total += loss.rows(target: targets, prediction: UnsafeBufferPointer(z), gradient: g, perSample: nil,
                                                       weights: nil, columns: outputs, scale: scale)
                                }
                                accumulate(block, rows: rows, gradient: UnsafeBufferPointer(g), into: r)
                                start += rows
                            }
                        }
                    }
                }
            }
        }
        return (total, result)
    }

    /// Writes the scores of `rows` samples into `z`.
    @inlinable
    func forward(_ xs: UnsafeBufferPointer<T>, rows n: Int, parameters p: UnsafeBufferPointer<T>, into zs: UnsafeMutableBufferPointer<T>) {
        if T.self == Double.self {
            return DoubleKernels.forward(DoubleKernels.cast(xs), rows: n, inputs: inputs, outputs: outputs,
                                         parameters: DoubleKernels.cast(p), into: DoubleKernels.cast(zs))
        }
        let biasStart = inputs * outputs
        if outputs == 1 {
            // One output: a dot product per sample.
            let bias = p[biasStart]
            if inputs == 1 {
                let weight = p[0]
                for i in 0..<n { zs[i] = bias + xs[i] * weight }
                return
            }
            for i in 0..<n {
                var sum = bias
                for j in 0..<inputs { sum += xs[i * inputs + j] * p[j] }
                zs[i] = sum
            }
            return
        }
        for i in 0..<n {
            for k in 0..<outputs { zs[i * outputs + k] = p[biasStart + k] }
            for j in 0..<inputs {
                let xij = xs[i * inputs + j]
                for k in 0..<outputs { zs[i * outputs + k] += xij * p[j * outputs + k] }
            }
        }
    }

    /// Adds Xᵀ G and the column sums of G for `rows` samples to `r` (weights, then biases).
    @inlinable
    func accumulate(_ xs: UnsafeBufferPointer<T>, rows n: Int, gradient gs: UnsafeBufferPointer<T>, into r: UnsafeMutableBufferPointer<T>) {
        if T.self == Double.self {
            return DoubleKernels.accumulate(DoubleKernels.cast(xs), rows: n, inputs: inputs, outputs: outputs,
                                            gradient: DoubleKernels.cast(gs), into: DoubleKernels.cast(r))
        }
        let biasStart = inputs * outputs
        if outputs == 1, inputs == 1 {
            // One feature, one output: two sums, kept in registers.
            var weight: T = 0, bias: T = 0
            for i in 0..<n {
                weight += xs[i] * gs[i]
                bias += gs[i]
            }
            r[0] += weight
            r[1] += bias
            return
        }
        for i in 0..<n {
            for k in 0..<outputs { r[biasStart + k] += gs[i * outputs + k] }
            for j in 0..<inputs {
                let xij = xs[i * inputs + j]
                for k in 0..<outputs { r[j * outputs + k] += xij * gs[i * outputs + k] }
            }
        }
    }
}
