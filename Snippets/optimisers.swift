import Foundation
import LossCore
import NotebookRuntime
import Plotting

// snippet.race
// The houses of notebook 02 without outliers; fit price = slope · size + intercept by MSE.
let houses = try RegressionData<Double>.housePrices(count: 50, seed: 7)
let bowl = try Objective(loss: MeanSquaredError(), inputs: houses.inputs, targets: houses.targets,
                         model: LinearRegression<Double>(features: 1))
let conditioning = try LeastSquaresConditioning(inputs: houses.inputs)
let eta = 1 / conditioning.smoothness
func run(_ optimizer: Optimizer, steps: Int = 300) -> TrainingHistory<Double> {
    var model = LinearRegression<Double>(features: 1)
    return Trainer(optimizer: optimizer, stopping: StoppingRule(maxSteps: steps, tolerance: 0, risingSteps: steps + 1)).train(&model, on: bowl)
}
let descent = run(try .gradientDescent(learningRate: eta))
let minibatch = run(try .sgd(learningRate: eta / 4, batchSize: 5, seed: 3))
let heavyBall = run(try .momentum(learningRate: eta, beta: 0.9))
let adam = run(try .adam(learningRate: 2))
// The best loss, from a long run of gradient descent.
let best = run(try .gradientDescent(learningRate: eta), steps: 200_000).losses.last!
let racers = [("gradient descent, η = 1/L", descent), ("SGD, batches of 5", minibatch), ("momentum, β = 0.9", heavyBall), ("Adam, η = 2", adam)]
show(Figure(Panel(title: "Four optimisers on the same bowl", x: Axis("step (an epoch for SGD)"), y: Axis("J − J*", scale: .log),
    series: racers.map { name, history in Series(name, y: history.losses.map { max($0 - best, 1e-12) }) })))
let gaps = racers.map { $0.1.losses.last! - best }
check(gaps[1] > 1000 * gaps[0], "with a fixed step SGD ends over a thousand times farther from the best loss than gradient descent")
check(conditioning.conditionNumber > 10, "the bowl is over 10 times more curved across the valley than along it")
check(gaps[2] < 0.1 * gaps[0], "after 300 steps momentum is over ten times closer to the best loss than gradient descent")
check(zip(minibatch.losses, minibatch.losses.dropFirst()).contains { $1 > $0 }, "SGD's loss sometimes rises: each batch sees only 5 houses")
check(zip(descent.losses, descent.losses.dropFirst()).allSatisfy { $1 <= $0 + 1e-12 }, "full-batch gradient descent's never does")
record("kappa", conditioning.conditionNumber)
record("gap_descent", gaps[0])
record("gap_momentum", gaps[2])
record("gap_sgd", gaps[1])
// snippet.hide
// Adam's step (in units of η) on one parameter after 999 gradients of 0.001 and then one of 1,
// with Keras's β₁ = 0.9, β₂ = 0.999, ε = 1e-7, as LossCore takes it.
var adamM = 0.0, adamV = 0.0, adamJump = 0.0
for t in 1...1000 {
    let g = t < 1000 ? 0.001 : 1.0
    adamM = 0.9 * adamM + 0.1 * g
    adamV = 0.999 * adamV + 0.001 * g * g
    let mHat = adamM / (1 - pow(0.9, Double(t))), vHat = adamV / (1 - pow(0.999, Double(t)))
    adamJump = mHat / (vHat.squareRoot() + 1e-7)
}
check(adamJump > 2, "Adam's steps are not capped at η: after 999 gradients of 0.001, a gradient of 1 moves the parameter over 2η")
record("adam_jump", adamJump)
// snippet.show
// snippet.end

// snippet.fixed
// MAE of a constant prediction c against 49 prices: its slope is the share of prices below c minus
// the share above. It does not shrink to 0 at the median; it jumps there, from −1/49 to +1/49.
let prices = Array(houses.targets.values.prefix(49))
let median = prices.sorted()[24]
func maeSlope(_ c: Double) -> Double { prices.map { $0 < c ? 1.0 : ($0 > c ? -1.0 : 0) }.reduce(0, +) / Double(prices.count) }
func descendMAE(_ step: (Int) -> Double) -> [Double] {
    var c = 0.0
    return (1...2000).map { k in
        c -= step(k) * maeSlope(c)
        return c
    }
}
let fixed = descendMAE { _ in 20 }, shrinking = descendMAE { k in 100 / Double(k).squareRoot() }
show(Figure(Panel(title: "A constant fitted by MAE: the last 60 steps", x: Axis("step"), y: Axis("c (thousands)"),
    series: [Series("fixed step 20", x: (1941...2000).map(Double.init), y: Array(fixed.suffix(60))),
             Series("step 100/√k", x: (1941...2000).map(Double.init), y: Array(shrinking.suffix(60))),
             Series("median", x: [1941, 2000], y: [median, median])])))
func spread(_ path: ArraySlice<Double>) -> Double { path.max()! - path.min()! }
let fixedSpread = spread(fixed.suffix(100)), earlierSpread = spread(fixed[900..<1000])
let shrinkingSpread = spread(shrinking.suffix(100))
check(fixed.suffix(100).min()! < median && median < fixed.suffix(100).max()!, "with a fixed step, c keeps hopping across the median")
check(fixedSpread > 0.3 && abs(fixedSpread - earlierSpread) < 1e-9,
      "... in a band as wide in steps 1,901–2,000 as in steps 901–1,000: it never settles")
check(shrinkingSpread < fixedSpread / 4 && abs(shrinking.last! - median) < 0.1, "with steps that shrink like 1/√k its band is over four times narrower, and within 0.1 of the median")
// The same fixed step on MSE, whose slope 2(c − mean) shrinks to 0 at its minimum: it settles.
let mean = prices.reduce(0, +) / Double(prices.count)
var c = 0.0
for _ in 0..<2000 { c -= 0.25 * 2 * (c - mean) }
check(abs(c - mean) < 1e-9, "a fixed step on MSE settles on the mean: its slope shrinks to 0 as the minimum nears")
record("fixed_spread", fixedSpread)
record("shrinking_spread", shrinkingSpread)
// snippet.end

// snippet.schedule
// The two-pass Adam of notebooks 01, 02, 03 and 07, on MAE (which has the same kink as above).
var model = LinearRegression<Double>(features: 1)
let maeBowl = try Objective(loss: MeanAbsoluteError(), inputs: houses.inputs, targets: houses.targets, model: model)
let fast = Trainer(optimizer: try .adam(learningRate: 2), stopping: StoppingRule(maxSteps: 3000, tolerance: 0, risingSteps: 3001)).train(&model, on: maeBowl)
let careful = Trainer(optimizer: try .adam(learningRate: 0.05), stopping: StoppingRule(maxSteps: 3000, tolerance: 0, risingSteps: 3001)).train(&model, on: maeBowl)
func wobble(_ history: TrainingHistory<Double>) -> Double {
    let last = history.parameters.suffix(200).map { $0[0] }
    return last.max()! - last.min()!
}
check(wobble(careful) < wobble(fast) / 10, "with η = 2 Adam's slope still wobbles at the end, with η = 0.05 over ten times less")
check(careful.losses.last! <= fast.losses.last!, "... and the careful pass ends no worse")
record("wobble_fast", wobble(fast))
record("wobble_careful", wobble(careful))
// snippet.end

// snippet.cauchy
// A loss that is not convex: Cauchy, log(1 + r²), of a constant c against 20 points near 0 and 10 near 10.
var scatter = Xoshiro256(seed: 5)
let points = (0..<20).map { _ in scatter.normal(standardDeviation: 0.5) } + (0..<10).map { _ in 10 + scatter.normal(standardDeviation: 0.5) }
func cauchy(_ c: Double) -> Double { points.map { log1p(($0 - c) * ($0 - c)) }.reduce(0, +) / Double(points.count) }
func cauchySlope(_ c: Double) -> Double { points.map { 2 * (c - $0) / (1 + ($0 - c) * ($0 - c)) }.reduce(0, +) / Double(points.count) }
func descendCauchy(from start: Double) -> Double {
    var c = start
    for _ in 0..<5000 { c -= 0.5 * cauchySlope(c) }
    return c
}
let fromLeft = descendCauchy(from: -3), fromRight = descendCauchy(from: 13)
let cs = stride(from: -4.0, through: 14.0, by: 0.05).map { $0 }
show(Figure(Panel(title: "Cauchy loss of a constant c: two valleys", x: Axis("c"), y: Axis("loss"),
    series: [Series("Cauchy loss", x: cs, y: cs.map(cauchy))],
    referenceLines: [.vertical(fromLeft, label: "from −3"), .vertical(fromRight, label: "from 13")])))
check(abs(cauchySlope(fromLeft)) < 1e-9 && abs(cauchySlope(fromRight)) < 1e-9, "both starts end where the slope is 0")
check(abs(fromLeft) < 1 && abs(fromRight - 10) < 1, "... but in different valleys: near 0 from −3, near 10 from 13")
// The second derivative of log(1 + d²) in c, for d = point − c: 2(1 − d²)/(1 + d²)².
func cauchyCurvature(_ c: Double) -> Double {
    points.map { let d = $0 - c; return 2 * (1 - d * d) / ((1 + d * d) * (1 + d * d)) }.reduce(0, +) / Double(points.count)
}
let around = (-50...50).map { fromRight + Double($0) / 100 }
check(cauchyCurvature(fromRight) > 0 && around.allSatisfy { cauchy($0) >= cauchy(fromRight) },
      "the end near 10 is a local minimum: slope 0 and positive curvature there (and no c within 0.5, every 0.01, has a lower loss)")
check(cauchy(fromRight) > cauchy(fromLeft), "... but only a local one: its loss is higher than at the end near 0")
record("from_left", fromLeft)
record("from_right", fromRight)
// snippet.end
