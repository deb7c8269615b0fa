/// How per-sample losses become the loss that is reported and differentiated (Keras's names).
public enum Reduction: String, Sendable, CaseIterable, Codable {
    /// Weighted sum over samples divided by the number of samples (Keras's
    /// `sum_over_batch_size`, its default). Note: not divided by the sum of the weights.
    case mean
    /// Weighted sum over samples.
    case sum
    /// No reduction: one loss per sample. The gradient is that of their sum, which is each
    /// sample's own gradient, since a sample's loss depends only on its own row.
    case none
}
