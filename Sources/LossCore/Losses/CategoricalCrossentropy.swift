import RealModule

/// Categorical cross-entropy, -Σⱼ wⱼ yⱼ log pⱼ over the classes (columns) of a sample.
///
/// - From logits (`fromLogits: true`): log pⱼ = zⱼ - log Σₖ e^zₖ by log-sum-exp, finite for any
///   finite logits; the gradient is softmax(z)·Σₖ wₖyₖ - w∘y.
/// - From probabilities (Keras's default): any non-negative row with a positive sum is accepted;
///   each row is first divided by its sum, then clipped
///   to [ε, 1 - ε] with ε = 1e-7, exactly as Keras 3 does; the gradient goes through that
///   normalisation (and is 0 for a clipped class).
///
/// Label smoothing s replaces y by y(1 - s) + s/K for K classes. Class weights wⱼ scale each
/// class's term (PyTorch's `weight`); with ``Reduction/mean`` the weighted sum is divided by
/// the number of samples, Keras's convention, not by the sum of the weights as PyTorch does.
public struct CategoricalCrossentropy: Loss {
    /// Whether predictions are logits rather than probabilities.
    public let fromLogits: Bool
    /// Label smoothing in [0, 1].
    public let labelSmoothing: Double
    /// One weight per class, or `nil` for all 1.
    public let classWeights: [Double]?
    /// The probability clipping epsilon (ignored for logits).
    public let epsilon: Double

    /// Creates the loss.
    /// - Throws: ``LossError/invalidParameter(name:value:expected:)`` for smoothing outside
    ///   [0, 1], ε outside (0, 0.5), or a negative or non-finite class weight.
    public init(
        fromLogits: Bool = false, labelSmoothing: Double = 0, classWeights: [Double]? = nil,
        epsilon: Double = kerasEpsilon
    ) throws {
        self.fromLogits = fromLogits
        self.labelSmoothing = try requireInterval(
            labelSmoothing, name: "label_smoothing", lower: 0, upper: 1, closed: true)
        self.epsilon = try requireInterval(epsilon, name: "epsilon", lower: 0, upper: 0.5, closed: false)
        if let classWeights {
            guard !classWeights.isEmpty else { throw LossError.empty(argument: "class_weights") }
            for (index, weight) in classWeights.enumerated() where !(weight.isFinite && weight >= 0) {
                throw LossError.invalidParameter(
                    name: "class_weights[\(index)]", value: "\(weight)", expected: "a finite number >= 0")
            }
        }
        self.classWeights = classWeights
    }

    public var name: String { "categorical-crossentropy" }

    public func prepare<T: LossScalar>(target: Batch<T>, prediction: Batch<T>) throws -> Batch<T> {
        if let classWeights, classWeights.count != prediction.columns {
            throw LossError.shapeMismatch(
                argument: "class_weights", expected: "\(prediction.columns) weights (one per class)",
                found: "\(classWeights.count)")
        }
        try requireProbabilities(target.values, argument: "y_true")
        if fromLogits {
            try requireFinite(prediction.values, argument: "y_pred")
        } else {
            if let index = prediction.values.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
                throw LossError.outOfRange(
                    argument: "y_pred", index: index, value: "\(prediction.values[index])",
                    expected: "a non-negative probability (rows are normalised to sum 1)")
            }
            for row in 0..<prediction.rows where !(prediction.row(row).reduce(0, +) > 0) {
                throw LossError.outOfRange(
                    argument: "y_pred", index: row, value: "a row summing to 0",
                    expected: "probabilities with a positive sum")
            }
        }
        guard labelSmoothing > 0 else { return target }
        var smoothed = target
        let s = T(labelSmoothing)
        let uniform = s / T(target.columns)
        for index in smoothed.values.indices {
            smoothed.values[index] = smoothed.values[index] * (1 - s) + uniform
        }
        return smoothed
    }

    @inlinable
    func weight<T: LossScalar>(_ column: Int) -> T {
        classWeights.map { T($0[column]) } ?? 1
    }

    @inlinable
    public func sample<T: LossScalar>(
        target: UnsafeBufferPointer<T>, prediction: UnsafeBufferPointer<T>,
        gradient: UnsafeMutableBufferPointer<T>, scale: T
    ) -> T {
        fromLogits
            ? rows(target: target, prediction: prediction, gradient: gradient, perSample: nil, weights: nil,
                   columns: prediction.count, scale: scale)
            : fromProbabilitiesSample(target: target, output: prediction, gradient: gradient, scale: scale)
    }

    /// From logits, a block of rows at a time: every row's shifted logits, then the whole
    /// block's exponentials in one vectorised call (``LossScalar/formExp(_:)``), then each row's
    /// log-sum-exp, loss and gradient, softmax(z)·Σₖ wₖyₖ - w∘y. From probabilities, row by row.
    @inlinable
    public func rows<T: LossScalar>(
        target: UnsafeBufferPointer<T>, prediction: UnsafeBufferPointer<T>, gradient: UnsafeMutableBufferPointer<T>,
        perSample: UnsafeMutableBufferPointer<T>?, weights: UnsafeBufferPointer<T>?, columns: Int, scale: T
    ) -> T {
        guard fromLogits, columns > 0, let y = target.baseAddress, let z = prediction.baseAddress, let g = gradient.baseAddress
        else {
            return sampleRows(target: target, prediction: prediction, gradient: gradient, perSample: perSample,
                              weights: weights, columns: columns, scale: scale)
        }
        let rowCount = prediction.count / columns
        // Whole rows per block, about kernelBlockElements elements, a multiple of eight where rows allow.
        let rowsPerBlock = max(1, (kernelBlockElements / columns) & ~7)
        return withUnsafeTemporaryAllocation(of: T.self, capacity: rowsPerBlock) { largest in
            var total: T = 0
            var row = 0
            while row < rowCount {
                let rows = min(rowsPerBlock, rowCount - row)
                let start = row * columns
                for offset in 0..<rows {
                    let base = start + offset * columns
                    var top = z[base]
                    for j in 1..<columns where z[base + j] > top { top = z[base + j] }
                    for j in 0..<columns { g[base + j] = z[base + j] - top }
                    largest[offset] = top
                }
                T.formExp(UnsafeMutableBufferPointer(start: g + start, count: rows * columns))
                for offset in 0..<rows {
                    let base = start + offset * columns
                    let weight = weights?[row + offset] ?? 1
                    var sumExp: T = 0
                    for j in 0..<columns { sumExp += g[base + j] }
                    let logSumExp = largest[offset] + T.log(sumExp)
                    let inverse = 1 / sumExp
                    let gradientScale = weight * scale
                    // With y_j = 0 a term adds y_j (logSumExp - z_j) = +0, as logSumExp ≥ z_j.
                    var loss: T = 0
                    var weightedTargetSum: T = 0
                    if let classWeights {
                        for j in 0..<columns {
                            let wy = T(classWeights[j]) * y[base + j]
                            weightedTargetSum += wy
                            loss += wy * (logSumExp - z[base + j])
                        }
                        let softmaxScale = inverse * weightedTargetSum
                        for j in 0..<columns {
                            g[base + j] = gradientScale * (g[base + j] * softmaxScale - T(classWeights[j]) * y[base + j])
                        }
                    } else {
                        for j in 0..<columns {
                            weightedTargetSum += y[base + j]
                            loss += y[base + j] * (logSumExp - z[base + j])
                        }
                        let softmaxScale = inverse * weightedTargetSum
                        for j in 0..<columns {
                            g[base + j] = gradientScale * (g[base + j] * softmaxScale - y[base + j])
                        }
                    }
                    perSample?[row + offset] = weight * loss
                    total += weight * loss
                }
                row += rows
            }
            return total
        }
    }

    @inlinable
    func fromProbabilitiesSample<T: LossScalar>(
        target: UnsafeBufferPointer<T>, output: UnsafeBufferPointer<T>,
        gradient: UnsafeMutableBufferPointer<T>, scale: T
    ) -> T {
        let count = output.count
        var total: T = 0
        for j in 0..<count { total += output[j] }
        let e = T(epsilon)
        var loss: T = 0
        // g = dL/dp for the normalised p; then dL/do_i = (g_i - Σ g_j p_j) / total.
        var gDotP: T = 0
        for j in 0..<count {
            let p = output[j] / total
            let q = min(max(p, e), 1 - e)
            let wy = weight(j) * target[j]
            if wy != 0 { loss -= wy * T.log(q) }
            let g: T = (q == p && wy != 0) ? -wy / p : 0
            gradient[j] = g
            gDotP += g * p
        }
        for j in 0..<count {
            gradient[j] = scale * (gradient[j] - gDotP) / total
        }
        return loss
    }
}
