import Foundation
import NotebookRuntime

/// The root-mean-square error: the square root of the mean squared difference, in the targets' units.
func rootMeanSquareError(predictions: [Double], targets: [Double]) -> Double {
    // snippet.solution
    (zip(predictions, targets).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Double(predictions.count)).squareRoot()
    // snippet.end
}

check(abs(rootMeanSquareError(predictions: [10, 20], targets: [13, 16]) - 12.5.squareRoot()) < 1e-12, "errors 3 and −4 give √12.5")
check(rootMeanSquareError(predictions: [5, 5, 5], targets: [5, 5, 5]) == 0, "no error, no RMSE")
// snippet.grader
check(abs(rootMeanSquareError(predictions: [0, 0, 0, 0], targets: [2, -2, 2, -2]) - 2) < 1e-12, "the same size of error everywhere is that size")
check(rootMeanSquareError(predictions: [0, 0], targets: [0, 10]) > 5, "RMSE weighs the large error more than the mean absolute error (5) does")
// snippet.end
