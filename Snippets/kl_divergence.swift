// snippet.hide
import Glibc   // log; Foundation's libraries would cost this process more to load than its work
// snippet.show
import LossCore
import NotebookRuntime
import Plotting

// snippet.define
/// Entropy H(p) = −Σ p log p, with 0 log 0 = 0.
func entropy(_ p: [Double]) -> Double { -p.filter { $0 > 0 }.reduce(0) { $0 + $1 * log($1) } }
/// Cross-entropy H(p, q) = −Σ p log q.
func crossEntropy(_ p: [Double], _ q: [Double]) -> Double { -zip(p, q).filter { pi, _ in pi > 0 }.reduce(0) { sum, pair in sum + pair.0 * log(pair.1) } }
/// KL(p ‖ q) from LossCore, one distribution per row.
func kl(_ p: [Double], _ q: [Double]) throws -> Double {
    try KLDivergence().evaluate(target: Batch(rows: [p]), prediction: Batch(rows: [q]), reduction: .sum).value
}
let p = [0.6, 0.3, 0.1]   // what happens: a loaded three-sided die
let q = [1.0 / 3, 1.0 / 3, 1.0 / 3]   // what a model believes: a fair one
print("KL(p ‖ q) = \(try kl(p, q))")
print("KL(q ‖ p) = \(try kl(q, p))")
// snippet.end

// snippet.plot
let outcomes = [0.0, 1, 2, 3]
show(Figure(Panel(title: "Two distributions over three outcomes", x: Axis("outcome"), y: Axis("probability", lower: 0),
    series: [Series("p (true)", kind: .step, x: outcomes, y: p + [p[2]]), Series("q (model)", kind: .step, x: outcomes, y: q + [q[2]])])))
// snippet.end

// snippet.facts
check(abs(try kl(p, q) - (try kl(q, p))) > 1e-3, "KL is not symmetric: KL(p ‖ q) ≠ KL(q ‖ p)")
check(abs(crossEntropy(p, q) - (entropy(p) + (try kl(p, q)))) < 1e-12, "cross-entropy = entropy + KL: H(p, q) = H(p) + KL(p ‖ q)")
check(try kl(p, p) == 0, "KL(p ‖ p) = 0")
// 1,000 random pairs: a batch of p's and a batch of q's over four outcomes, one pair per row
// (softmax of random logits gives random distributions); `.none` keeps one KL per row.
var random = Xoshiro256(seed: 17)
func randomDistributions(_ count: Int, _ random: inout Xoshiro256) throws -> Batch<Double> {
    SoftmaxRegression.softmaxRows(try Batch(rows: count, columns: 4, values: random.normal(count: 4 * count, standardDeviation: 2)))
}
let ps = try randomDistributions(1000, &random), qs = try randomDistributions(1000, &random)
let pairs = try KLDivergence().evaluate(target: ps, prediction: qs, reduction: .none)
check(pairs.perSample.count == 1000 && pairs.perSample.allSatisfy { $0 >= 0 }, "KL ≥ 0 on 1,000 random pairs (Gibbs' inequality)")
check(try kl([0.5, 0.5, 0], [1, 0, 0]) == .infinity, "q = 0 where p > 0 makes KL infinite")
check(abs(try kl([1, 0, 0], [0.5, 0.5, 0]) - log(2.0)) < 1e-15, "p = 0 where q > 0 costs nothing (0·log(0/q) = 0): KL((1, 0, 0) ‖ (½, ½, 0)) = log 2")
// Keras's kl_divergence: both clipped to [10⁻⁷, 1], then Σ p·log(p/q).
func kerasKL(_ p: [Double], _ q: [Double]) -> Double {
    zip(p, q).map { pi, qi in
        let a = min(max(pi, 1e-7), 1), b = min(max(qi, 1e-7), 1)
        return a * log(a / b)
    }.reduce(0, +)
}
// Two pairs: a zero in q where p > 0 (q is clipped), and a zero in p where q > 0 (p is clipped).
let pairsForClipping: [([Double], [Double])] = [([0.5, 0.5, 0], [1, 0, 0]), ([1, 0, 0], [0.5, 0.5, 0])]
let clipped = try pairsForClipping.map { p, q in
    try KLDivergence(epsilon: 1e-7).evaluate(target: Batch(rows: [p]), prediction: Batch(rows: [q]), reduction: .sum).value
}
check(zip(pairsForClipping, clipped).allSatisfy { pair, value in abs(value - kerasKL(pair.0, pair.1)) < 1e-12 } && clipped[1] != log(2.0),
      "KLDivergence(epsilon: 1e-7) is Keras's clipped KL on two pairs, a zero in q and a zero in p: finite where the exact one is infinite")
record("kl_pq", try kl(p, q))
record("kl_qp", try kl(q, p))
record("entropy_p", entropy(p))
record("cross_entropy", crossEntropy(p, q))
// snippet.end

// snippet.family
let thetas = stride(from: 0.02, through: 0.98, by: 0.01).map { $0 }
let truth = [0.3, 0.7]
let forward = try thetas.map { try kl(truth, [$0, 1 - $0]) }
let backward = try thetas.map { try kl([$0, 1 - $0], truth) }
show(Figure(Panel(title: "Fitting a coin q = (θ, 1 − θ) to p = (0.3, 0.7)", x: Axis("θ"), y: Axis("divergence"),
    series: [Series("KL(p ‖ q)", x: thetas, y: forward), Series("KL(q ‖ p)", x: thetas, y: backward)],
    referenceLines: [.vertical(0.3, label: "θ = 0.3")])))
let bestForward = thetas[forward.indices.min { forward[$0] < forward[$1] }!]
let bestBackward = thetas[backward.indices.min { backward[$0] < backward[$1] }!]
check(abs(bestForward - 0.3) < 0.011 && abs(bestBackward - 0.3) < 0.011, "both divergences are smallest at θ = 0.3, where q = p")
// KL(p ‖ q) near the ends, and KL(q ‖ p) at the ends themselves (0·log 0 = 0).
let nearZero = try kl(truth, [1e-12, 1 - 1e-12]), nearOne = try kl(truth, [1 - 1e-12, 1e-12])
let backwardAtZero = try kl([0, 1], truth), backwardAtOne = try kl([1, 0], truth)
check(nearZero > 7 && nearOne > 18, "KL(p ‖ q) grows large at both ends (over 7 at θ = 10⁻¹², over 18 at θ = 1 − 10⁻¹²)")
record("forward_extreme", nearZero)
check(forward.last! > 3 * forward.first!, "... fastest as θ → 1, where q starves the outcome p gives 0.7 (at θ = 0.98 over 3 times its value at θ = 0.02)")
check(backward.allSatisfy { $0 <= backwardAtOne } && abs(backwardAtOne - log(1 / 0.3)) < 1e-12 && abs(backwardAtZero - log(1 / 0.7)) < 1e-12,
      "KL(q ‖ p) stays bounded: at most log(1/0.3), reached at θ = 1")
check(try kl([0.5, 0.5], [1, 0]).isInfinite, "KL(q ‖ p) is infinite where q puts mass on an outcome p rules out")
record("backward_max", backwardAtOne)
record("forward_near_one", forward.last!)
record("forward_near_zero", forward.first!)
// snippet.end

// snippet.gan
// Jensen–Shannon: KL of each distribution to their average m, averaged. The die example again.
func jensenShannon(_ a: [Double], _ b: [Double]) throws -> Double {
    let mixture = zip(a, b).map { ($0 + $1) / 2 }
    return (try kl(a, mixture) + kl(b, mixture)) / 2
}
let js = try jensenShannon(p, q)
let jsBack = try jensenShannon(q, p)
// The original GAN's value at its best discriminator D(x) = p(x) / (p(x) + q(x)).
let ganValue = zip(p, q).map { pi, qi in pi * log(pi / (pi + qi)) + qi * log(qi / (pi + qi)) }.reduce(0, +)
print("JS(p, q) = \(js),  GAN value at the best discriminator = \(ganValue)")
let klAsymmetry = abs(try kl(p, q) - kl(q, p))
check(abs(js - jsBack) < 1e-15 && js <= log(2.0) && klAsymmetry > 0.01,
      "Jensen–Shannon is symmetric, JS(p, q) = JS(q, p), and at most log 2; KL here is not symmetric")
check(abs(ganValue - (2 * js - log(4.0))) < 1e-12, "the GAN's value at the best discriminator is 2·JS(p, q) − log 4")
let rulesOut = [0.5, 0.5, 0.0]   // gives the die's third face probability 0
let mixture = zip(p, rulesOut).map { ($0 + $1) / 2 }
let jsRulesOut = (try kl(p, mixture) + kl(rulesOut, mixture)) / 2
check(try kl(p, rulesOut).isInfinite && jsRulesOut.isFinite && jsRulesOut <= log(2.0),
      "where KL is infinite (q rules out a face p allows), JS stays finite and at most log 2")
record("js", js)
// snippet.end
