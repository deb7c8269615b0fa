import Support

/// The losses `notebook loss` knows, by the names students type.
public enum LossName: String, CaseIterable, Sendable {
    case mse, mae, huber
    case pseudoHuber = "pseudo-huber"
    case logCosh = "log-cosh"
    case quantile
    case binaryCrossentropy = "binary-crossentropy"
    case categoricalCrossentropy = "categorical-crossentropy"
    case sparseCategoricalCrossentropy = "sparse-categorical-crossentropy"
    case hinge
    case squaredHinge = "squared-hinge"
    case klDivergence = "kl-divergence"

    /// Parses a name, or throws an error that suggests the closest valid one.
    public static func parse(_ text: String) throws(CLIError) -> LossName {
        if let name = LossName(rawValue: text.lowercased()) { return name }
        let names = allCases.map(\.rawValue)
        let closest = Suggestions.closest(to: text, in: names, onlyIfClose: false)
        throw CLIError.usage(
            "unknown loss '\(text)'; did you mean '\(closest ?? "mse")'? (one of: \(names.joined(separator: ", ")))")
    }

    /// Whether the loss compares whole rows as distributions (a 1-D array is one sample).
    var isCategorical: Bool {
        [.categoricalCrossentropy, .sparseCategoricalCrossentropy, .klDivergence].contains(self)
    }
}
