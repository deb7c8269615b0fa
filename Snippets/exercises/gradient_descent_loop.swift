import NotebookRuntime

/// Gradient descent: from `start`, repeat θ ← θ − η·slope(θ) until the slope is smaller than
/// `tolerance` in size (or `maxSteps` steps); returns the last θ and the steps taken.
func gradientDescent(start: Double, step eta: Double, tolerance: Double, maxSteps: Int,
                     slope: (Double) -> Double) -> (theta: Double, steps: Int) {
    // snippet.solution
    var theta = start
    var steps = 0
    while steps < maxSteps, abs(slope(theta)) >= tolerance {
        theta -= eta * slope(theta)
        steps += 1
    }
    return (theta, steps)
    // snippet.end
}

let result = gradientDescent(start: 0, step: 0.25, tolerance: 1e-10, maxSteps: 1000) { 2 * ($0 - 3) }   // J = (θ − 3)²
check(abs(result.theta - 3) < 1e-9, "on (θ − 3)² it finds θ = 3")
check(result.steps < 100, "... in fewer than 100 steps")
// snippet.grader
check(gradientDescent(start: 5, step: 0.1, tolerance: 1e-6, maxSteps: 7) { _ in 1 }.steps == 7, "it stops after maxSteps")
check(gradientDescent(start: 2, step: 0.1, tolerance: 1e-6, maxSteps: 100) { 2 * $0 - 4 }.steps == 0, "it does not step when already at the minimum")
// snippet.end
