// snippet.hide
import Foundation
// snippet.show
import LossCore
import NotebookRuntime
import Plotting

// snippet.data
// Sizes in 100 m², prices in hundreds of thousands: both of order 1.
let houses = try RegressionData<Double>.housePrices(count: 60, seed: 11)
let x = houses.inputs
let y = Batch(houses.targets.values.map { $0 / 100 })
let conditioning = try LeastSquaresConditioning(inputs: x)
print("L = \(conditioning.smoothness), μ = \(conditioning.strongConvexity), step bound 2/L = \(conditioning.stepBound)")
// snippet.end

// snippet.hide
// The exact least-squares line, to measure the distance to the optimum.
let n = Double(x.rows)
let meanX = x.values.reduce(0, +) / n, meanY = y.values.reduce(0, +) / n
let covariance = zip(x.values, y.values).reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
let variance = x.values.reduce(0) { $0 + ($1 - meanX) * ($1 - meanX) }
let best = LinearRegression<Double>(weights: [covariance / variance], bias: meanY - covariance / variance * meanX)
let optimum = MeanSquaredError().evaluateUnchecked(target: y, prediction: best.predict(x)).value
// snippet.show

// snippet.paths
func descend(_ rate: Double, steps: Int) throws -> TrainingHistory<Double> {
    var model = LinearRegression<Double>(weights: [-0.5], bias: 3.5)
    let objective = try Objective(loss: MeanSquaredError(), inputs: x, targets: y, model: model)
    let trainer = Trainer(optimizer: try .gradientDescent(learningRate: rate),
                          stopping: StoppingRule(maxSteps: steps, tolerance: 1e-15, risingSteps: 4))
    return trainer.train(&model, on: objective)
}
let rates = [0.2, 1.0, 1.9, 2.1].map { $0 / conditioning.smoothness }
let histories = try rates.map { try descend($0, steps: 3000) }
let labels = ["η = 0.2/L", "η = 1/L", "η = 1.9/L", "η = 2.1/L"]
let surface = HeatMap(sampling: { w, b in
    MeanSquaredError().evaluateUnchecked(
        target: y, prediction: LinearRegression(weights: [w], bias: b).predict(x)).value
}, x: -1...3.5, y: -2.5...4, resolution: 48, label: "MSE", logValues: true)
show(Figure(Panel(title: "Gradient descent on the MSE surface of (w, b)", x: Axis("weight w"), y: Axis("bias b"),
    series: zip(labels, histories).map { label, history in
        Series(label, x: history.parameters.prefix(60).map { $0[0] }, y: history.parameters.prefix(60).map { $0[1] })
    }, heatMap: surface)))
// snippet.end

// snippet.explore
let multiples = [0.2, 0.5, 1, 1.5, 1.9, 2.1]
let explored = try multiples.map { try descend($0 / conditioning.smoothness, steps: 60) }
show(sweep: "η·L", values: multiples, initial: 1) { multiple in
    let history = explored[multiples.firstIndex(of: multiple)!]
    let path = Series("path", x: history.parameters.map { $0[0] }, y: history.parameters.map { $0[1] })
    let figure = Figure(Panel(title: "60 steps of gradient descent", x: Axis("weight w", lower: -1, upper: 3.5),
                              y: Axis("bias b", lower: -2.5, upper: 4), series: [path], heatMap: surface))
    let gap = history.losses.last! - optimum
    let outcome = history.status.diverged ? "diverged after \(history.steps) steps" : "J − J* = \(String(format: "%.2g", gap)) after \(history.steps) steps"
    return (figure, outcome)
}
check(zip(multiples, explored).allSatisfy { multiple, history in (multiple < 2) != history.status.diverged },
      "in 60 steps no step size below 2/L is flagged as diverging on this quadratic; the one above 2/L is")
// snippet.end

// snippet.curves
show(Figure(Panel(title: "Gap to the best loss, J(θₖ) − J*", x: Axis("step k"), y: Axis("J − J*", scale: .log),
    series: zip(labels.prefix(3), histories.prefix(3)).map { label, history in
        Series(label, y: history.losses.map { $0 - optimum })
    } + [Series("theory (1 − μ/L)²ᵏ at η = 1/L", y: (0..<histories[1].losses.count).map {
        (histories[1].losses[0] - optimum) * pow(conditioning.rate, 2 * Double($0))
    })])))
// snippet.end

// snippet.rate
// Ratios of successive gaps, while the gap is well above rounding noise.
let gaps = histories[1].losses.map { $0 - optimum }.prefix { $0 > 1e-9 }
let measured = zip(gaps.dropFirst(), gaps).map { next, previous in next / previous }.max() ?? 0
let theory = conditioning.rate * conditioning.rate
print("worst measured contraction of J − J* per step: \(measured)")
print("guaranteed by theory, (1 − μ/L)²: \(theory)")
check(measured <= theory * (1 + 1e-4), "at η = 1/L the error shrinks at least as fast as (1 − μ/L)² per step")
check(measured >= theory * (1 - 1e-2), "... and no faster: on a quadratic the bound is tight")
/// How often the weight's step changes direction in the first 20 steps: zigzagging.
func turns(_ history: TrainingHistory<Double>) -> Int {
    let w = history.parameters.prefix(21).map { $0[0] }
    let steps = zip(w.dropFirst(), w).map { $0 - $1 }
    return zip(steps.dropFirst(), steps).filter { $0 * $1 < 0 }.count
}
check(turns(histories[2]) >= 10 && turns(histories[0]) == 0, "η = 1.9/L zigzags across the valley; η = 0.2/L never turns back")
check(!histories[2].status.diverged, "η = 1.9/L, below the 2/L bound, still converges")
check(histories[3].status.diverged, "η = 2.1/L, past the 2/L bound, diverges")
let stoppedRising: Bool = { if case .divergedRising = histories[3].status { return true } else { return false } }()
check(stoppedRising && histories[3].losses.allSatisfy(\.isFinite), "... stopped because its loss kept rising, before any number overflowed")
let converged: Bool = { if case .converged = histories[1].status { return true } else { return false } }()
let lastLosses = histories[1].losses.suffix(2)
check(converged && abs(lastLosses.last! - lastLosses.first!) <= 1e-15 * max(1, abs(lastLosses.last!)),
      "η = 1/L stopped because its last step changed the loss by at most 10⁻¹⁵ × max(1, loss), not at the step limit")
check(zip(histories[1].losses, histories[1].losses.dropFirst()).allSatisfy { $0 >= $1 - 1e-15 }, "at η = 1/L the loss never goes up")
let spread = (variance / n).squareRoot()
let standardised = try LeastSquaresConditioning(inputs: Batch(x.values.map { ($0 - meanX) / spread }))
check(standardised.conditionNumber < 1.0001, "standardised sizes make the bowl round: κ = 1")
let z = Batch(x.values.map { ($0 - meanX) / spread })
var oneStep = LinearRegression<Double>(weights: [-0.5], bias: 3.5)
let roundBowl = try Objective(loss: MeanSquaredError(), inputs: z, targets: y, model: oneStep)
let afterOne = Trainer(optimizer: try .gradientDescent(learningRate: 1 / standardised.smoothness),
                       stopping: StoppingRule(maxSteps: 1, tolerance: 0)).train(&oneStep, on: roundBowl)
check(afterOne.losses[1] - optimum < 1e-12, "on the round bowl one step of η = 1/L lands on the optimum")
record("kappa_standardised", standardised.conditionNumber)
record("steps_to_converge", Double(histories[1].steps))
record("kappa", conditioning.conditionNumber)
record("L", conditioning.smoothness)
record("mu", conditioning.strongConvexity)
record("bound", conditioning.stepBound)
record("measured", measured)
record("theory", theory)
record("diverged_at", Double(histories[3].steps))
// snippet.end

// snippet.beyond
// Without strong convexity: θ⁴/4 is convex, but flat at its minimum (curvature 3θ² is 0 there).
// On [0, 1] its slope is Lipschitz with L = 3; descend with η = 1/L from θ = 1.
var theta = 1.0
var quarticGaps = [pow(theta, 4) / 4]
for _ in 1...2000 {
    theta -= (1.0 / 3) * theta * theta * theta
    quarticGaps.append(pow(theta, 4) / 4)
}
let lateRatio = quarticGaps[2000] / quarticGaps[1999]
check((1...2000).allSatisfy { k in quarticGaps[k] <= 3 * 1 / (2 * Double(k)) }, "on θ⁴/4 the gap stays below the convex guarantee L‖θ₀ − θ*‖²/(2k)")
@MainActor func shrinkFactor(_ k: Int) -> Double { quarticGaps[k] / quarticGaps[k - 1] }
check(shrinkFactor(20) < shrinkFactor(200) && shrinkFactor(200) < shrinkFactor(2000) && lateRatio > 0.99,
      "... but the factor it shrinks by each step creeps towards 1 (steps 20, 200, 2,000): no fixed factor, no linear rate")
record("quartic_shrink", (1 - lateRatio) * 100)

// Past 2/L on a loss that is not quadratic: log cosh(θ − 3) has L = 1, so 2/L = 2. Take η = 2.5.
check(stride(from: -10.0, through: 10.0, by: 0.01).allSatisfy { LogCosh().secondDerivative(residual: $0)! <= 1 },
      "log cosh's curvature never exceeds 1 (its maximum, at 0): L = 1 and 2/L = 2")
var bounce = 0.0
var positions: [Double] = []
for _ in 0..<1000 {
    bounce -= 2.5 * LogCosh().derivative(residual: bounce - 3)
    positions.append(bounce)
}
check(positions.allSatisfy { abs($0 - 3) < 2.5 }, "η = 2.5 > 2/L on log cosh(θ − 3): θ stays within 2.5 of the minimum, it does not blow up")
check(positions.suffix(100).allSatisfy { abs($0 - 3) > 0.1 }, "... and it does not converge either: it keeps bouncing around θ = 3")
// snippet.end

// snippet.convexity
let candidates: [(String, any ResidualLoss)] = [
    ("MSE", MeanSquaredError()), ("MAE", MeanAbsoluteError()), ("Huber", try Huber()), ("log-cosh", LogCosh()),
    ("Cauchy log(1 + r²)", CustomLoss(name: "cauchy", value: { log1p($0 * $0) }, derivative: { 2 * $0 / (1 + $0 * $0) },
                                       secondDerivative: { 2 * (1 - $0 * $0) / ((1 + $0 * $0) * (1 + $0 * $0)) })),
]
let reports = candidates.map { name, loss in (name, ConvexityReport.of(loss, over: -6...6, samples: 241)) }
show(table: ["loss", "convex?", "evidence"], rows: reports.map { name, report in
    [name, report.isConvex ? "yes" : "no", report.isConvex ? "L'' ≥ 0 and every sampled chord lies above" : report.description]
})
check(reports.prefix(4).allSatisfy { $0.1.isConvex }, "MSE, MAE, Huber and log-cosh show no violation of convexity on the points sampled")
check(!reports[4].1.isConvex, "the Cauchy loss is not convex")
// snippet.end

// snippet.minima
// Convex, yet not one minimum. MAE of a constant c against four numbers: flat between 2 and 3.
let four = [1.0, 2, 3, 4]
func meanAbsolute(_ c: Double) -> Double { four.map { abs($0 - c) }.reduce(0, +) / 4 }
check(meanAbsolute(2) == meanAbsolute(2.5) && meanAbsolute(2.5) == meanAbsolute(3) && meanAbsolute(1.9) > meanAbsolute(2)
      && meanAbsolute(3.1) > meanAbsolute(3), "MAE against 1, 2, 3, 4 is smallest on the whole interval [2, 3]: many minima")
// Convex, yet no minimum: cross-entropy on separable data (x = −1 is class 0, x = 1 is class 1).
func crossEntropy(_ w: Double) -> Double { (Foundation.log1p(Foundation.exp(-w)) + Foundation.log1p(Foundation.exp(-w))) / 2 }
let scales = [1.0, 10, 100]
check(zip(scales, scales.dropFirst()).allSatisfy { crossEntropy($1) < crossEntropy($0) } && crossEntropy(100) > 0,
      "on separable data cross-entropy keeps falling as the weight grows, and never reaches its infimum 0: no minimum")
func penalised(_ w: Double) -> Double { crossEntropy(w) + 0.01 * w * w }
check(penalised(3) < penalised(1) && penalised(3) < penalised(10), "with a penalty 0.01·w² it has a minimum again, between w = 1 and w = 10")
// snippet.end

