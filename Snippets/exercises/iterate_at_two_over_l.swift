import NotebookRuntime

/// Gradient descent on J(θ) = L·θ²/2, whose slope is L·θ, with step η: the first `steps` iterates
/// after θ₀ (θ₁, θ₂, ...).
func descend(from theta0: Double, curvature L: Double, step eta: Double, steps: Int) -> [Double] {
    // snippet.solution
    var theta = theta0
    return (0..<steps).map { _ in
        theta -= eta * L * theta
        return theta
    }
    // snippet.end
}

let L = 4.0
let atBound = descend(from: 1, curvature: L, step: 2 / L, steps: 50)
check(atBound.count == 50 && abs(atBound[0] + 1) < 1e-12, "at η = 2/L the first step lands on −θ₀")
check(atBound.allSatisfy { abs(abs($0) - 1) < 1e-12 }, "at η = exactly 2/L, |θ| stays 1: it bounces forever, neither converging nor diverging")
// snippet.grader
check(abs(descend(from: 1, curvature: L, step: 1 / L, steps: 1)[0]) < 1e-15, "at η = 1/L one step reaches the minimum")
check(abs(descend(from: 1, curvature: L, step: 2.1 / L, steps: 40).last!) > 5, "past 2/L the iterates grow")
check(abs(descend(from: 1, curvature: L, step: 1.9 / L, steps: 200).last!) < 1e-8, "below 2/L they converge")
// snippet.end
