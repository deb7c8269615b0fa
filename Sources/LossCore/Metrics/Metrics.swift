/// Evaluation metrics: what we report about a model, as opposed to the loss it was trained on.
public enum Metrics {
    /// The fraction of predictions equal to the labels.
    /// - Throws: ``LossError`` for empty or mismatched arrays.
    public static func accuracy(predicted: [Int], labels: [Int]) throws -> Double {
        try check(predicted.count, labels.count)
        var correct = 0
        for index in labels.indices where predicted[index] == labels[index] { correct += 1 }
        return Double(correct) / Double(labels.count)
    }

    /// Recall of one class: of the samples truly in `positive`, the fraction predicted as it.
    /// - Throws: ``LossError`` for mismatched arrays or when no sample is in the class.
    public static func recall(predicted: [Int], labels: [Int], positive: Int) throws -> Double {
        try check(predicted.count, labels.count)
        var members = 0, found = 0
        for index in labels.indices where labels[index] == positive {
            members += 1
            if predicted[index] == positive { found += 1 }
        }
        guard members > 0 else {
            throw LossError.invalidParameter(name: "positive", value: "\(positive)", expected: "a class that occurs in labels")
        }
        return Double(found) / Double(members)
    }

    /// The mean absolute difference, in the targets' units.
    /// - Throws: ``LossError`` for empty or mismatched arrays.
    public static func meanAbsoluteError(predicted: [Double], targets: [Double]) throws -> Double {
        try check(predicted.count, targets.count)
        var sum = 0.0
        for index in targets.indices { sum += (predicted[index] - targets[index]).magnitude }
        return sum / Double(targets.count)
    }

    /// The coefficient of determination R² = 1 - SS_res / SS_tot.
    /// - Throws: ``LossError`` for empty or mismatched arrays.
    public static func rSquared(predicted: [Double], targets: [Double]) throws -> Double {
        try check(predicted.count, targets.count)
        let mean = targets.reduce(0, +) / Double(targets.count)
        var residual = 0.0
        for index in targets.indices { residual += (predicted[index] - targets[index]) * (predicted[index] - targets[index]) }
        let total = targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return total > 0 ? 1 - residual / total : (residual == 0 ? 1 : 0)
    }

    private static func check(_ a: Int, _ b: Int) throws {
        guard b > 0 else { throw LossError.empty(argument: "labels") }
        guard a == b else {
            throw LossError.shapeMismatch(argument: "predicted", expected: "\(b) values (one per label)", found: "\(a)")
        }
    }
}
