import Foundation
import NotebookRuntime

/// Whether f passes the chord test at every pair of `points`: f((a + b)/2) ≤ (f(a) + f(b))/2
/// (with a tolerance of 1e-12 for rounding). Evidence of convexity, not a proof.
func passesChordTest(_ points: [Double], _ f: (Double) -> Double) -> Bool {
    // snippet.solution
    for a in points {
        for b in points where f((a + b) / 2) > (f(a) + f(b)) / 2 + 1e-12 { return false }
    }
    return true
    // snippet.end
}

let grid = stride(from: -4.0, through: 4.0, by: 0.25).map { $0 }
check(passesChordTest(grid) { $0 * $0 }, "r² passes")
check(!passesChordTest(grid) { log(1 + $0 * $0) }, "the Cauchy loss log(1 + r²) fails")
// snippet.grader
check(passesChordTest(grid) { abs($0) } && passesChordTest(grid) { max(0, 1 - $0) }, "|r| and the hinge pass")
check(!passesChordTest(grid) { -($0 * $0) } && !passesChordTest([0, 1, 2]) { $0 == 1 ? 5 : 0 }, "−r² and a spike fail")
// snippet.end
