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
