import LossCore
import NotebookRuntime
import Plotting

// snippet.define
let delta = 1.0
let huber = try Huber(delta: delta)
// r²/2 inside δ, δ(|r| - δ/2) beyond: the two pieces meet with the same value and slope at ±δ.
print("L(0.5) = \(huber.value(residual: 0.5)),  L(3) = \(huber.value(residual: 3.0))")
// snippet.end

// snippet.plot
let r = stride(from: -3.0, through: 3.0, by: 0.01).map { $0 }
func panel(_ title: String, _ f: (Double) -> Double) -> Panel {
    Panel(title: title, x: Axis("residual r"), series: [Series(title, x: r, y: r.map(f))],
          referenceLines: [.vertical(-delta, label: "-δ"), .vertical(delta, label: "δ")], showsLegend: false)
}
show(Figure(title: "Huber loss with δ = 1: value, slope, curvature", panels: [
    panel("L(r)") { huber.value(residual: $0) },
    panel("L'(r)") { huber.derivative(residual: $0) },
    panel("L''(r)") { huber.secondDerivative(residual: $0) ?? .nan },
], columns: 3))
// snippet.end

// snippet.smoothness
let losses: [(String, any ResidualLoss)] = [
    ("MSE", MeanSquaredError()), ("MAE", MeanAbsoluteError()), ("Huber", huber),
    ("pseudo-Huber", try PseudoHuber(delta: delta)), ("log-cosh", LogCosh()),
]
let points = [0.0, delta, -delta, 2.0]
show(table: ["loss"] + points.map { "at r = \($0)" }, rows: losses.map { name, loss in
    [name] + points.map { SmoothnessReport.of(loss, at: $0) }.map { report in
        switch report.order {
        case 0: return "C⁰: L' jumps"
        case 1: return "C¹: L'' jumps"
        case 2: return "smooth (C²)"
        default: return "discontinuous"
        }
    }
})
// snippet.end

// snippet.checks
let atDelta = SmoothnessReport.of(huber, at: delta)
check(atDelta.firstDerivativeContinuous && !atDelta.secondDerivativeContinuous, "Huber is C¹ but not C² at r = δ")
check(SmoothnessReport.of(huber, at: -delta).order == 1, "... and at r = -δ")
check(SmoothnessReport.of(MeanAbsoluteError(), at: 0).order == 0, "MAE is not differentiable at r = 0")
check(SmoothnessReport.of(huber, at: 0).order == 2, "Huber is smooth at r = 0, where MAE has its kink")
let away = stride(from: -3.0, through: 3.0, by: 0.05).map { $0 }.filter { abs(abs($0) - delta) > 0.01 }
let gradients = GradientCheck.loss(huber, target: 0, predictions: away)
check(gradients.passes(tolerance: 1e-6), "Huber's derivative matches finite differences away from ±δ")
for (name, loss) in losses.suffix(2) {
    check(stride(from: -3.0, through: 3.0, by: 0.25).allSatisfy { SmoothnessReport.of(loss, at: $0).order == 2 },
          "\(name) is smooth everywhere we sample")
}
let grid = stride(from: -5.0, through: 5.0, by: 0.01).map { $0 }
let steepest = zip(grid, grid.dropFirst()).map { abs(huber.derivative(residual: $1) - huber.derivative(residual: $0)) / ($1 - $0) }.max()!
check(steepest <= 1 + 1e-9, "on a grid of step 0.01 over [−5, 5], Huber's slope (δ = 1) changes no faster than r: a Lipschitz constant of 1")
// PyTorch's SmoothL1Loss(beta: β > 0) is r²/(2β) inside β and |r| − β/2 beyond; its slope r/β and ±1.
func smoothL1(_ r: Double, beta: Double) -> (value: Double, slope: Double) {
    abs(r) < beta ? (r * r / (2 * beta), r / beta) : (abs(r) - beta / 2, r > 0 ? 1 : -1)
}
check(try [0.5, 2.0].allSatisfy { beta in
          let scaled = try Huber(delta: beta)
          return grid.allSatisfy { r in
              abs(scaled.value(residual: r) / beta - smoothL1(r, beta: beta).value) < 1e-12
                  && abs(scaled.derivative(residual: r) / beta - smoothL1(r, beta: beta).slope) < 1e-12
          } },
      "PyTorch's SmoothL1Loss with β = 0.5 and 2 is Huber with δ = β, divided by β, in value and slope (on the grid)")
check(grid.filter { abs($0) > delta + 1e-9 }.allSatisfy { huber.secondDerivative(residual: $0) == 0 },
      "beyond ±δ the curvature L'' is 0: Huber is not strongly convex in its tails")
record("jump", atDelta.secondDerivativeJump)
record("gradient_error", gradients.maxRelativeError)
// snippet.end

// snippet.delta
let houses = try RegressionData<Double>.housePrices(count: 50, outliers: 5, seed: 7)
func fit<L: Loss>(_ loss: L) throws -> LinearRegression<Double> {
    var model = LinearRegression<Double>(features: 1)
    for rate in [2.0, 0.05] {
        let trainer = Trainer(optimizer: try .adam(learningRate: rate), stopping: StoppingRule(maxSteps: 3000, tolerance: 0, risingSteps: 3000))
        model = try trainer.fit(model, loss: loss, inputs: houses.inputs, targets: houses.targets).model
    }
    return model
}
let deltas = [1.0, 5, 20, 100, 1000]
let huberFits = try deltas.map { try fit(try Huber(delta: $0)) }
let huberSlopes = huberFits.map { $0.weights[0] }
let mseFit = try fit(MeanSquaredError()), maeFit = try fit(MeanAbsoluteError())
let mseSlope = mseFit.weights[0], maeSlope = maeFit.weights[0]
let sizes = houses.inputs.values, prices = houses.targets.values
let outliers = Set(houses.outlierIndices), honest = sizes.indices.filter { !outliers.contains($0) }
func line(_ name: String, _ model: LinearRegression<Double>) -> Series {
    Series(name, x: [0.4, 3.1], y: [0.4, 3.1].map { model.weights[0] * $0 + model.bias })
}
show(sweep: "δ", values: deltas, initial: 20) { delta in
    let huberFit = huberFits[deltas.firstIndex(of: delta)!]
    let figure = Figure(Panel(
        title: "Huber's fitted line as δ grows", x: Axis("size (100 m²)"), y: Axis("price (thousands)"),
        series: [
            Series("houses", kind: .scatter, x: honest.map { sizes[$0] }, y: honest.map { prices[$0] }),
            Series("outliers", kind: .scatter, x: houses.outlierIndices.map { sizes[$0] }, y: houses.outlierIndices.map { prices[$0] }),
            line("MAE fit", maeFit), line("MSE fit", mseFit), line("Huber fit", huberFit),
        ]))
    return (figure, "Huber slope \((huberFit.weights[0] * 10).rounded() / 10); MAE \((maeSlope * 10).rounded() / 10), MSE \((mseSlope * 10).rounded() / 10)")
}
show(table: ["δ", "Huber slope"], rows: zip(deltas, huberSlopes).map { ["\($0)", "\(($1 * 10).rounded() / 10)"] }
     + [["MAE", "\((maeSlope * 10).rounded() / 10)"], ["MSE", "\((mseSlope * 10).rounded() / 10)"]])
func mseResidual(_ i: Int) -> Double { mseFit.weights[0] * sizes[i] + mseFit.bias - prices[i] }
let largestResidual = sizes.indices.map { abs(mseResidual($0)) }.max()!
check(deltas.last! > largestResidual && abs(huberSlopes.last! - mseSlope) < 0.01 * abs(mseSlope), "with δ larger than every residual, Huber fits like MSE")
check(abs(huberSlopes.first! - maeSlope) < abs(mseSlope - maeSlope) / 10, "with a small δ, Huber fits like MAE")
check(zip(huberSlopes, huberSlopes.dropFirst()).allSatisfy { abs($1 - mseSlope) <= abs($0 - mseSlope) + 1e-6 },
      "at each of the five δ tried, Huber's slope is no farther from MSE's than at the one before")
// The honest houses' scatter around the robust (MAE) line: the size of an honest error.
func honestError(_ i: Int) -> Double { maeFit.weights[0] * sizes[i] + maeFit.bias - prices[i] }
let honestNoise = (honest.map { honestError($0) * honestError($0) }.reduce(0, +) / Double(honest.count)).squareRoot()
record("honest_noise", honestNoise)
record("mse_slope", mseSlope)
record("mae_slope", maeSlope)
// snippet.end

// snippet.relatives
let wide = stride(from: -4.0, through: 4.0, by: 0.02).map { $0 }
show(Figure(Panel(title: "Smooth relatives of Huber (δ = 1)", x: Axis("residual r"), y: Axis("loss"), series: [
    Series("Huber", x: wide, y: wide.map { huber.value(residual: $0) }),
    Series("pseudo-Huber", x: wide, y: wide.map { try! PseudoHuber(delta: delta).value(residual: $0) }),
    Series("log-cosh", x: wide, y: wide.map { LogCosh().value(residual: $0) }),
])))
// snippet.end
