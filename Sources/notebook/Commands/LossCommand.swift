import ArgumentParser
import LossCLI
import LossCore

extension Reduction: ExpressibleByArgument {}

/// `notebook loss`: a loss calculator for class.
struct LossCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loss",
        abstract: "Print a loss and its gradient with respect to y_pred (Keras's conventions).",
        discussion: """
            NAME is one of: \(LossName.allCases.map(\.rawValue).joined(separator: ", ")).
            Arrays are JSON: 1-D (each element a sample) or 2-D (rows are samples).
            Example: notebook loss huber --y-true '[[0,1],[0,0]]' --y-pred '[[0.6,0.4],[0.4,0.6]]'
            """)

    @Argument(help: "The loss.")
    var name: String

    @Option(name: .customLong("y-true"), help: "Targets, JSON (class indices for sparse-categorical-crossentropy).")
    var yTrue: String

    @Option(name: .customLong("y-pred"), help: "Predictions, JSON.")
    var yPred: String

    @Option(parsing: .unconditional, help: "Huber / pseudo-Huber threshold (default 1).")
    var delta: Double?

    @Option(parsing: .unconditional, help: "Quantile for the quantile loss (default 0.5).")
    var tau: Double?

    @Flag(name: .customLong("from-logits"), help: "Predictions are logits (cross-entropies).")
    var fromLogits = false

    @Option(name: .customLong("label-smoothing"), parsing: .unconditional, help: "Label smoothing in [0, 1] (cross-entropies).")
    var labelSmoothing: Double?

    @Option(parsing: .unconditional, help: "Probability clipping epsilon (cross-entropies: default 1e-7; kl-divergence: none, 1e-7 is Keras's).")
    var epsilon: Double?

    @Option(name: .customLong("class-weights"), help: "One weight per class, JSON (categorical cross-entropies).")
    var classWeights: String?

    @Option(help: "mean, sum or none (default mean).")
    var reduction: Reduction = .mean

    @Option(name: .customLong("sample-weight"), help: "One weight per sample (row), JSON.")
    var sampleWeight: String?

    @Flag(help: "Print one JSON object {\"loss\": ..., \"gradient\": ...}.")
    var json = false

    func run() throws {
        do {
            let request = LossRequest(
                name: try LossName.parse(name), yTrue: yTrue, yPred: yPred, delta: delta, tau: tau,
                fromLogits: fromLogits, labelSmoothing: labelSmoothing, epsilon: epsilon,
                classWeights: classWeights, reduction: reduction, sampleWeight: sampleWeight)
            let report = try LossCalculator.evaluate(request)
            print(json ? report.json : report.text)
        } catch {
            throw UsageFailure(message: error.description)
        }
    }
}
