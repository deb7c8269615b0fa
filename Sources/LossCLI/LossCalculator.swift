import LossCore

/// Evaluates a ``LossRequest``: the engine behind `notebook loss`, kept free of I/O for tests.
public enum LossCalculator {
    /// Computes the loss and gradient for a request.
    /// - Throws: ``CLIError/usage(_:)`` with a one-line message naming the argument at fault.
    public static func evaluate(_ request: LossRequest) throws(CLIError) -> LossReport {
        try checkOptions(request)
        let prediction = try NumberArray.parse(request.yPred, argument: "y_pred")
        let sampleWeight = try request.sampleWeight.map { text throws(CLIError) in
            let weights = try NumberArray.parse(text, argument: "sample_weight")
            guard !weights.isMatrix else { throw CLIError.usage("sample_weight: expected a 1-D array, one weight per sample") }
            return weights.flat
        }
        do {
            let predictionBatch = try batch(prediction, for: request.name)
            let output: LossOutput<Double>
            if request.name == .sparseCategoricalCrossentropy {
                let labels = try sparseLabels(request.yTrue)
                output = try makeSparse(request).evaluate(
                    labels: labels, prediction: predictionBatch, reduction: request.reduction,
                    sampleWeight: sampleWeight)
            } else {
                let target = try NumberArray.parse(request.yTrue, argument: "y_true")
                guard target.isMatrix == prediction.isMatrix else {
                    throw CLIError.usage(
                        "y_true: is \(target.isMatrix ? "2-D" : "1-D") but y_pred is \(prediction.isMatrix ? "2-D" : "1-D"); give both the same shape")
                }
                output = try makeLoss(request).evaluate(
                    target: try batch(target, for: request.name), prediction: predictionBatch,
                    reduction: request.reduction, sampleWeight: sampleWeight)
            }
            let loss: LossReport.Value =
                request.reduction == .none ? .perSample(output.perSample) : .scalar(output.value)
            let gradient = prediction.isMatrix
                ? output.gradient.nestedRows : [output.gradient.values]
            return LossReport(loss: loss, gradient: gradient, gradientIsMatrix: prediction.isMatrix)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError.usage("\(error)")
        }
    }

    /// Keras's reading of a JSON array: for pointwise losses a 1-D array is n samples of one
    /// element; for categorical losses and KL it is one sample whose elements are classes.
    static func batch(_ array: NumberArray, for name: LossName) throws -> Batch<Double> {
        if array.isMatrix {
            return try Batch(rows: array.rows)
        }
        let flat = array.flat
        return name.isCategorical
            ? try Batch(rows: 1, columns: flat.count, values: flat) : Batch(flat)
    }

    static func sparseLabels(_ text: String) throws(CLIError) -> [Int] {
        let array = try NumberArray.parse(text, argument: "y_true")
        guard !array.isMatrix else {
            throw CLIError.usage("y_true: sparse labels are a 1-D array of class indices such as [1, 2]")
        }
        var labels: [Int] = []
        for (index, value) in array.flat.enumerated() {
            guard value.isFinite, value == value.rounded(), abs(value) < 1e9 else {
                throw CLIError.usage("y_true[\(index)]: \(value) is not a class index; expected an integer")
            }
            labels.append(Int(value))
        }
        return labels
    }

    static func makeLoss(_ request: LossRequest) throws -> any Loss {
        switch request.name {
        case .mse: return MeanSquaredError()
        case .mae: return MeanAbsoluteError()
        case .huber: return try Huber(delta: request.delta ?? 1)
        case .pseudoHuber: return try PseudoHuber(delta: request.delta ?? 1)
        case .logCosh: return LogCosh()
        case .quantile: return try Quantile(tau: request.tau ?? 0.5)
        case .binaryCrossentropy:
            return try BinaryCrossentropy(
                fromLogits: request.fromLogits, labelSmoothing: request.labelSmoothing ?? 0,
                epsilon: request.epsilon ?? kerasEpsilon)
        case .categoricalCrossentropy:
            return try CategoricalCrossentropy(
                fromLogits: request.fromLogits, labelSmoothing: request.labelSmoothing ?? 0,
                classWeights: classWeights(request), epsilon: request.epsilon ?? kerasEpsilon)
        case .sparseCategoricalCrossentropy: return try makeSparse(request).dense
        case .hinge: return Hinge()
        case .squaredHinge: return SquaredHinge()
        case .klDivergence: return try KLDivergence(epsilon: request.epsilon)
        }
    }

    static func makeSparse(_ request: LossRequest) throws -> SparseCategoricalCrossentropy {
        try SparseCategoricalCrossentropy(
            fromLogits: request.fromLogits, labelSmoothing: request.labelSmoothing ?? 0,
            classWeights: classWeights(request), epsilon: request.epsilon ?? kerasEpsilon)
    }

    static func classWeights(_ request: LossRequest) throws -> [Double]? {
        guard let text = request.classWeights else { return nil }
        let array = try NumberArray.parse(text, argument: "class_weights")
        guard !array.isMatrix else { throw CLIError.usage("class_weights: expected a 1-D array, one weight per class") }
        return array.flat
    }

    /// Refuses options that the chosen loss would silently ignore.
    static func checkOptions(_ request: LossRequest) throws(CLIError) {
        let name = request.name
        let crossEntropies: [LossName] = [.binaryCrossentropy, .categoricalCrossentropy, .sparseCategoricalCrossentropy]
        let rules: [(given: Bool, option: String, applies: [LossName])] = [
            (request.delta != nil, "--delta", [.huber, .pseudoHuber]),
            (request.tau != nil, "--tau", [.quantile]),
            (request.fromLogits, "--from-logits", crossEntropies),
            (request.labelSmoothing != nil, "--label-smoothing", crossEntropies),
            (request.classWeights != nil, "--class-weights", [.categoricalCrossentropy, .sparseCategoricalCrossentropy]),
            (request.epsilon != nil, "--epsilon", crossEntropies + [.klDivergence]),
        ]
        for rule in rules where rule.given && !rule.applies.contains(name) {
            throw CLIError.usage(
                "\(rule.option) does not apply to \(name.rawValue); it is for \(rule.applies.map(\.rawValue).joined(separator: ", "))")
        }
    }
}
