import LossCore
import NotebookRuntime

/// Keras's L2 penalty λ·Σwᵢ² and its gradient 2λw.
func ridge(_ weights: [Double], lambda: Double) -> (value: Double, gradient: [Double]) {
    // snippet.solution
    (lambda * weights.map { $0 * $0 }.reduce(0, +), weights.map { 2 * lambda * $0 })
    // snippet.end
}

let r = ridge([1, -2], lambda: 0.5)
check(abs(r.value - 2.5) < 1e-12, "λ = 0.5 on (1, −2): 0.5 · 5 = 2.5")
check(r.gradient == [1, -2], "its gradient 2λw is (1, −2)")
// snippet.grader
let w = [0.3, -1.7, 4.0]
var g = ArraySlice([0.0, 0.0, 0.0])
Penalty.l2(0.01).addGradient(ArraySlice(w), to: &g)
check(abs(ridge(w, lambda: 0.01).value - Penalty.l2(0.01).value(ArraySlice(w))) < 1e-15 && zip(ridge(w, lambda: 0.01).gradient, g).allSatisfy { abs($0 - $1) < 1e-15 },
      "value and gradient agree with LossCore's Penalty.l2")
// snippet.end
