import NotebookRuntime

/// Soft-thresholding, the step L1 regularisation takes: shrink x towards 0 by t, and set it to
/// exactly 0 when |x| ≤ t.
func softThreshold(_ x: Double, _ t: Double) -> Double {
    // snippet.solution
    x > t ? x - t : (x < -t ? x + t : 0)
    // snippet.end
}

check(softThreshold(3, 1) == 2 && softThreshold(-3, 1) == -2, "outside the band it shrinks by t")
check(softThreshold(0.4, 1) == 0, "inside the band it is exactly 0: this is how lasso zeroes weights")
// snippet.grader
check(softThreshold(-0.99, 1) == 0 && softThreshold(1, 1) == 0, "the band's edges give 0")
// Soft-thresholding minimises ½(z − x)² + t|z| over z: no z on a fine grid does better. The
// grids count whole steps (x = −5 + 0.1 i, z = −6 + 0.01 j, the values `stride` gives) in plain
// loops, and |z| is `z.magnitude`: a debug build runs `stride(...).allSatisfy` and the generic
// `abs` through the runtime's generic calls, one per point.
var minimises = true
for i in 0...100 {
    let x = -5 + 0.1 * Double(i), shrunk = softThreshold(x, 1.5)
    let best = 0.5 * (shrunk - x) * (shrunk - x) + 1.5 * shrunk.magnitude
    var j = 0
    while j <= 1200 && minimises {
        let z = -6 + 0.01 * Double(j)
        minimises = 0.5 * (z - x) * (z - x) + 1.5 * z.magnitude >= best - 1e-12
        j += 1
    }
}
check(minimises, "it minimises ½(z − x)² + t|z|")
// snippet.end
