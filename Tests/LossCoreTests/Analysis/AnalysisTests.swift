import Testing
import Foundation
import LossCore

@Suite("Analysis: smoothness, convexity, influence, conditioning")
struct AnalysisTests {
    @Test("MAE is C0 at 0; Huber is C1 but not C2 at ±δ; smooth losses are C2")
    func smoothness() throws {
        let mae = SmoothnessReport.of(MeanAbsoluteError(), at: 0)
        #expect(mae.valueContinuous && !mae.firstDerivativeContinuous && mae.order == 0)
        #expect(close(mae.firstDerivativeJump, 2))
        let huber = try Huber(delta: 1.5)
        for point in [1.5, -1.5] {
            let report = SmoothnessReport.of(huber, at: point)
            #expect(report.order == 1, "\(report)")
            #expect(close(report.secondDerivativeJump, 1))
        }
        #expect(SmoothnessReport.of(huber, at: 0.3).order == 2)
        #expect(SmoothnessReport.of(huber, at: 4).order == 2)
        for point in [0.0, 1, -2.5, 30] {
            #expect(SmoothnessReport.of(MeanSquaredError(), at: point).order == 2)
            #expect(SmoothnessReport.of(LogCosh(), at: point).order == 2)
            #expect(SmoothnessReport.of(try PseudoHuber(), at: point).order == 2)
        }
        #expect(SmoothnessReport.of(MeanAbsoluteError(), at: 1).order == 2)
        #expect(SmoothnessReport.of(try Quantile(tau: 0.2), at: 0).order == 0)
        #expect(SmoothnessReport.of(Hinge(), at: 1, target: 1).order == 0)
        #expect(SmoothnessReport.of(SquaredHinge(), at: 1, target: 1).order == 1)
    }

    @Test("A jump in the value itself is found")
    func discontinuous() {
        let step = CustomLoss(name: "step", value: { $0 > 0 ? 1 : 0 }, derivative: { _ in 0 })
        #expect(SmoothnessReport.of(step, at: 0).order == -1)
    }

    @Test("Convexity: the standard losses pass, Cauchy's log(1 + r²) fails")
    func convexity() throws {
        let cauchy = CustomLoss(
            name: "cauchy", value: { log(1 + $0 * $0) },
            derivative: { 2 * $0 / (1 + $0 * $0) },
            secondDerivative: { 2 * (1 - $0 * $0) / ((1 + $0 * $0) * (1 + $0 * $0)) })
        let report = ConvexityReport.of(cauchy, over: -5...5)
        #expect(!report.isConvex)
        #expect(report.mostNegativeCurvature < 0)
        #expect(report.violatingPair != nil)
        // The midpoint test alone also catches it (no second derivative given).
        let noCurvature = CustomLoss(name: "cauchy", value: { log(1 + $0 * $0) }, derivative: { 2 * $0 / (1 + $0 * $0) })
        #expect(!ConvexityReport.of(noCurvature, over: -5...5).isConvex)
        #expect(ConvexityReport.of(Hinge(), over: -4...4, target: 1).isConvex)
        #expect(ConvexityReport.of(try BinaryCrossentropy(fromLogits: true), over: -20...20, target: 1).isConvex)
    }

    @Test("Influence: bounded for MAE, Huber, log-cosh; unbounded for MSE")
    func influence() throws {
        #expect(!Influence.isBounded(MeanSquaredError()))
        #expect(Influence.isBounded(MeanAbsoluteError()))
        #expect(Influence.isBounded(try Huber(delta: 2)))
        #expect(Influence.isBounded(LogCosh()))
        #expect(Influence.isBounded(try PseudoHuber()))
        #expect(Influence.values(try Huber(delta: 2), at: [-10, 0.5, 10]) == [-2, 0.5, 2])
        #expect(Influence.largest(MeanSquaredError(), over: [-3, 1]) == 6)
    }

    @Test("Least-squares conditioning matches the closed-form eigenvalues")
    func conditioning() throws {
        // X = [0, 1, 2, 3], with bias: H = (2/4)[[14, 6], [6, 4]]; eigenvalues 9 ± √(25 + 36)... of [[14,6],[6,4]]: 9 ± √61.
        let c = try LeastSquaresConditioning(inputs: Batch([0.0, 1, 2, 3]))
        let root = 61.0.squareRoot()
        #expect(close(c.smoothness, 0.5 * (9 + root), 1e-10))
        #expect(close(c.strongConvexity, 0.5 * (9 - root), 1e-8))
        #expect(close(c.stepBound, 2 / (0.5 * (9 + root)), 1e-10))
        #expect(close(c.rate, 1 - (9 - root) / (9 + root), 1e-8))
        #expect(throws: LossError.self) { try LeastSquaresConditioning(inputs: Batch<Double>([])) }
    }
}
