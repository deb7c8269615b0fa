import Testing
import LossCore

@Suite("Models: exact parameter gradients by the chain rule")
struct ModelGradientTests {
    let regression = try! RegressionData<Double>.housePrices(count: 12, outliers: 2, seed: 4)
    let binary = try! ClassificationData<Double>.blobs(centers: [[0, 0], [2, 1]], counts: [7, 5], seed: 5)
    let multi = try! ClassificationData<Double>.blobs(centers: [[0, 0], [3, 0], [0, 3]], counts: [4, 4, 4], seed: 6)

    static let penalties: [Penalty] = [.none, .l1(0.05), .l2(0.3)]

    @Test("Linear regression with every regression loss and penalty", arguments: penalties)
    func linear(penalty: Penalty) throws {
        var model = LinearRegression<Double>(weights: [37.0], bias: 11.0)
        model.parameters = [37.3, 11.1]
        let losses: [any ResidualLoss] = [MeanSquaredError(), MeanAbsoluteError(), try Huber(delta: 20), try PseudoHuber(delta: 5), LogCosh(), try Quantile(tau: 0.8)]
        for loss in losses {
            try check(loss, model: model, inputs: regression.inputs, targets: regression.targets, penalty: penalty)
        }
    }

    @Test("Logistic regression: logits with BCE and hinge, probabilities with BCE", arguments: penalties)
    func logistic(penalty: Penalty) throws {
        var logits = LogisticRegression<Double>(features: 2, output: .logits)
        logits.parameters = [0.7, -0.4, 0.2]
        try check(try BinaryCrossentropy(fromLogits: true), model: logits, inputs: binary.inputs, targets: binary.binaryTargets, penalty: penalty)
        try check(SquaredHinge(), model: logits, inputs: binary.inputs, targets: binary.binaryTargets, penalty: penalty)
        try check(Hinge(), model: logits, inputs: binary.inputs, targets: binary.binaryTargets, penalty: penalty)
        var probabilities = LogisticRegression<Double>(features: 2, output: .probabilities)
        probabilities.parameters = [0.7, -0.4, 0.2]
        try check(try BinaryCrossentropy(), model: probabilities, inputs: binary.inputs, targets: binary.binaryTargets, penalty: penalty)
    }

    @Test("Softmax regression: logits and probabilities with categorical cross-entropy", arguments: penalties)
    func softmax(penalty: Penalty) throws {
        for output in OutputKind.allCases {
            var model = SoftmaxRegression<Double>(features: 2, classes: 3, output: output)
            model.parameters = [0.3, -0.2, 0.1, 0.05, 0.4, -0.3, 0.1, 0.0, -0.1]
            let loss = try CategoricalCrossentropy(fromLogits: output == .logits, labelSmoothing: 0.1, classWeights: [1, 2, 0.5])
            try check(loss, model: model, inputs: multi.inputs, targets: multi.oneHotTargets, penalty: penalty)
        }
    }

    func check<M: Model, L: Loss>(
        _ loss: L, model: M, inputs: Batch<Double>, targets: Batch<Double>, penalty: Penalty
    ) throws where M.Scalar == Double {
        let objective = try Objective(loss: loss, penalty: penalty, inputs: inputs, targets: targets, model: model)
        let report = GradientCheck.objective(objective, model: model)
        #expect(report.passes(tolerance: 1e-6), "\(loss.name) \(penalty): \(report)")
    }

    @Test("Predictions: σ and softmax outputs, classification")
    func predictions() throws {
        var logistic = LogisticRegression<Double>(features: 1, output: .probabilities)
        logistic.parameters = [2, -1]
        let x = Batch([0.5, 3.0])
        #expect(logistic.predict(x).values[0] == 0.5)
        #expect(logistic.classify(x) == [0, 1])
        var softmax = SoftmaxRegression<Double>(features: 1, classes: 2, output: .probabilities)
        softmax.parameters = [1, -1, 0, 0]
        let p = softmax.predict(Batch([1000.0]))
        #expect(p.values == [1, 0])
        #expect(softmax.classify(Batch([1.0, -1.0])) == [0, 1])
    }

    @Test("Objective refuses data that does not fit the model")
    func badData() throws {
        let model = LinearRegression<Double>(features: 2)
        #expect(errorText { try Objective(loss: MeanSquaredError(), inputs: Batch([1.0, 2.0]), targets: Batch([1.0, 2.0]), model: model) }
            == "inputs: expected 2 columns (the model's features), found 1")
        let one = LinearRegression<Double>(features: 1)
        #expect(errorText { try Objective(loss: MeanSquaredError(), inputs: Batch([1.0, 2.0]), targets: Batch([1.0]), model: one) }
            == "targets: expected 2 rows (one per input), found 1")
        #expect(errorText { try Objective(loss: MeanSquaredError(), inputs: Batch([1.0, .nan]), targets: Batch([1.0, 2]), model: one) }
            == "inputs[1]: nan is out of range; expected a finite number")
    }
}

@Suite("Fused epochs: one pass in blocks of rows gives what predict, the loss and the chain rule give")
struct FusedEpochTests {
    /// The fused and the chained loss sums and gradients, which must agree to rounding.
    func agree<M: Model, L: Loss>(_ model: M, _ loss: L, inputs: Batch<Double>, targets: Batch<Double>, weights: [Double]?) throws where M.Scalar == Double {
        let prepared = try loss.prepare(target: targets, prediction: model.predict(inputs))
        let fused = model.lossAndParameterGradient(loss, inputs: inputs, targets: prepared, weights: weights, scale: 0.5)
        let chained = model.chainedLossAndParameterGradient(loss, inputs: inputs, targets: prepared, weights: weights, scale: 0.5)
        #expect(close(fused.total, chained.total, 1e-12), "\(M.self) with \(loss.name): \(fused.total) vs \(chained.total)")
        #expect(close(fused.gradient, chained.gradient, 1e-11), "\(M.self) with \(loss.name)")
    }

    @Test("Linear, logistic and softmax models over 1,301 rows (several blocks and a partial one), with and without sample weights")
    func blocks() throws {
        var random = Xoshiro256(seed: 21)
        let rows = 1_301
        let x3 = try Batch(rows: rows, columns: 3, values: (0..<(3 * rows)).map { _ in random.uniform(-2, 2) })
        let regressionTargets = Batch((0..<rows).map { _ in random.uniform(-5, 5) })
        let binaryTargets = Batch((0..<rows).map { _ in random.nextUnit() > 0.5 ? 1.0 : 0.0 })
        let oneHot = try Batch(rows: rows, columns: 4, values: (0..<rows).flatMap { _ -> [Double] in
            let label = Int(random.nextUnit() * 4) % 4
            return (0..<4).map { $0 == label ? 1.0 : 0.0 }
        })
        let weights = (0..<rows).map { _ in random.uniform(0, 2) }
        var linear = LinearRegression<Double>(features: 3)
        linear.parameters = [0.5, -1.5, 2.0, 0.3]
        var logistic = LogisticRegression<Double>(features: 3)
        logistic.parameters = [1.2, -0.7, 0.4, -0.1]
        var softmax = SoftmaxRegression<Double>(features: 3, classes: 4)
        softmax.parameters = (0..<16).map { Double($0 % 5) / 4 - 0.5 }
        for sampleWeights in [nil, weights] {
            try agree(linear, MeanSquaredError(), inputs: x3, targets: regressionTargets, weights: sampleWeights)
            try agree(linear, try Huber(delta: 1), inputs: x3, targets: regressionTargets, weights: sampleWeights)
            try agree(linear, LogCosh(), inputs: x3, targets: regressionTargets, weights: sampleWeights)
            try agree(logistic, try BinaryCrossentropy(fromLogits: true), inputs: x3, targets: binaryTargets, weights: sampleWeights)
            try agree(logistic, Hinge(), inputs: x3, targets: binaryTargets, weights: sampleWeights)
            try agree(softmax, try CategoricalCrossentropy(fromLogits: true, classWeights: [1, 2, 0.5, 1]), inputs: x3, targets: oneHot, weights: sampleWeights)
        }
        // One feature, one output: the two-sum path.
        var simple = LinearRegression<Double>(features: 1)
        simple.parameters = [3, -1]
        let x1 = Batch((0..<rows).map { _ in random.uniform(0, 3) })
        try agree(simple, MeanSquaredError(), inputs: x1, targets: regressionTargets, weights: nil)
    }
}
