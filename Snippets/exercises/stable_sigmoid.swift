import Foundation
import LossCore
import NotebookRuntime

/// The logistic sigmoid 1 / (1 + e^−z), without overflow or NaN for any finite z.
func stableSigmoid(_ z: Double) -> Double {
    // snippet.solution
    if z >= 0 { return 1 / (1 + exp(-z)) }
    let e = exp(z)
    return e / (1 + e)
    // snippet.end
}

check(stableSigmoid(0) == 0.5, "σ(0) = ½")
check(abs(stableSigmoid(2) - 1 / (1 + exp(-2.0))) < 1e-15, "σ(2) as the formula gives it")
// snippet.grader
check([-1000.0, -50, -1, 0.3, 40, 1000].allSatisfy { abs(stableSigmoid($0) - sigmoid($0)) <= 1e-15 }, "agrees with LossCore's sigmoid, extremes included")
check(stableSigmoid(-1000) >= 0 && !stableSigmoid(-1000).isNaN && stableSigmoid(1000) == 1, "no NaN at ±1000")
// snippet.end
