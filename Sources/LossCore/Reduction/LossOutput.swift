/// The result of evaluating a ``Loss`` on a batch.
public struct LossOutput<T: LossScalar>: Sendable, Equatable {
    /// The reduction that produced ``value`` and ``gradient``.
    public let reduction: Reduction
    /// Each sample's loss, multiplied by its sample weight.
    public let perSample: [T]
    /// The reduced loss: the mean or the sum; for ``Reduction/none``, the sum of ``perSample``
    /// (the quantity whose gradient ``gradient`` is).
    public let value: T
    /// The gradient of ``value`` with respect to the prediction, shaped like the prediction.
    public let gradient: Batch<T>

    @usableFromInline
    init(reduction: Reduction, perSample: [T], value: T, gradient: Batch<T>) {
        self.reduction = reduction
        self.perSample = perSample
        self.value = value
        self.gradient = gradient
    }
}
