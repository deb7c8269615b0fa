import Foundation
import NotebookRuntime

/// The negative log-likelihood of residuals under Gaussian noise with standard deviation σ:
/// Σ [½ log(2πσ²) + rᵢ² / (2σ²)].
func gaussianNegativeLogLikelihood(_ residuals: [Double], sigma: Double) -> Double {
    // snippet.solution
    residuals.map { 0.5 * log(2 * Double.pi * sigma * sigma) + $0 * $0 / (2 * sigma * sigma) }.reduce(0, +)
    // snippet.end
}

check(abs(gaussianNegativeLogLikelihood([0], sigma: 1) - 0.5 * log(2 * Double.pi)) < 1e-15, "one residual 0 with σ = 1: ½ log 2π")
let a = [1.0, -2, 0.5], b = [0.0, 1, 1]
func mse(_ r: [Double]) -> Double { r.map { $0 * $0 }.reduce(0, +) / Double(r.count) }
check(abs((gaussianNegativeLogLikelihood(a, sigma: 1) - gaussianNegativeLogLikelihood(b, sigma: 1)) - 3.0 / 2 * (mse(a) - mse(b))) < 1e-12,
      "differences in it are n/(2σ²) times differences in MSE")
// snippet.grader
check(abs((gaussianNegativeLogLikelihood(a, sigma: 3) - gaussianNegativeLogLikelihood(b, sigma: 3)) - 3.0 / 18 * (mse(a) - mse(b))) < 1e-12, "for σ = 3 as well")
check(gaussianNegativeLogLikelihood([2], sigma: 2) > gaussianNegativeLogLikelihood([1], sigma: 2), "a larger residual is less likely")
// snippet.end
