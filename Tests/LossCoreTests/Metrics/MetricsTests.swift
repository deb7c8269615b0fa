import Testing
import LossCore

@Suite("Metrics")
struct MetricsTests {
    @Test("Accuracy, recall, MAE and R² on hand-computed cases")
    func values() throws {
        #expect(try Metrics.accuracy(predicted: [0, 1, 1, 0], labels: [0, 1, 0, 0]) == 0.75)
        #expect(try Metrics.recall(predicted: [0, 1, 1, 0, 1], labels: [1, 1, 0, 1, 1], positive: 1) == 0.5)
        #expect(try Metrics.meanAbsoluteError(predicted: [1, 2, 3], targets: [2, 2, 5]) == 1)
        // targets mean 2; SS_tot = 2; SS_res = 0.5 → 0.75
        #expect(try Metrics.rSquared(predicted: [1.5, 2, 2.5], targets: [1, 2, 3]) == 0.75)
        #expect(throws: LossError.self) { try Metrics.accuracy(predicted: [1], labels: [1, 2]) }
        #expect(throws: LossError.self) { try Metrics.recall(predicted: [0], labels: [0], positive: 1) }
        #expect(throws: LossError.self) { try Metrics.meanAbsoluteError(predicted: [], targets: []) }
    }

    @Test("Trainer.fit returns the trained model and leaves the original alone")
    func fit() throws {
        let data = try RegressionData<Double>.housePrices(count: 30, seed: 2)
        let start = LinearRegression<Double>(features: 1)
        let conditioning = try LeastSquaresConditioning(inputs: data.inputs)
        let (model, history) = try Trainer(optimizer: try .gradientDescent(learningRate: 1 / conditioning.smoothness),
                                           stopping: StoppingRule(maxSteps: 50_000, tolerance: 1e-14))
            .fit(start, loss: MeanSquaredError(), inputs: data.inputs, targets: data.targets)
        #expect(start.parameters == [0, 0])
        #expect(model.weights[0] > 100)
        #expect(history.losses.last! < history.losses.first!)
    }
}
