import NotebookRuntime

/// A weight per sample so that every class has the same total weight: a sample of class c gets
/// n / (k · count of c), for n samples and k classes (scikit-learn's "balanced").
func balancedWeights(_ labels: [Int]) -> [Double] {
    // snippet.solution
    var counts: [Int: Int] = [:]
    for label in labels { counts[label, default: 0] += 1 }
    let n = Double(labels.count), k = Double(counts.count)
    return labels.map { n / (k * Double(counts[$0]!)) }
    // snippet.end
}

let labels = Array(repeating: 0, count: 9) + [1]
let weights = balancedWeights(labels)
check(weights.count == 10 && abs(weights[0] - 10.0 / 18) < 1e-12 && abs(weights[9] - 5) < 1e-12, "nine of class 0 get 10/18 each, the one of class 1 gets 5")
// snippet.grader
func total(_ w: [Double], _ l: [Int], _ c: Int) -> Double { zip(w, l).filter { $0.1 == c }.map(\.0).reduce(0, +) }
let three = [0, 0, 1, 2, 2, 2, 2]
let w3 = balancedWeights(three)
check(abs(total(w3, three, 0) - total(w3, three, 1)) < 1e-12 && abs(total(w3, three, 1) - total(w3, three, 2)) < 1e-12, "three classes get equal totals")
check(abs(w3.reduce(0, +) - 7) < 1e-12, "the weights add up to the number of samples")
// snippet.end
