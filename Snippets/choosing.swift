import Foundation
import LossCore
import NotebookRuntime
import Plotting

// snippet.candidates
struct Candidate {
    let name: String
    let problem: String
    let loss: any ElementwiseLoss
    let target: Double
    let kinks: [Double]
}
let candidates = [
    Candidate(name: "MSE", problem: "regression", loss: MeanSquaredError(), target: 0, kinks: []),
    Candidate(name: "MAE", problem: "regression (median)", loss: MeanAbsoluteError(), target: 0, kinks: [0]),
    Candidate(name: "Huber (δ = 1)", problem: "regression, outliers", loss: try Huber(), target: 0, kinks: [-1, 1]),
    Candidate(name: "pseudo-Huber", problem: "regression, outliers", loss: try PseudoHuber(), target: 0, kinks: []),
    Candidate(name: "log-cosh", problem: "regression, outliers", loss: LogCosh(), target: 0, kinks: []),
    Candidate(name: "quantile (τ = 0.9)", problem: "regression (a quantile)", loss: try Quantile(tau: 0.9), target: 0, kinks: [0]),
    Candidate(name: "cross-entropy (logits)", problem: "classification", loss: try BinaryCrossentropy(fromLogits: true), target: 1, kinks: []),
    Candidate(name: "hinge", problem: "classification (margin)", loss: Hinge(), target: 1, kinks: [1]),
    Candidate(name: "squared hinge", problem: "classification (margin)", loss: SquaredHinge(), target: 1, kinks: [1]),
]
// snippet.end

// snippet.table
/// The worst smoothness over a grid plus the loss's own special points: 0 (C⁰), 1 (C¹), 2 (smooth).
func smoothness(_ c: Candidate) -> Int {
    let points = stride(from: -4.0, through: 4.0, by: 0.5).map { $0 } + c.kinks
    return points.map { SmoothnessReport.of(c.loss, at: $0, target: c.target).order }.min() ?? 2
}
/// Bounded gradient in the prediction, far from the target on both sides.
func robust(_ c: Candidate) -> Bool {
    [1.0, -1.0].allSatisfy { side in
        let near = abs(c.loss.derivative(target: c.target, prediction: c.target + side * 1e3))
        let far = abs(c.loss.derivative(target: c.target, prediction: c.target + side * 1e6))
        return far <= near * 1.01 + 1e-12
    }
}
let facts = candidates.map { c in
    (convex: ConvexityReport.of(c.loss, over: -8...8, samples: 161, target: c.target).isConvex,
     smooth: smoothness(c), robust: robust(c))
}
show(table: ["loss", "problem", "convex", "smoothness", "bounded gradient (robust to outliers)"],
     rows: zip(candidates, facts).map { c, f in
         [c.name, c.problem, f.convex ? "yes" : "no", ["C⁰ (kink)", "C¹", "smooth"][f.smooth], f.robust ? "yes" : "no"]
     })
// snippet.end

// snippet.plot
let r = stride(from: -3.0, through: 3.0, by: 0.02).map { $0 }
show(Figure(Panel(title: "Regression losses over the residual", x: Axis("residual r"), y: Axis("loss", upper: 4),
    series: candidates.prefix(6).map { c in Series(c.name, x: r, y: r.map { c.loss.value(target: 0, prediction: $0) }) })))
// snippet.end

// snippet.checks
func fact(_ name: String) -> (convex: Bool, smooth: Int, robust: Bool) { facts[candidates.firstIndex { $0.name == name }!] }
check(facts.allSatisfy(\.convex), "no loss in the table fails the sampled convexity test on [−8, 8]")
let offGrid = try Huber(delta: 1.3)
check(smoothness(Candidate(name: "Huber (δ = 1.3)", problem: "", loss: offGrid, target: 0, kinks: [])) == 2,
      "measured on the grid alone, Huber with δ = 1.3 looks smooth: the grid steps over its kinks")
check(smoothness(Candidate(name: "Huber (δ = 1.3)", problem: "", loss: offGrid, target: 0, kinks: [-1.3, 1.3])) == 1,
      "... given its kinks, it is C¹, as its formula says")
check(!fact("MSE").robust && fact("MSE").smooth == 2, "MSE is smooth but not robust")
check(fact("MAE").robust && fact("MAE").smooth == 0, "MAE is robust but has a kink")
check(fact("Huber (δ = 1)").robust && fact("Huber (δ = 1)").smooth == 1, "Huber is robust and C¹")
check(fact("log-cosh").robust && fact("log-cosh").smooth == 2 && fact("pseudo-Huber").robust && fact("pseudo-Huber").smooth == 2,
      "log-cosh and pseudo-Huber are robust and smooth")
check(fact("cross-entropy (logits)").robust, "cross-entropy from logits has a bounded gradient in the logit")
check(fact("squared hinge").smooth == 1 && fact("hinge").smooth == 0, "the squared hinge smooths the hinge's kink to C¹")
check(fact("hinge").robust && !fact("squared hinge").robust, "... but its gradient grows with the mistake: the hinge's is bounded, the squared hinge's is not")
record("losses", Double(candidates.count))
// snippet.end

// snippet.likelihood
// Gaussian noise around 0, and the negative log-likelihood of a constant prediction c under two
// noise models (the identities are algebra: they hold for any sample).
var noise = Xoshiro256(seed: 11)
let sample = (0..<200).map { _ in noise.normal(standardDeviation: 1) }
let n = Double(sample.count)
func gaussianNLL(_ c: Double) -> Double { sample.map { 0.5 * log(2 * Double.pi) + ($0 - c) * ($0 - c) / 2 }.reduce(0, +) }   // σ = 1
func laplaceNLL(_ c: Double) -> Double { sample.map { log(2.0) + abs($0 - c) }.reduce(0, +) }                                  // scale 1
func meanLoss<L: ResidualLoss>(_ loss: L, _ c: Double) -> Double { sample.map { loss.value(residual: c - $0) }.reduce(0, +) / n }
let constants = stride(from: -1.0, through: 1.0, by: 0.25).map { $0 }
check(constants.allSatisfy { c in abs((gaussianNLL(c) - gaussianNLL(0)) - n / 2 * (meanLoss(MeanSquaredError(), c) - meanLoss(MeanSquaredError(), 0))) < 1e-9 },
      "Gaussian noise: the negative log-likelihood is a constant plus n/(2σ²) × MSE, so both pick the same prediction")
check(constants.allSatisfy { c in abs((laplaceNLL(c) - laplaceNLL(0)) - n * (meanLoss(MeanAbsoluteError(), c) - meanLoss(MeanAbsoluteError(), 0))) < 1e-9 },
      "Laplace noise: the negative log-likelihood is a constant plus n/b × MAE")
let labels = (0..<200).map { _ in noise.uniform(0, 1) < 0.3 ? 1.0 : 0.0 }
let probabilities = (0..<200).map { _ in noise.uniform(0.05, 0.95) }
let bernoulliNLL = zip(labels, probabilities).map { y, p in -log(pow(p, y) * pow(1 - p, 1 - y)) }.reduce(0, +)
let crossEntropy = try BinaryCrossentropy().evaluate(target: Batch(labels), prediction: Batch(probabilities), reduction: .mean).value
check(abs(bernoulliNLL - n * crossEntropy) < 1e-9 * bernoulliNLL, "Bernoulli labels: the negative log-likelihood is exactly n × binary cross-entropy")
let sorted = sample.sorted()
let mean = sample.reduce(0, +) / n, median = (sorted[99] + sorted[100]) / 2
// Every constant from −1 to 1 in steps of 0.01 (the sample's mean and median lie inside) does no
// better, to rounding (with 200 points, every constant between the two middle ones ties for MAE).
let grid = (0...200).map { -1 + 0.01 * Double($0) }
let bestMSE = meanLoss(MeanSquaredError(), mean), bestMAE = meanLoss(MeanAbsoluteError(), median)
check(grid.allSatisfy { meanLoss(MeanSquaredError(), $0) >= bestMSE * (1 - 1e-12) }
      && grid.allSatisfy { meanLoss(MeanAbsoluteError(), $0) >= bestMAE * (1 - 1e-12) }
      && abs(mean) < 1 && abs(median) < 1,
      "of the constants from −1 to 1, none beats the mean under MSE or the median under MAE")
// snippet.end
