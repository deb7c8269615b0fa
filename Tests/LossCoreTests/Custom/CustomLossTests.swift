import Testing
import LossCore

@Suite("Custom, parameterised and regularised losses")
struct CustomLossTests {
    /// The seeds' `custom_loss_wrapper(param)`: a loss that scales squared error by a parameter
    /// on over-predictions.
    static let asymmetric = LossFamily(name: "asymmetric") { (over: Double) in
        CustomLoss(
            name: "asymmetric(\(over))", value: { r in r > 0 ? over * r * r : r * r },
            derivative: { r in r > 0 ? 2 * over * r : 2 * r }, secondDerivative: { r in r == 0 ? nil : (r > 0 ? 2 * over : 2) })
    }

    @Test("A closure loss evaluates, differentiates and reduces like a built-in one")
    func closureLoss() throws {
        let loss = try Self.asymmetric(3)
        #expect(loss.name == "asymmetric(3.0)")
        #expect(loss.value(residual: 2.0) == 12)
        #expect(loss.value(residual: -2.0) == 4)
        let output = try loss.evaluate(target: Batch([0, 0]), prediction: Batch([2.0, -2.0]))
        #expect(output.value == 8)
        #expect(output.gradient.values == [6, -2])
        #expect(GradientCheck.loss(loss, target: 0, predictions: grid(-5, 5, count: 40)).passes())
        #expect(Float(loss.value(residual: Float(2))) == 12)
    }

    @Test("Different parameters make different members of the family")
    func family() throws {
        let mild = try Self.asymmetric(1)
        let harsh = try Self.asymmetric(10)
        #expect(mild.value(residual: 1.0) == MeanSquaredError().value(residual: 1.0))
        #expect(harsh.value(residual: 1.0) == 10)
        let huberFamily = LossFamily(name: "huber") { (delta: Double) in try Huber(delta: delta) }
        #expect(try huberFamily(2).delta == 2)
        #expect(throws: LossError.self) { try huberFamily(-1) }
    }

    @Test("GradientCheck catches a wrong hand-written derivative")
    func wrongDerivative() {
        let wrong = CustomLoss(name: "wrong", value: { $0 * $0 * $0 }, derivative: { 2 * $0 * $0 })
        let check = GradientCheck.loss(wrong, target: 0, predictions: grid(-3, 3, count: 13))
        #expect(!check.passes())
        #expect(close(check.maxAbsoluteError, 9, 1e-6))
    }

    @Test("L1 and L2 penalties: values and gradients")
    func penalties() throws {
        let w: ArraySlice<Double> = [1.5, -2.0, 0.0]
        #expect(Penalty.l1(0.1).value(w) == 0.1 * 3.5)
        #expect(close(Penalty.l2(0.1).value(w), 0.1 * 6.25, 1e-15))
        var g: ArraySlice<Double> = [0, 0, 0]
        Penalty.l1(0.1).addGradient(w, to: &g)
        #expect(g == [0.1, -0.1, 0])
        var h: ArraySlice<Double> = [1, 1, 1]
        Penalty.l2(0.5).addGradient(w, to: &h)
        #expect(h == [2.5, -1, 1])
        #expect(throws: LossError.self) { try Penalty.l2(-1).validated() }
    }
}
