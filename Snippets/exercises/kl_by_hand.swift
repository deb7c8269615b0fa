import Foundation
import LossCore
import NotebookRuntime

/// KL(p ‖ q) = Σ pᵢ log(pᵢ / qᵢ), with 0 · log(0 / q) = 0 and +∞ where pᵢ > 0 and qᵢ = 0.
func klDivergence(_ p: [Double], _ q: [Double]) -> Double {
    // snippet.solution
    zip(p, q).reduce(0) { sum, pair in
        let (pi, qi) = pair
        if pi == 0 { return sum }
        if qi == 0 { return .infinity }
        return sum + pi * log(pi / qi)
    }
    // snippet.end
}

check(klDivergence([0.5, 0.5], [0.5, 0.5]) == 0, "KL of a distribution to itself is 0")
check(abs(klDivergence([1, 0], [0.5, 0.5]) - log(2.0)) < 1e-15, "a sure outcome against a fair coin costs log 2")
// snippet.grader
func reference(_ p: [Double], _ q: [Double]) -> Double { try! KLDivergence().evaluate(target: Batch(rows: [p]), prediction: Batch(rows: [q]), reduction: .sum).value }
check(abs(klDivergence([0.6, 0.3, 0.1], [0.2, 0.5, 0.3]) - reference([0.6, 0.3, 0.1], [0.2, 0.5, 0.3])) < 1e-12, "agrees with LossCore's KLDivergence")
check(klDivergence([0.5, 0.5], [1, 0]).isInfinite, "q = 0 where p > 0 gives +∞")
// snippet.end
