import Foundation
import LossCore
import NotebookRuntime

/// Binary cross-entropy of a label y (0 or 1) and a probability p in (0, 1).
func binaryCrossEntropy(label y: Double, probability p: Double) -> Double {
    // snippet.solution
    -(y * log(p) + (1 - y) * log(1 - p))
    // snippet.end
}

check(abs(binaryCrossEntropy(label: 1, probability: 0.5) - log(2.0)) < 1e-15, "an unsure ½ costs log 2 whatever the label")
check(binaryCrossEntropy(label: 1, probability: 0.99) < binaryCrossEntropy(label: 1, probability: 0.6), "a confident right answer costs less")
// snippet.grader
let bce = try! BinaryCrossentropy()
check([(0.0, 0.2), (1.0, 0.7), (0.0, 0.9), (1.0, 0.01)].allSatisfy { abs(binaryCrossEntropy(label: $0.0, probability: $0.1) - bce.value(target: $0.0, prediction: $0.1)) < 1e-12 },
      "agrees with LossCore's BinaryCrossentropy")
check(binaryCrossEntropy(label: 0, probability: 0.999) > 6, "a confident wrong answer costs a lot")
// snippet.end
