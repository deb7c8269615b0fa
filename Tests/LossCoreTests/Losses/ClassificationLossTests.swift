import Foundation
import Testing
import LossCore

@Suite("Classification losses and KL divergence")
struct ClassificationLossTests {
    @Test("Binary cross-entropy from probabilities: hand-derived value")
    func bceValue() throws {
        let loss = try BinaryCrossentropy()
        // -(log 0.8 + log(1 - 0.3)) / 2
        let expected = -(log(0.8) + log(0.7)) / 2
        let output = try loss.evaluate(target: Batch([1, 0]), prediction: Batch([0.8, 0.3]))
        #expect(close(output.value, expected, 1e-15))
        // Gradient of the mean: (-y/p + (1-y)/(1-p)) / 2
        #expect(close(output.gradient.values, [-1 / 0.8 / 2, 1 / 0.7 / 2], 1e-15))
    }

    @Test("Binary cross-entropy from logits equals the probability form on moderate logits")
    func bceLogitsAgree() throws {
        let logits = try BinaryCrossentropy(fromLogits: true)
        let probabilities = try BinaryCrossentropy(epsilon: 1e-15)
        for z in grid(-6, 6, count: 25) {
            for y in [0.0, 0.3, 1.0] {
                let p = 1 / (1 + exp(-z))
                #expect(close(logits.value(target: y, prediction: z), probabilities.value(target: y, prediction: p), 1e-12))
            }
        }
        // The derivative in the logit is σ(z) - y.
        #expect(close(logits.derivative(target: 1.0, prediction: 0.0), -0.5))
    }

    @Test("Cross-entropy from logits stays finite at ±1e4; probabilities 0 and 1 are clipped")
    func extremes() throws {
        let logits = try BinaryCrossentropy(fromLogits: true)
        for z in [1e4, -1e4, 1e300, -1e300] {
            for y in [0.0, 1.0] {
                #expect(logits.value(target: y, prediction: z).isFinite)
                #expect(logits.derivative(target: y, prediction: z).isFinite)
                #expect(logits.secondDerivative(target: y, prediction: z)!.isFinite)
            }
        }
        #expect(logits.value(target: 0.0, prediction: 1e4) == 1e4)
        #expect(logits.value(target: 1.0, prediction: 1e4) == 0)
        let probabilities = try BinaryCrossentropy()
        let worst = probabilities.value(target: 1.0, prediction: 0.0)
        // -log(1e-7) = 16.118095650958319
        #expect(close(worst, 16.118095650958319, 1e-12))
        #expect(probabilities.derivative(target: 1.0, prediction: 0.0) == 0)
        #expect(try probabilities.evaluate(target: Batch([1, 0]), prediction: Batch([0.0, 1.0])).value.isFinite)
        let cce = try CategoricalCrossentropy(fromLogits: true)
        let out = try cce.evaluate(
            target: Batch(rows: [[0, 1, 0]]), prediction: Batch(rows: [[1e4, -1e4, 0]]))
        #expect(out.value == 2e4)
        #expect(out.gradient.values.allSatisfy { $0.isFinite })
        #expect(close(out.gradient.values, [1, -1, 0]))
        // Float too.
        let single = try cce.evaluate(
            target: Batch<Float>(rows: [[0, 1, 0]]), prediction: Batch<Float>(rows: [[1e4, -1e4, 0]]))
        #expect(single.value == 2e4)
    }

    @Test("Categorical cross-entropy from logits: log-sum-exp reference")
    func categoricalLogits() throws {
        let loss = try CategoricalCrossentropy(fromLogits: true)
        let z = [2.0, 5.0, -1.0]
        let lse = log(exp(2.0) + exp(5.0) + exp(-1.0))
        let output = try loss.evaluate(target: Batch(rows: [[0, 1, 0]]), prediction: Batch(rows: [z]))
        #expect(close(output.value, lse - 5, 1e-15))
        let softmax = z.map { exp($0 - lse) }
        #expect(close(output.gradient.values, [softmax[0], softmax[1] - 1, softmax[2]], 1e-15))
    }

    @Test("Label smoothing moves targets toward 1/K (categorical) and 1/2 (binary)")
    func labelSmoothing() throws {
        let cce = try CategoricalCrossentropy(fromLogits: true, labelSmoothing: 0.3)
        let z = [1.0, 0.0, -1.0]
        let lse = log(z.map(exp).reduce(0, +))
        let t = [0.1, 0.8, 0.1]  // [0,1,0]·0.7 + 0.3/3
        let expected = zip(t, z).map { $0 * (lse - $1) }.reduce(0, +)
        let output = try cce.evaluate(target: Batch(rows: [[0, 1, 0]]), prediction: Batch(rows: [z]))
        #expect(close(output.value, expected, 1e-15))
        let bce = try BinaryCrossentropy(labelSmoothing: 0.2)
        // y = 1 becomes 0.9
        let value = try bce.evaluate(target: Batch([1]), prediction: Batch([0.6])).value
        #expect(close(value, -(0.9 * log(0.6) + 0.1 * log(0.4)), 1e-15))
    }

    @Test("Class weights scale each class's term")
    func classWeights() throws {
        let loss = try CategoricalCrossentropy(fromLogits: true, classWeights: [1, 4])
        let z = [0.5, -0.5]
        let lse = log(exp(0.5) + exp(-0.5))
        let output = try loss.evaluate(
            target: Batch(rows: [[0, 1], [1, 0]]), prediction: Batch(rows: [z, z]))
        #expect(close(output.value, (4 * (lse + 0.5) + (lse - 0.5)) / 2, 1e-15))
        #expect(throws: LossError.self) {
            try loss.evaluate(target: Batch(rows: [[0, 1, 0]]), prediction: Batch(rows: [[1.0, 2, 3]]))
        }
        #expect(throws: LossError.self) { try CategoricalCrossentropy(classWeights: [1, -1]) }
    }

    @Test("Sparse labels give the same loss as one-hot rows, and out-of-range labels throw")
    func sparse() throws {
        let sparse = try SparseCategoricalCrossentropy(fromLogits: true)
        let dense = try CategoricalCrossentropy(fromLogits: true)
        let z = try Batch(rows: [[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]])
        let a = try sparse.evaluate(labels: [0, 2], prediction: z)
        let b = try dense.evaluate(target: Batch(rows: [[1, 0, 0], [0, 0, 1]]), prediction: z)
        #expect(a == b)
        #expect(errorText { try sparse.evaluate(labels: [0, 3], prediction: z) }
            == "y_true[1]: 3 is out of range; expected a class index in 0..<3")
        #expect(errorText { try sparse.evaluate(labels: [-1, 0], prediction: z) } != nil)
        #expect(errorText { try sparse.evaluate(labels: [0], prediction: z) }
            == "y_true: expected 2 labels (one per row of y_pred), found 1")
    }

    @Test("Hinge: 0/1 labels map to -1/1; mixed labels are refused")
    func hinge() throws {
        let loss = Hinge()
        let mapped = try loss.evaluate(target: Batch([0, 1]), prediction: Batch([0.5, 0.5]))
        let signed = try loss.evaluate(target: Batch([-1, 1]), prediction: Batch([0.5, 0.5]))
        #expect(mapped == signed)
        // max(0, 1 + 0.5) and max(0, 1 - 0.5): mean 1
        #expect(signed.value == 1)
        #expect(errorText { try loss.evaluate(target: Batch([-1, 0, 1]), prediction: Batch([0.1, 0.2, 0.3])) }
            == "y_true[1]: 0.0 is out of range; expected hinge labels, all in {-1, 1} or all in {0, 1}")
        let squared = SquaredHinge()
        #expect(squared.value(target: -1.0, prediction: 0.5) == 2.25)
        #expect(squared.derivative(target: -1.0, prediction: 0.5) == 3)
        #expect(squared.secondDerivative(target: 1.0, prediction: 1.0) == nil)
        #expect(loss.derivative(target: 1.0, prediction: 1.0) == -0.5)
        let points = randomPoints(300, in: -5...5, seed: 3).filter { abs($0 - 1) > 1e-3 && abs($0 + 1) > 1e-3 }
        for y in [-1.0, 1.0] {
            #expect(GradientCheck.loss(loss, target: y, predictions: points).passes())
            #expect(GradientCheck.loss(squared, target: y, predictions: points).passes())
            #expect(GradientCheck.secondDerivative(squared, target: y, predictions: points).passes())
        }
    }

    @Test("Binary cross-entropy derivatives match finite differences")
    func bceGradients() throws {
        let logits = try BinaryCrossentropy(fromLogits: true)
        let probabilities = try BinaryCrossentropy()
        for y in [0.0, 0.25, 1.0] {
            #expect(GradientCheck.loss(logits, target: y, predictions: grid(-30, 30, count: 121)).passes())
            #expect(GradientCheck.secondDerivative(logits, target: y, predictions: grid(-30, 30, count: 121)).passes())
            let inside = grid(0.01, 0.99, count: 99)
            #expect(GradientCheck.loss(probabilities, target: y, predictions: inside, step: 1e-8).passes(tolerance: 1e-5))
        }
    }

    @Test("KL divergence: 0 log 0 = 0, q = 0 under p > 0 is +infinity, and it is asymmetric")
    func kl() throws {
        let loss = try KLDivergence()
        let p = try Batch(rows: [[0.5, 0.5, 0]])
        let q = try Batch(rows: [[0.25, 0.5, 0.25]])
        // 0.5 log 2 + 0.5 log 1 + 0
        let forward = try loss.evaluate(target: p, prediction: q)
        #expect(close(forward.value, 0.5 * log(2.0), 1e-15))
        #expect(forward.gradient.values == [-2, -1, 0])
        // Reversed, q has 0.25 mass where p has none: infinite.
        let backward = try loss.evaluate(target: q, prediction: p)
        #expect(backward.value == .infinity)
        #expect(backward.gradient.values[2] == -.infinity)
        #expect(try loss.evaluate(target: p, prediction: p).value == 0)
        // Keras's clipped variant stays finite.
        let keras = try KLDivergence(epsilon: 1e-7)
        #expect(try keras.evaluate(target: q, prediction: p).value.isFinite)
        // What clipping costs, as the documentation says: q = 0 < p = 1 adds log(1e7) ≈ 16.1;
        // p = 0 < q adds 1e-7·log(1e-7/q), in [-1.6e-6, 0] (1e-7·log(1e-7) is its least).
        let certain = try Batch(rows: [[1.0, 0]])
        #expect(close(try keras.evaluate(target: certain, prediction: Batch(rows: [[1.0, 0]])).value, 0, 1e-15))
        #expect(close(try keras.evaluate(target: Batch(rows: [[1.0, 0]]), prediction: Batch(rows: [[0.0, 1]])).value, log(1e7) + 1e-7 * log(1e-7), 1e-12))
        for qj in [1e-7, 0.01, 0.5, 0.999] {
            let p = try Batch(rows: [[0.0, 1]]), q = try Batch(rows: [[qj, 1 - qj]])
            let added = try keras.evaluate(target: p, prediction: q).value - loss.evaluate(target: p, prediction: q).value
            #expect(close(added, 1e-7 * log(1e-7 / qj), 1e-12) && added <= 0 && added >= -1.62e-6, "q = \(qj): \(added)")
        }
        #expect(errorText { try loss.evaluate(target: Batch(rows: [[1.5, -0.5]]), prediction: Batch(rows: [[0.5, 0.5]])) }
            == "y_true[0]: 1.5 is out of range; expected a probability in [0, 1]")
    }

    @Test("Probabilities outside [0, 1] and non-finite logits are refused, naming the argument")
    func domains() throws {
        let bce = try BinaryCrossentropy()
        #expect(errorText { try bce.evaluate(target: Batch([1]), prediction: Batch([1.2])) }
            == "y_pred[0]: 1.2 is out of range; expected a probability in [0, 1]")
        #expect(errorText { try bce.evaluate(target: Batch([2]), prediction: Batch([0.2])) }
            == "y_true[0]: 2.0 is out of range; expected a probability in [0, 1]")
        let logits = try BinaryCrossentropy(fromLogits: true)
        #expect(errorText { try logits.evaluate(target: Batch([1]), prediction: Batch([Double.infinity])) }
            == "y_pred[0]: inf is out of range; expected a finite number")
        #expect(errorText { try CategoricalCrossentropy().evaluate(target: Batch(rows: [[1, 0]]), prediction: Batch(rows: [[0.0, 0.0]])) }
            == "y_pred[0]: a row summing to 0 is out of range; expected probabilities with a positive sum")
        #expect(throws: LossError.self) { try BinaryCrossentropy(labelSmoothing: 1.5) }
        #expect(throws: LossError.self) { try BinaryCrossentropy(epsilon: 0) }
    }
}

@Suite("Fused value and derivative")
struct FusedTests {
    @Test("The fused forms equal value and derivative computed apart")
    func fused() throws {
        let losses: [any ElementwiseLoss] = [LogCosh(), try BinaryCrossentropy(fromLogits: true), MeanSquaredError(), try Huber()]
        for loss in losses {
            for (target, prediction) in zip(randomPoints(500, in: 0...1, seed: 1), randomPoints(500, in: -40...40, seed: 2)) {
                let (value, slope) = loss.valueAndDerivative(target: target, prediction: prediction)
                #expect(close(value, loss.value(target: target, prediction: prediction), 1e-14), "\(loss.name)")
                #expect(close(slope, loss.derivative(target: target, prediction: prediction), 1e-14), "\(loss.name)")
            }
        }
    }
}
