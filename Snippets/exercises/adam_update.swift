import Foundation
import NotebookRuntime

/// One Adam step for one parameter, step number t (from 1): m ← β₁m + (1 − β₁)g,
/// v ← β₂v + (1 − β₂)g², then θ ← θ − η·m̂/(√v̂ + ε) with m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ).
func adamStep(theta: Double, m: Double, v: Double, gradient g: Double, t: Int,
              eta: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-7) -> (theta: Double, m: Double, v: Double) {
    // snippet.solution
    let m1 = beta1 * m + (1 - beta1) * g
    let v1 = beta2 * v + (1 - beta2) * g * g
    let mHat = m1 / (1 - pow(beta1, Double(t))), vHat = v1 / (1 - pow(beta2, Double(t)))
    return (theta - eta * mHat / (vHat.squareRoot() + epsilon), m1, v1)
    // snippet.end
}

let step = adamStep(theta: 0, m: 0, v: 0, gradient: 1000, t: 1, eta: 0.1)
check(abs(step.theta + 0.1) < 1e-9, "the first step has size η, however large the gradient: −0.1 for a gradient of 1000")
check(abs(adamStep(theta: 0, m: 0, v: 0, gradient: 0.001, t: 1, eta: 0.1).theta + 0.1) < 1e-4, "... or however small")
// snippet.grader
check(abs(step.m - 100) < 1e-9 && abs(step.v - 1000) < 1e-6, "the moments after one step: m = 100, v = 1000")
var s = (theta: 3.0, m: 0.0, v: 0.0)
for t in 1...3000 { s = adamStep(theta: s.theta, m: s.m, v: s.v, gradient: 2 * s.theta, t: t, eta: 0.01) }
check(abs(s.theta) < 0.05, "on θ² it gets close to 0")
// snippet.end
