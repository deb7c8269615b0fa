import Foundation
import LossCore
import NotebookRuntime

/// The slope of pseudo-Huber, δ²(√(1 + (r/δ)²) − 1), in r.
func pseudoHuberSlope(_ r: Double, delta: Double) -> Double {
    // snippet.solution
    r / (1 + (r / delta) * (r / delta)).squareRoot()
    // snippet.end
}

func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(b)) }
let loss = try! PseudoHuber(delta: 1)
check(same(pseudoHuberSlope(0.5, delta: 1), loss.derivative(residual: 0.5)), "matches LossCore at r = 0.5, δ = 1")
check(same(pseudoHuberSlope(-4, delta: 1), loss.derivative(residual: -4.0)), "matches LossCore at r = −4, δ = 1")
// snippet.grader
let residuals = stride(from: -20.0, through: 20.0, by: 0.25).map { $0 }
check([0.5, 2.0, 7.0].allSatisfy { d in let l = try! PseudoHuber(delta: d); return residuals.allSatisfy { same(pseudoHuberSlope($0, delta: d), l.derivative(residual: $0)) } },
      "matches LossCore at 161 residuals for δ = 0.5, 2 and 7")
check(abs(pseudoHuberSlope(1e6, delta: 2)) < 2, "far out the slope stays below δ: bounded influence")
// snippet.end
