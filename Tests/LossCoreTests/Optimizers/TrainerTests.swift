import Foundation
import Testing
import LossCore

@Suite("Optimisers and training")
struct TrainerTests {
    let data = try! RegressionData<Double>.housePrices(count: 40, seed: 9)

    /// Ordinary least squares in closed form for one feature.
    func leastSquares() -> (slope: Double, intercept: Double) {
        let x = data.inputs.values, y = data.targets.values
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        return (sxy / sxx, my - sxy / sxx * mx)
    }

    func objective(_ model: LinearRegression<Double>, penalty: Penalty = .none) throws -> Objective<MeanSquaredError, Double> {
        try Objective(loss: MeanSquaredError(), penalty: penalty, inputs: data.inputs, targets: data.targets, model: model)
    }

    @Test("Batch gradient descent below 2/L converges to the least-squares line")
    func converges() throws {
        var model = LinearRegression<Double>(features: 1)
        let conditioning = try LeastSquaresConditioning(inputs: data.inputs)
        let trainer = Trainer(optimizer: try .gradientDescent(learningRate: 1 / conditioning.smoothness),
                              stopping: StoppingRule(maxSteps: 100_000, tolerance: 1e-15))
        let history = trainer.train(&model, on: try objective(model))
        guard case .converged = history.status else {
            Issue.record("expected convergence, got \(history.status)")
            return
        }
        let exact = leastSquares()
        #expect(close(model.weights[0], exact.slope, 1e-5))
        #expect(close(model.bias, exact.intercept, 1e-5))
        #expect(history.losses.count == history.parameters.count)
        #expect(zip(history.losses, history.losses.dropFirst()).allSatisfy { $0 >= $1 }, "GD below 1/L never increases the loss")
    }

    @Test("A full-batch step uses the gradient at the current parameters: the history equals plain descent written out, bit for bit")
    func stepByHand() throws {
        var model = LinearRegression<Double>(features: 1)
        let objective = try objective(model, penalty: .l2(0.1))
        let rate = 0.01
        let history = Trainer(optimizer: try .gradientDescent(learningRate: rate), stopping: StoppingRule(maxSteps: 50, tolerance: 0))
            .train(&model, on: objective)
        var byHand = LinearRegression<Double>(features: 1)
        var losses = [objective.valueAndGradient(byHand).value]
        for _ in 0..<50 {
            let gradient = objective.valueAndGradient(byHand).gradient
            for index in gradient.indices { byHand.parameters[index] -= rate * gradient[index] }
            losses.append(objective.valueAndGradient(byHand).value)
        }
        #expect(history.losses.map(\.bitPattern) == losses.map(\.bitPattern))
        #expect(model.parameters.map(\.bitPattern) == byHand.parameters.map(\.bitPattern))
    }

    @Test("A step beyond 2/L diverges and stops with a clear status, never NaN in the curve")
    func diverges() throws {
        var model = LinearRegression<Double>(features: 1)
        let conditioning = try LeastSquaresConditioning(inputs: data.inputs)
        let trainer = Trainer(optimizer: try .gradientDescent(learningRate: 1.1 * conditioning.stepBound),
                              stopping: StoppingRule(maxSteps: 100_000))
        let history = trainer.train(&model, on: try objective(model))
        #expect(history.status.diverged, "\(history.status)")
        #expect(history.losses.allSatisfy { $0.isFinite })
        #expect(model.parameters.allSatisfy { $0.isFinite })
        // Just below the bound still converges (slowly).
        var stable = LinearRegression<Double>(features: 1)
        let slow = Trainer(optimizer: try .gradientDescent(learningRate: 0.95 * conditioning.stepBound),
                           stopping: StoppingRule(maxSteps: 200_000, tolerance: 1e-13))
        #expect(!slow.train(&stable, on: try objective(stable)).status.diverged)
    }

    @Test("A huge step overflows to infinity: status non-finite, last finite parameters kept")
    func overflow() throws {
        var model = LinearRegression<Double>(features: 1)
        let trainer = Trainer(optimizer: try .gradientDescent(learningRate: 1e200), stopping: StoppingRule(maxSteps: 50, risingSteps: 1000))
        let history = trainer.train(&model, on: try objective(model))
        guard case .divergedNonFinite = history.status else {
            Issue.record("expected non-finite divergence, got \(history.status)")
            return
        }
        #expect(history.losses.allSatisfy { $0.isFinite })
        #expect(model.parameters == history.parameters.last)
    }

    @Test("Momentum, Adam and minibatch SGD all reach the least-squares fit")
    func otherOptimizers() throws {
        let exact = leastSquares()
        let conditioning = try LeastSquaresConditioning(inputs: data.inputs)
        let optimizers: [Optimizer] = [
            try .momentum(learningRate: 0.2 / conditioning.smoothness, beta: 0.9),
            try .adam(learningRate: 2),
        ]
        for optimizer in optimizers {
            var model = LinearRegression<Double>(features: 1)
            let history = Trainer(optimizer: optimizer, stopping: StoppingRule(maxSteps: 50_000, tolerance: 1e-15, risingSteps: 1000))
                .train(&model, on: try objective(model))
            #expect(!history.status.diverged)
            #expect(close(model.weights[0], exact.slope, 1e-3), "\(optimizer.rule): \(model.weights[0]) vs \(exact.slope)")
        }
        var model = LinearRegression<Double>(features: 1)
        let sgd = Trainer(optimizer: try .sgd(learningRate: 0.02, batchSize: 8, seed: 3), stopping: StoppingRule(maxSteps: 3000, tolerance: 0, risingSteps: 3000))
        _ = sgd.train(&model, on: try objective(model))
        #expect(abs(model.weights[0] - exact.slope) < 0.05 * abs(exact.slope))
    }

    @Test("Adam is the paper's update, ε after the bias correction; Keras's placement is that update with ε/√(1 − β₂ᵗ)")
    func adamByHand() throws {
        // A large ε, so that where it is added shows in the parameters.
        let (rate, beta1, beta2, epsilon) = (0.05, 0.9, 0.999, 0.5)
        var model = LinearRegression<Double>(features: 1)
        let objective = try objective(model)
        let history = Trainer(optimizer: try .adam(learningRate: rate, epsilon: epsilon), stopping: StoppingRule(maxSteps: 30, tolerance: 0))
            .train(&model, on: objective)
        var paper = LinearRegression<Double>(features: 1), keras = paper
        var m = [0.0, 0.0], v = [0.0, 0.0], mk = m, vk = v
        for t in 1...30 {
            let g = objective.valueAndGradient(paper).gradient, gk = objective.valueAndGradient(keras).gradient
            let c1 = 1 - pow(beta1, Double(t)), c2 = 1 - pow(beta2, Double(t))
            for i in g.indices {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                paper.parameters[i] -= rate * (m[i] / c1) / ((v[i] / c2).squareRoot() + epsilon)
                // Keras 3's Adam.update_step: α = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ); θ ← θ − α·m/(√v + ε).
                mk[i] = beta1 * mk[i] + (1 - beta1) * gk[i]
                vk[i] = beta2 * vk[i] + (1 - beta2) * gk[i] * gk[i]
                keras.parameters[i] -= rate * c2.squareRoot() / c1 * mk[i] / (vk[i].squareRoot() + epsilon)
            }
        }
        #expect(history.parameters.count == 31)
        #expect(zip(model.parameters, paper.parameters).allSatisfy { close($0, $1, 1e-12) }, "\(model.parameters) vs \(paper.parameters)")
        #expect(zip(model.parameters, keras.parameters).allSatisfy { !close($0, $1, 1e-3) }, "Keras's ε placement differs")
        // Keras's step at t equals the paper's with ε/√(1 − β₂ᵗ).
        for (mt, vt, t) in [(0.3, 0.02, 1), (-2.0, 4.0, 7), (1e-3, 1e-8, 250)] {
            let c1 = 1 - pow(beta1, Double(t)), c2 = 1 - pow(beta2, Double(t))
            let kerasStep = rate * c2.squareRoot() / c1 * mt / (vt.squareRoot() + epsilon)
            let paperStep = rate * (mt / c1) / ((vt / c2).squareRoot() + epsilon / c2.squareRoot())
            #expect(close(kerasStep, paperStep, 1e-13))
        }
    }

    @Test("Training is deterministic: the same seed gives the same history")
    func deterministic() throws {
        func run(seed: UInt64) throws -> TrainingHistory<Double> {
            var model = LinearRegression<Double>(features: 1)
            return Trainer(optimizer: try .sgd(learningRate: 0.01, batchSize: 5, seed: seed), stopping: StoppingRule(maxSteps: 30))
                .train(&model, on: try objective(model))
        }
        #expect(try run(seed: 1) == run(seed: 1))
        #expect(try run(seed: 1) != run(seed: 2))
    }

    @Test("The proximal L1 step drives irrelevant weights exactly to zero; L2 only shrinks them")
    func lassoZeros() throws {
        // y depends on feature 0 only; features 1 and 2 are noise.
        var random = Xoshiro256(seed: 21)
        var x: [Double] = []
        var y: [Double] = []
        for _ in 0..<200 {
            let row = (0..<3).map { _ in random.normal() }
            x += row
            y.append(3 * row[0] + 0.1 * random.normal())
        }
        let inputs = try Batch(rows: 200, columns: 3, values: x)
        func fit(_ penalty: Penalty, proximal: Bool) throws -> [Double] {
            var model = LinearRegression<Double>(features: 3)
            let objective = try Objective(loss: MeanSquaredError(), penalty: penalty, inputs: inputs, targets: Batch(y), model: model)
            _ = Trainer(optimizer: try Optimizer(learningRate: 0.1, proximalL1: proximal), stopping: StoppingRule(maxSteps: 5000, tolerance: 1e-14))
                .train(&model, on: objective)
            return model.weights
        }
        let lasso = try fit(.l1(0.2), proximal: true)
        #expect(lasso[1] == 0 && lasso[2] == 0, "\(lasso)")
        #expect(lasso[0] > 2.5)
        let ridge = try fit(.l2(0.2), proximal: false)
        #expect(ridge[1] != 0 && ridge[2] != 0)
        #expect(ridge[0] < 3)
    }

    @Test("Logistic regression trained from logits separates two blobs")
    func logistic() throws {
        let data = try ClassificationData<Double>.blobs(centers: [[-2, 0], [2, 0]], counts: [50, 50], spread: 0.8, seed: 2)
        var model = LogisticRegression<Double>(features: 2)
        let objective = try Objective(loss: try BinaryCrossentropy(fromLogits: true), inputs: data.inputs, targets: data.binaryTargets, model: model)
        let history = Trainer(optimizer: try .gradientDescent(learningRate: 0.5), stopping: StoppingRule(maxSteps: 500)).train(&model, on: objective)
        #expect(history.losses.last! < history.losses.first! / 5)
        let correct = zip(model.classify(data.inputs), data.labels).filter { $0 == $1 }.count
        #expect(correct >= 95)
    }

    @Test("Bad optimiser settings throw, naming the setting")
    func badSettings() {
        #expect(errorText { try Optimizer.gradientDescent(learningRate: 0) } == "learning_rate: 0.0 is invalid; expected a finite number > 0")
        #expect(errorText { try Optimizer.sgd(learningRate: 0.1, batchSize: 0) } == "batch_size: 0 is invalid; expected an integer >= 1")
        #expect(throws: LossError.self) { try Optimizer.momentum(learningRate: 0.1, beta: 1) }
        #expect(throws: LossError.self) { try Optimizer.adam(beta1: -0.1) }
    }
}
