import LossCore
import NotebookRuntime

/// Huber's slope L'(r) for the threshold δ.
func huberSlope(_ r: Double, delta: Double) -> Double {
    // snippet.solution
    return min(max(r, -delta), delta)
    // snippet.end
}

/// Whether two slopes agree to rounding.
func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(b)) }

let huber = try! Huber(delta: 1)
check(same(huberSlope(0.5, delta: 1), huber.derivative(residual: 0.5)), "inside the band the slope is r (r = 0.5, δ = 1)")
check(same(huberSlope(3, delta: 1), huber.derivative(residual: 3.0)), "beyond δ the slope is δ (r = 3, δ = 1)")
check(same(huberSlope(-3, delta: 1), huber.derivative(residual: -3.0)), "below −δ the slope is −δ (r = −3, δ = 1)")
check(same(huberSlope(3, delta: 2), try! Huber(delta: 2).derivative(residual: 3.0)), "the threshold matters: beyond δ = 2 the slope is 2 (r = 3)")
// snippet.grader
let residuals = stride(from: -10.0, through: 10.0, by: 0.125).map { $0 }
let agrees = [0.25, 1.0, 4.0].allSatisfy { delta in
    let loss = try! Huber(delta: delta)
    return residuals.allSatisfy { same(huberSlope($0, delta: delta), loss.derivative(residual: $0)) }
}
check(agrees, "agrees with LossCore's Huber derivative at 161 residuals for δ = 0.25, 1 and 4")
check(residuals.allSatisfy { same(huberSlope(-$0, delta: 2), -huberSlope($0, delta: 2)) }, "the slope is odd: L'(−r) = −L'(r)")
check(abs(huberSlope(2 + 1e-9, delta: 2) - huberSlope(2 - 1e-9, delta: 2)) < 1e-8, "the slope is continuous at r = δ")
// snippet.end
