import Foundation
import NotebookRuntime

/// The entropy H(p) = −Σ pᵢ log pᵢ, with 0 · log 0 = 0.
func entropy(_ p: [Double]) -> Double {
    // snippet.solution
    -p.filter { $0 > 0 }.map { $0 * log($0) }.reduce(0, +)
    // snippet.end
}

check(abs(entropy([0.5, 0.5]) - log(2.0)) < 1e-15, "a fair coin has entropy log 2")
check(entropy([1, 0, 0]) == 0, "a sure outcome has entropy 0")
// snippet.grader
let p = [0.6, 0.3, 0.1], q = [1.0 / 3, 1.0 / 3, 1.0 / 3]
let crossEntropy = -zip(p, q).map { $0 * log($1) }.reduce(0, +)
let kl = zip(p, q).map { $0 * log($0 / $1) }.reduce(0, +)
check(abs(crossEntropy - (entropy(p) + kl)) < 1e-12, "cross-entropy is entropy plus KL")
check(abs(entropy([0.25, 0.25, 0.25, 0.25]) - log(4.0)) < 1e-15, "four equal outcomes: log 4")
// snippet.end
