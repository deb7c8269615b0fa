import Testing
import LossCore

@Suite("Reductions, sample weights and the batch gradient")
struct ReductionTests {
    let target = try! Batch(rows: [[0.0, 1.0], [2.0, -1.0], [0.5, 0.5]])
    let prediction = try! Batch(rows: [[0.4, 2.5], [1.0, -3.0], [0.6, 0.2]])

    @Test("mean divides the weighted sum by the number of samples; sum does not; none keeps each")
    func reductions() throws {
        let loss = MeanSquaredError()
        let weights = [2.0, 0.0, 1.0]
        // Per-sample means of r²: (0.16 + 2.25)/2, (1 + 4)/2, (0.01 + 0.09)/2
        let perSample = [1.205, 2.5, 0.05]
        let none = try loss.evaluate(target: target, prediction: prediction, reduction: .none)
        #expect(close(none.perSample, perSample, 1e-15))
        let sum = try loss.evaluate(target: target, prediction: prediction, reduction: .sum, sampleWeight: weights)
        #expect(close(sum.value, 2 * 1.205 + 0.05, 1e-15))
        let mean = try loss.evaluate(target: target, prediction: prediction, reduction: .mean, sampleWeight: weights)
        #expect(close(mean.value, (2 * 1.205 + 0.05) / 3, 1e-15))
        // A zero weight zeroes that sample's gradient.
        #expect(mean.gradient.row(1).allSatisfy { $0 == 0 })
    }

    static func losses() throws -> [any Loss] {
        [MeanSquaredError(), MeanAbsoluteError(), try Huber(delta: 0.7), try PseudoHuber(), LogCosh(),
         try Quantile(tau: 0.2), try BinaryCrossentropy(fromLogits: true, labelSmoothing: 0.1),
         try CategoricalCrossentropy(fromLogits: true, labelSmoothing: 0.05, classWeights: [1, 2]),
         SquaredHinge(), Hinge()]
    }

    @Test("The gradient of every reduced loss matches finite differences", arguments: Reduction.allCases)
    func batchGradient(reduction: Reduction) throws {
        let targets = try Batch(rows: [[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
        let weights = [0.5, 2.0, 1.0]
        for loss in try Self.losses() {
            let output = try loss.evaluate(
                target: targets, prediction: prediction, reduction: reduction, sampleWeight: weights)
            let numeric = numericGradient(prediction.values) { values in
                let p = try! Batch(rows: 3, columns: 2, values: values)
                return try! loss.evaluate(target: targets, prediction: p, reduction: reduction, sampleWeight: weights).value
            }
            #expect(close(output.gradient.values, numeric, 1e-6), "\(loss.name) \(reduction)")
        }
    }

    @Test("Categorical cross-entropy from probabilities: gradient through Keras's normalisation")
    func probabilityGradient() throws {
        let loss = try CategoricalCrossentropy()
        let targets = try Batch(rows: [[0.0, 1.0, 0.0], [0.2, 0.3, 0.5]])
        let p = try Batch(rows: [[0.2, 0.5, 0.6], [0.3, 0.3, 0.1]])
        let output = try loss.evaluate(target: targets, prediction: p)
        let numeric = numericGradient(p.values) { values in
            try! loss.evaluate(target: targets, prediction: Batch(rows: 2, columns: 3, values: values)).value
        }
        #expect(close(output.gradient.values, numeric, 1e-6))
        let kl = try KLDivergence()
        let q = try Batch(rows: [[0.2, 0.5, 0.3], [0.3, 0.6, 0.1]])
        let klOutput = try kl.evaluate(target: targets, prediction: q, reduction: .sum)
        let klNumeric = numericGradient(q.values) { values in
            try! kl.evaluate(target: targets, prediction: Batch(rows: 2, columns: 3, values: values), reduction: .sum).value
        }
        #expect(close(klOutput.gradient.values, klNumeric, 1e-6))
    }

    @Test("Bad shapes, empty input, NaN and bad weights are errors that name the argument")
    func badInput() throws {
        let loss = MeanSquaredError()
        #expect(errorText { try loss.evaluate(target: Batch([1.0, 2.0]), prediction: Batch([1.0])) }
            == "y_true: expected 1 x 1 (the shape of y_pred), found 2 x 1")
        #expect(errorText { try loss.evaluate(target: Batch<Double>([]), prediction: Batch([])) }
            == "y_pred: is empty; expected at least one element")
        #expect(errorText { try loss.evaluate(target: Batch([1.0, .nan]), prediction: Batch([1.0, 2.0])) }
            == "y_true[1]: is NaN; expected a number")
        #expect(errorText { try loss.evaluate(target: Batch([1.0]), prediction: Batch([Double.nan])) }
            == "y_pred[0]: is NaN; expected a number")
        #expect(errorText { try loss.evaluate(target: Batch([1.0]), prediction: Batch([1.0]), sampleWeight: [1, 2]) }
            == "sample_weight: expected 1 weights (one per sample), found 2")
        #expect(errorText { try loss.evaluate(target: Batch([1.0]), prediction: Batch([1.0]), sampleWeight: [.infinity]) }
            == "sample_weight[0]: inf is out of range; expected a finite number")
        #expect(errorText { try Batch(rows: [[1.0, 2.0], [3.0]]) }
            == "values[1]: expected 2 elements (as row 0), found 1")
    }

    @Test("Float and Double batches agree")
    func floatBatch() throws {
        let loss = try Huber()
        let d = try loss.evaluate(target: target, prediction: prediction)
        let f = try loss.evaluate(
            target: Batch(rows: 3, columns: 2, values: target.values.map(Float.init)),
            prediction: Batch(rows: 3, columns: 2, values: prediction.values.map(Float.init)))
        #expect(close(Double(f.value), d.value, 1e-6))
        #expect(close(f.gradient.values.map(Double.init), d.gradient.values, 1e-6))
    }
}

@Suite("The buffer hot path")
struct BufferPathTests {
    @Test("valueAndGradient over buffers equals evaluate", arguments: Reduction.allCases)
    func sameAsEvaluate(reduction: Reduction) throws {
        let target = try Batch(rows: [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
        let prediction = try Batch(rows: [[2.0, -1.0, 0.5], [0.3, 0.2, -4.0]])
        let losses: [any Loss] = [MeanSquaredError(), try Huber(delta: 0.5), LogCosh(), try BinaryCrossentropy(fromLogits: true),
                                  try CategoricalCrossentropy(fromLogits: true)]
        for loss in losses {
            let expected = try loss.evaluate(target: target, prediction: prediction, reduction: reduction)
            var gradient = [Double](repeating: 0, count: 6)
            let value = target.values.withUnsafeBufferPointer { t in
                prediction.values.withUnsafeBufferPointer { p in
                    gradient.withUnsafeMutableBufferPointer { g in
                        loss.valueAndGradient(target: t, prediction: p, gradient: g, columns: 3, reduction: reduction)
                    }
                }
            }
            #expect(abs(value - expected.value) < 1e-12, "\(loss.name)")
            #expect(zip(gradient, expected.gradient.values).allSatisfy { abs($0 - $1) < 1e-12 }, "\(loss.name)")
        }
    }
}
