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
        let biasStart = inputs * outputs
        parameters.withUnsafeBufferPointer { p in
            x.values.withUnsafeBufferPointer { xs in
                z.withUnsafeMutableBufferPointer { zs in
                    if outputs == 1 {
                        // One output: a dot product per sample.
                        let bias = p[biasStart]
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
            }
        }
        return Batch(unchecked: n, columns: outputs, values: z)
    }

    /// dL/dW = Xᵀ G, dL/db = Σᵢ Gᵢ for G = dL/dz (n x k).
    @inlinable
    func backward(_ x: Batch<T>, gradient g: Batch<T>) -> [T] {
        var result = [T](repeating: 0, count: parameterCount)
        let biasStart = inputs * outputs
        x.values.withUnsafeBufferPointer { xs in
            g.values.withUnsafeBufferPointer { gs in
                result.withUnsafeMutableBufferPointer { r in
                    if outputs == 1, inputs == 1 {
                        // One feature, one output: two sums, kept in registers.
                        var weight: T = 0, bias: T = 0
                        for i in 0..<x.rows {
                            weight += xs[i] * gs[i]
                            bias += gs[i]
                        }
                        r[0] = weight
                        r[1] = bias
                        return
                    }
                    for i in 0..<x.rows {
                        for k in 0..<outputs { r[biasStart + k] += gs[i * outputs + k] }
                        for j in 0..<inputs {
                            let xij = xs[i * inputs + j]
                            for k in 0..<outputs { r[j * outputs + k] += xij * gs[i * outputs + k] }
                        }
                    }
                }
            }
        }
        return result
    }
}
