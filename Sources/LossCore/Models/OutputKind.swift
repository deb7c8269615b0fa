/// What a classifier outputs: raw scores (logits), or probabilities after the sigmoid or softmax.
///
/// Train with logits and a loss `fromLogits: true` (the stable way); probabilities exist to
/// show why that is (their loss can only clip when the sigmoid rounds to 0 or 1).
public enum OutputKind: String, Sendable, CaseIterable {
    /// Raw scores z.
    case logits
    /// σ(z) for one output, softmax(z) for several.
    case probabilities
}
