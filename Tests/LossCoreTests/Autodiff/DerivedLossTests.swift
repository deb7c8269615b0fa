import LossCore
import RealModule
import Testing

/// Every built-in pointwise loss written again as a formula: the derived derivatives agree with
/// the hand-written ones away from kinks, and with central differences.
@Suite("Losses from their formula alone: derived slopes and curvatures")
struct DerivedLossTests {
    /// A residual loss, its formula, and its kinks (where slopes are compared separately).
    struct Residual: Sendable, CustomStringConvertible {
        let loss: any ResidualLoss
        let formula: @Sendable (Dual2) -> Dual2
        let kinks: [Double]
        var description: String { loss.name }
    }

    static let residuals: [Residual] = [
        Residual(loss: MeanSquaredError(), formula: { r in r * r }, kinks: []),
        Residual(loss: MeanAbsoluteError(), formula: { r in abs(r) }, kinks: [0]),
        Residual(loss: try! Huber(delta: 1.5), formula: { r in abs(r) <= 1.5 ? 0.5 * r * r : 1.5 * (abs(r) - 0.75) }, kinks: [-1.5, 1.5]),
        Residual(loss: try! PseudoHuber(delta: 2), formula: { r in 4.0 * (sqrt(1 + (r / 2.0) * (r / 2.0)) - 1) }, kinks: []),
        Residual(loss: LogCosh(), formula: { r in log(cosh(r)) }, kinks: []),
        Residual(loss: try! Quantile(tau: 0.3), formula: { r in r >= 0 ? 0.7 * r : -0.3 * r }, kinks: [0]),
    ]

    /// 401 residuals in [-8, 8], kinks left out.
    static func points(avoiding kinks: [Double]) -> [Double] {
        (0...400).map { -8 + 16 * Double($0) / 400 }.filter { r in kinks.allSatisfy { abs(r - $0) > 1e-3 } }
    }

    @Test("value, slope and curvature match the hand-written ones at hundreds of residuals", arguments: residuals)
    func agrees(with entry: Residual) throws {
        let derived = CustomLoss(name: entry.loss.name, formula: entry.formula)
        let points = Self.points(avoiding: entry.kinks)
        #expect(points.count >= 390)
        for r in points {
            #expect(close(derived.value(residual: r), entry.loss.value(residual: r), 1e-12), "\(entry) L(\(r))")
            #expect(close(derived.derivative(residual: r), entry.loss.derivative(residual: r), 1e-12), "\(entry) L′(\(r))")
            if let second = entry.loss.secondDerivative(residual: r) {
                #expect(close(try #require(derived.secondDerivative(residual: r)), second, 1e-10), "\(entry) L″(\(r))")
            }
            let numeric = centralDifference(r) { derived.value(residual: $0) }
            #expect(close(derived.derivative(residual: r), numeric, 1e-6), "\(entry): derived L′(\(r)) against differences")
        }
    }

    @Test("at the kinks the derived slope is the branch's: |r| gives 0 (the midpoint), a branch on r ≥ 0 its right slope")
    func kinks() {
        let mae = CustomLoss(name: "mae", formula: { r in abs(r) })
        #expect(mae.derivative(residual: 0.0) == 0 && MeanAbsoluteError().derivative(residual: 0.0) == 0, "MAE at 0: both 0")
        let pinball = CustomLoss(name: "quantile", formula: { r in r >= 0 ? 0.7 * r : -0.3 * r })
        #expect(pinball.derivative(residual: 0.0) == 0.7, "the derived slope at the kink is 1 − τ, the r ≥ 0 branch's")
        #expect(close(try! Quantile(tau: 0.3).derivative(residual: 0.0), 0.2), "the hand-written one is the midpoint (1 − 2τ)/2")
        let huber = CustomLoss(name: "huber", formula: { r in abs(r) <= 1 ? 0.5 * r * r : abs(r) - 0.5 })
        #expect(huber.derivative(residual: 1.0) == 1 && huber.secondDerivative(residual: 1.0) == 1, "Huber at δ: the quadratic branch's curvature")
        #expect(try! Huber(delta: 1).secondDerivative(residual: 1.0) == nil, "where the hand-written one says there is none")
    }

    @Test("(target, prediction) formulas: hinge, squared hinge and cross-entropy against the built-in losses")
    func elementwise() throws {
        let hinge = CustomElementwiseLoss(name: "hinge") { y, f in max(0, 1 - y * f) }
        let squared = CustomElementwiseLoss(name: "squared hinge") { y, f in let m = max(0, 1 - y * f); return m * m }
        let bce = CustomElementwiseLoss(name: "bce") { y, p in -(y * log(p) + (1 - y) * log(1 - p)) }
        let scores = (0...200).map { -3 + 6 * Double($0) / 200 }
        for y in [-1.0, 1.0] {
            for f in scores where abs(1 - y * f) > 1e-3 {
                #expect(close(hinge.derivative(target: y, prediction: f), Hinge().derivative(target: y, prediction: f)))
                #expect(close(squared.derivative(target: y, prediction: f), SquaredHinge().derivative(target: y, prediction: f)))
                #expect(close(squared.value(target: y, prediction: f), SquaredHinge().value(target: y, prediction: f)))
            }
        }
        let builtIn = try BinaryCrossentropy()
        for y in [0.0, 0.3, 1.0] {
            for p in (1...199).map({ Double($0) / 200 }) {
                #expect(close(bce.value(target: y, prediction: p), builtIn.value(target: y, prediction: p), 1e-12))
                #expect(close(bce.derivative(target: y, prediction: p), builtIn.derivative(target: y, prediction: p), 1e-10), "bce′ at y=\(y), p=\(p)")
                let numeric = centralDifference(p, step: 1e-7) { bce.value(target: y, prediction: $0) }
                #expect(close(bce.derivative(target: y, prediction: p), numeric, 1e-5))
            }
        }
    }

    @Test("a family from a parameterised formula: each member's slope is derived, and fits like the hand-written family")
    func family() throws {
        let derived = LossFamily(name: "asymmetric") { (over: Double, r: Dual2) in r > 0 ? over * r * r : r * r }
        let handWritten = LossFamily(name: "asymmetric") { (over: Double) in
            CustomLoss(name: "asymmetric(\(over))", value: { r in r > 0 ? over * r * r : r * r },
                       derivative: { r in r > 0 ? 2 * over * r : 2 * r }, secondDerivative: { r in r > 0 ? 2 * over : 2 })
        }
        let a = try derived(9), b = try handWritten(9)
        #expect(a.name == "asymmetric(9.0)")
        for r in Self.points(avoiding: [0]) {
            #expect(a.derivative(residual: r) == b.derivative(residual: r) && a.secondDerivative(residual: r) == b.secondDerivative(residual: r))
        }
        let check = GradientCheck.loss(a, target: 0, predictions: Self.points(avoiding: [0]))
        #expect(check.passes())
        let data = try RegressionData<Double>.housePrices(count: 60, seed: 4)
        func fit<L: Loss>(_ loss: L) throws -> LinearRegression<Double> {
            try Trainer(optimizer: try .gradientDescent(learningRate: 0.05), stopping: StoppingRule(maxSteps: 400, tolerance: 0, risingSteps: 400))
                .fit(LinearRegression<Double>(features: 1), loss: loss, inputs: data.inputs, targets: data.targets).model
        }
        let fitA = try fit(a), fitB = try fit(b)
        #expect(close(fitA.weights[0], fitB.weights[0], 1e-12) && close(fitA.bias, fitB.bias, 1e-12), "the same training, step by step")
        let tensorFlowStyle = LossFamily(name: "weighted") { (w: Double, y: Dual2, p: Dual2) in w * (p - y) * (p - y) }
        #expect(try tensorFlowStyle(3).derivative(target: 1.0, prediction: 2.0) == 6)
    }
}
