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
check(stride(from: -5.0, through: 5.0, by: 0.1).allSatisfy { x in
    // soft-thresholding minimises ½(z − x)² + t|z| over z: no z on a fine grid does better.
    let best = 0.5 * (softThreshold(x, 1.5) - x) * (softThreshold(x, 1.5) - x) + 1.5 * abs(softThreshold(x, 1.5))
    return stride(from: -6.0, through: 6.0, by: 0.01).allSatisfy { z in 0.5 * (z - x) * (z - x) + 1.5 * abs(z) >= best - 1e-12 }
}, "it minimises ½(z − x)² + t|z|")
// snippet.end
