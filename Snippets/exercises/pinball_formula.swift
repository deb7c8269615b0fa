import LossCore
import NotebookRuntime

/// The pinball (quantile) loss for τ as a formula in the residual r = prediction − target:
/// (1 − τ)·r when over-predicting, −τ·r when under-predicting.
func pinball(tau: Double) -> CustomLoss {
    // snippet.solution
    CustomLoss(name: "pinball(\(tau))", formula: { r in r > 0 ? (1 - tau) * r : -tau * r })
    // snippet.end
}

let builtIn = try! Quantile(tau: 0.9)
check(abs(pinball(tau: 0.9).value(residual: 2.0) - builtIn.value(residual: 2.0)) < 1e-12, "value at r = 2 matches LossCore's Quantile(τ = 0.9)")
check(abs(pinball(tau: 0.9).derivative(residual: -1.0) - builtIn.derivative(residual: -1.0)) < 1e-12, "the derived slope at r = −1 matches")
// snippet.grader
let residuals = stride(from: -5.0, through: 5.0, by: 0.1).map { $0 }.filter { abs($0) > 1e-9 }
check([0.1, 0.5, 0.75].allSatisfy { tau in let q = try! Quantile(tau: tau); return residuals.allSatisfy {
    abs(pinball(tau: tau).value(residual: $0) - q.value(residual: $0)) < 1e-12 && abs(pinball(tau: tau).derivative(residual: $0) - q.derivative(residual: $0)) < 1e-12 } },
      "value and derived slope match Quantile for τ = 0.1, 0.5 and 0.75 away from the kink")
// snippet.end
