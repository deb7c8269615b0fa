import Testing
import LossCore

@Suite("Regression losses: values, derivatives, extremes")
struct RegressionLossTests {
    static let residuals = [-7.5, -2, -1.2, -0.3, 0.25, 0.9, 1.7, 4, 12]

    @Test("MSE is r², 2r, 2 (Keras's form, no 1/2)")
    func mse() {
        let loss = MeanSquaredError()
        #expect(loss.value(residual: 3.0) == 9)
        #expect(loss.value(target: 1.0, prediction: -2.0) == 9)
        #expect(loss.derivative(residual: -1.5) == -3)
        #expect(loss.secondDerivative(residual: 0.0) == 2)
    }

    @Test("MAE is |r| with subgradient 0 and no second derivative at 0")
    func mae() {
        let loss = MeanAbsoluteError()
        #expect(loss.value(residual: -2.5) == 2.5)
        #expect(loss.derivative(residual: -2.5) == -1)
        #expect(loss.derivative(residual: 0.1) == 1)
        #expect(loss.derivative(residual: 0.0) == 0)
        #expect(loss.secondDerivative(residual: 0.0) == nil)
        #expect(loss.secondDerivative(residual: 3.0) == 0)
    }

    @Test("Huber follows the seeds' two pieces: r²/2 inside δ, δ(|r| - δ/2) beyond")
    func huberPieces() throws {
        let loss = try Huber(delta: 1.5)
        #expect(loss.value(residual: 1.0) == 0.5)
        #expect(loss.value(residual: -1.5) == 1.125)
        // 1.5 * (4 - 0.75) = 4.875
        #expect(loss.value(residual: 4.0) == 4.875)
        #expect(loss.value(residual: -4.0) == 4.875)
        #expect(loss.derivative(residual: 0.7) == 0.7)
        #expect(loss.derivative(residual: 9.0) == 1.5)
        #expect(loss.derivative(residual: -9.0) == -1.5)
        #expect(loss.secondDerivative(residual: 0.5) == 1)
        #expect(loss.secondDerivative(residual: 2.0) == 0)
        #expect(loss.secondDerivative(residual: 1.5) == nil)
        #expect(loss.secondDerivative(residual: -1.5) == nil)
        // The pieces meet: continuous value and slope at δ.
        #expect(close(loss.value(residual: 1.5 + 1e-12), loss.value(residual: 1.5), 1e-11))
    }

    @Test("Pseudo-Huber matches δ²(√(1+(r/δ)²) - 1), hand-derived")
    func pseudoHuber() throws {
        let loss = try PseudoHuber(delta: 2)
        // r = 2: 4(√2 - 1) = 1.6568542494923801
        #expect(close(loss.value(residual: 2.0), 1.6568542494923801, 1e-15))
        // r = 0.5: 4(√1.0625 - 1) = 0.12310562561766059
        #expect(close(loss.value(residual: 0.5), 0.12310562561766059, 1e-14))
        // derivative r/√(1+(r/δ)²): at r = 2, 2/√2
        #expect(close(loss.derivative(residual: 2.0), 2.0.squareRoot(), 1e-15))
        // second 1/(1+(r/δ)²)^{3/2}: at r = 2, 2^{-3/2}
        #expect(close(loss.secondDerivative(residual: 2.0)!, 1 / (2 * 2.0.squareRoot()), 1e-15))
        // Tiny residuals: about r²/2 without cancellation.
        #expect(close(loss.value(residual: 1e-9), 5e-19, 1e-9))
    }

    @Test("Log-cosh matches log(cosh r), with tanh and sech² as derivatives")
    func logCosh() {
        let loss = LogCosh()
        // log cosh 1 = 0.4337808304830271
        #expect(close(loss.value(residual: 1.0), 0.4337808304830271, 1e-15))
        #expect(close(loss.value(residual: -3.0), 2.3093285045777856, 1e-14))
        #expect(close(loss.derivative(residual: 1.0), 0.7615941559557649, 1e-15))
        #expect(close(loss.secondDerivative(residual: 1.0)!, 0.41997434161402614, 1e-14))
        #expect(loss.value(residual: 0.0) == 0)
    }

    @Test("Quantile loss: TensorFlow Addons' published pinball example gives 0.475")
    func quantile() throws {
        // tfa.losses.pinball_loss([0., 0., 1., 1.], [1., 1., 1., 0.], tau=.1) == 0.475
        let loss = try Quantile(tau: 0.1)
        let output = try loss.evaluate(target: Batch([0, 0, 1, 1]), prediction: Batch([1.0, 1, 1, 0]))
        #expect(close(output.value, 0.475, 1e-15))
        #expect(loss.derivative(residual: 2.0) == 0.9)
        #expect(loss.derivative(residual: -2.0) == -0.1)
        #expect(close(loss.derivative(residual: 0.0), 0.4))
        #expect(loss.secondDerivative(residual: 0.0) == nil)
    }

    static func allLosses() throws -> [any ResidualLoss] {
        [MeanSquaredError(), MeanAbsoluteError(), try Huber(), try Huber(delta: 0.3), try PseudoHuber(),
         try PseudoHuber(delta: 3), LogCosh(), try Quantile(), try Quantile(tau: 0.9)]
    }

    @Test("Every derivative agrees with finite differences away from kinks", arguments: [0.0, 1.3, -4.0])
    func derivativesMatchFiniteDifferences(target: Double) throws {
        let points = randomPoints(400, in: -20...20, seed: 7).map { $0 + target }
        for loss in try Self.allLosses() {
            let first = GradientCheck.loss(loss, target: target, predictions: points)
            #expect(first.passes(tolerance: 1e-6), "\(loss.name): \(first)")
            let second = GradientCheck.secondDerivative(loss, target: target, predictions: points)
            #expect(second.passes(tolerance: 1e-6), "\(loss.name) second: \(second)")
        }
    }

    @Test("Float gives the same values as Double to single precision")
    func floatMatchesDouble() throws {
        for loss in try Self.allLosses() {
            for r in Self.residuals {
                let single = loss.value(residual: Float(r))
                let double = loss.value(residual: r)
                #expect(close(Double(single), double, 1e-6), "\(loss.name) at \(r)")
                #expect(close(Double(loss.derivative(residual: Float(r))), loss.derivative(residual: r), 1e-6))
            }
        }
    }

    @Test("Extreme residuals stay finite where the math is finite")
    func extremes() throws {
        for r in [1e300, -1e300, Double.greatestFiniteMagnitude] {
            #expect(try Huber().value(residual: r).isFinite)
            #expect(try PseudoHuber().value(residual: r).isFinite)
            #expect(try PseudoHuber().derivative(residual: r).isFinite)
            #expect(LogCosh().value(residual: r).isFinite)
            #expect(abs(LogCosh().derivative(residual: r)) == 1)
            #expect(LogCosh().secondDerivative(residual: r) == 0)
            #expect(MeanAbsoluteError().value(residual: r).isFinite)
            #expect(try Quantile(tau: 0.3).value(residual: r).isFinite)
        }
        // log cosh(1e300) = 1e300 - log 2 exactly to double precision.
        #expect(LogCosh().value(residual: 1e300) == 1e300)
        #expect(LogCosh().value(residual: Float(1e30)) == Float(1e30))
        // MSE overflows honestly (documented): r² is not representable.
        #expect(MeanSquaredError().value(residual: 1e300) == .infinity)
        #expect(MeanSquaredError().derivative(residual: 1e300) == 2e300)
    }

    @Test("Bad parameters throw errors that name them")
    func badParameters() {
        #expect(throws: LossError.invalidParameter(name: "delta", value: "0.0", expected: "a finite number > 0")) {
            try Huber(delta: 0)
        }
        #expect(throws: LossError.self) { try Huber(delta: -1) }
        #expect(throws: LossError.self) { try PseudoHuber(delta: .nan) }
        #expect(throws: LossError.self) { try Quantile(tau: 1) }
        #expect(throws: LossError.self) { try Quantile(tau: 0) }
        #expect(errorText { try Quantile(tau: 2) } == "tau: 2.0 is invalid; expected a number in (0.0, 1.0)")
    }

    @Test("Property: regression losses are non-negative and zero at r = 0")
    func nonNegative() throws {
        let points = randomPoints(2000, in: -1e4...1e4, seed: 11)
        for loss in try Self.allLosses() {
            #expect(loss.value(residual: 0.0) == 0, "\(loss.name)")
            #expect(points.allSatisfy { loss.value(residual: $0) >= 0 }, "\(loss.name)")
        }
    }

    @Test("Property: symmetric losses satisfy L(r) = L(-r) and L'(-r) = -L'(r)")
    func symmetry() throws {
        let points = randomPoints(2000, in: -50...50, seed: 12)
        let symmetric: [any ResidualLoss] = [MeanSquaredError(), MeanAbsoluteError(), try Huber(delta: 2), try PseudoHuber(), LogCosh(), try Quantile(tau: 0.5)]
        for loss in symmetric {
            for r in points {
                #expect(loss.value(residual: r) == loss.value(residual: -r), "\(loss.name) at \(r)")
                #expect(loss.derivative(residual: r) == -loss.derivative(residual: -r), "\(loss.name) at \(r)")
            }
        }
        let asymmetric = try Quantile(tau: 0.9)
        #expect(asymmetric.value(residual: 1.0) != asymmetric.value(residual: -1.0))
    }

    @Test("Property: regression losses are convex (sampled midpoint inequality and L'' >= 0)")
    func convexity() throws {
        for loss in try Self.allLosses() {
            let report = ConvexityReport.of(loss, over: -30...30, samples: 241)
            #expect(report.isConvex, "\(loss.name): \(report)")
        }
    }
}
