/// Evaluation metrics: what we report about a model, as opposed to the loss it was trained on.
public enum Metrics {
    /// The fraction of predictions equal to the labels.
    /// - Throws: ``LossError`` for empty or mismatched arrays.
    public static func accuracy(predicted: [Int], labels: [Int]) throws -> Double {
        try check(predicted.count, labels.count)
        return Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count)
    }

    /// Recall of one class: of the samples truly in `positive`, the fraction predicted as it.
    /// - Throws: ``LossError`` for mismatched arrays or when no sample is in the class.
    public static func recall(predicted: [Int], labels: [Int], positive: Int) throws -> Double {
        try check(predicted.count, labels.count)
        let members = zip(predicted, labels).filter { $0.1 == positive }
        guard !members.isEmpty else {
            throw LossError.invalidParameter(name: "positive", value: "\(positive)", expected: "a class that occurs in labels")
        }
        return Double(members.filter { $0.0 == positive }.count) / Double(members.count)
    }

    /// The mean absolute difference, in the targets' units.
    /// - Throws: ``LossError`` for empty or mismatched arrays.
    public static func meanAbsoluteError(predicted: [Double], targets: [Double]) throws -> Double {
        try check(predicted.count, targets.count)
        return zip(predicted, targets).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(targets.count)
    }

    /// The coefficient of determination R² = 1 - SS_res / SS_tot.
    /// - Throws: ``LossError`` for empty or mismatched arrays.
    public static func rSquared(predicted: [Double], targets: [Double]) throws -> Double {
        try check(predicted.count, targets.count)
        let mean = targets.reduce(0, +) / Double(targets.count)
        let residual = zip(predicted, targets).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
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
