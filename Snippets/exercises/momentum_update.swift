import NotebookRuntime

/// One heavy-ball step, as LossCore's momentum optimiser takes it: v ← β·v + g, then θ ← θ − η·v.
func momentumStep(theta: Double, velocity: Double, gradient: Double, eta: Double, beta: Double) -> (theta: Double, velocity: Double) {
    // snippet.solution
    let v = beta * velocity + gradient
    return (theta - eta * v, v)
    // snippet.end
}

let first = momentumStep(theta: 1, velocity: 0, gradient: 2, eta: 0.1, beta: 0.9)
check(abs(first.velocity - 2) < 1e-15 && abs(first.theta - 0.8) < 1e-15, "from rest, the first step is plain gradient descent")
let second = momentumStep(theta: first.theta, velocity: first.velocity, gradient: 2, eta: 0.1, beta: 0.9)
check(abs(second.velocity - 3.8) < 1e-12 && abs(second.theta - 0.42) < 1e-12, "the same gradient again: the velocity builds up to 3.8")
// snippet.grader
var state = (theta: 5.0, velocity: 0.0)
for _ in 0..<500 { state = momentumStep(theta: state.theta, velocity: state.velocity, gradient: 2 * state.theta, eta: 0.05, beta: 0.9) }
check(abs(state.theta) < 1e-8, "on θ² it converges to 0")
let steady = (0..<400).reduce((theta: 0.0, velocity: 0.0)) { s, _ in momentumStep(theta: s.theta, velocity: s.velocity, gradient: 1, eta: 1, beta: 0.5) }
check(abs(steady.velocity - 2) < 1e-12, "under a constant gradient g the velocity tends to g/(1 − β)")
// snippet.end
