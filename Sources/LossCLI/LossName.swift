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
        let closest = names.min { editDistance($0, text.lowercased()) < editDistance($1, text.lowercased()) }
        throw CLIError.usage(
            "unknown loss '\(text)'; did you mean '\(closest ?? "mse")'? (one of: \(names.joined(separator: ", ")))")
    }

    /// Whether the loss compares whole rows as distributions (a 1-D array is one sample).
    var isCategorical: Bool {
        [.categoricalCrossentropy, .sparseCategoricalCrossentropy, .klDivergence].contains(self)
    }
}

/// Levenshtein distance, for "did you mean".
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(1, a.count) where !a.isEmpty {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(1, b.count) where !b.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return a.isEmpty ? b.count : previous[b.count]
}
