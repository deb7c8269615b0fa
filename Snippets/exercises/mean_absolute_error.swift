import LossCore
import NotebookRuntime

/// The mean of the absolute differences between predictions and targets.
func meanAbsoluteError(predictions: [Double], targets: [Double]) -> Double {
    // snippet.solution
    zip(predictions, targets).map { abs($0 - $1) }.reduce(0, +) / Double(predictions.count)
    // snippet.end
}

check(abs(meanAbsoluteError(predictions: [1, 2, 3], targets: [1, 2, 5]) - 2.0 / 3) < 1e-12, "errors 0, 0 and 2 give MAE 2/3")
check(meanAbsoluteError(predictions: [0, 0], targets: [3, -3]) == 3, "an error of −3 counts as much as +3")
// snippet.grader
let t = [1.0, 1, 1, 1], p = [0.5, -1, 4, 1]
check(abs(meanAbsoluteError(predictions: p, targets: t) - (try! MeanAbsoluteError().evaluate(target: Batch(t), prediction: Batch(p), reduction: .mean).value)) < 1e-12,
      "agrees with LossCore's MeanAbsoluteError")
// snippet.end
