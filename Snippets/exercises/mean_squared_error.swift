import LossCore
import NotebookRuntime

/// The mean of the squared differences between predictions and targets.
func meanSquaredError(predictions: [Double], targets: [Double]) -> Double {
    // snippet.solution
    zip(predictions, targets).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Double(predictions.count)
    // snippet.end
}

func lossCore(_ p: [Double], _ t: [Double]) -> Double {
    try! MeanSquaredError().evaluate(target: Batch(t), prediction: Batch(p), reduction: .mean).value
}
check(abs(meanSquaredError(predictions: [1, 2, 3], targets: [1, 2, 5]) - 4.0 / 3) < 1e-12, "errors 0, 0 and 2 give MSE 4/3")
check(meanSquaredError(predictions: [2, 2], targets: [2, 2]) == 0, "perfect predictions give MSE 0")
// snippet.grader
check(abs(meanSquaredError(predictions: [0.5, -1, 4], targets: [1, 1, 1]) - lossCore([0.5, -1, 4], [1, 1, 1])) < 1e-12,
      "agrees with LossCore's MeanSquaredError on mixed signs")
check(abs(meanSquaredError(predictions: [3], targets: [-2]) - 25) < 1e-12, "one sample: the squared error itself")
// snippet.end
