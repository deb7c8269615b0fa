/// The squared hinge loss max(0, 1 - y·f)² for labels y in {-1, 1} (0/1 labels are mapped).
///
/// Differentiable everywhere (C¹), with gradient -2y·max(0, 1 - y·f); its second derivative
/// jumps from 2 to 0 at y·f = 1, where ``secondDerivative(target:prediction:)`` is `nil`.
public struct SquaredHinge: ElementwiseLoss {
    /// Creates the loss.
    public init() {}

    public var name: String { "squared-hinge" }

    public func prepare<T: LossScalar>(target: Batch<T>, prediction: Batch<T>) throws -> Batch<T> {
        try requireFinite(prediction.values, argument: "y_pred")
        return try hingeLabels(target)
    }

    @inlinable public func value<T: LossScalar>(target y: T, prediction f: T) -> T {
        let m = max(0, 1 - y * f)
        return m * m
    }

    @inlinable public func derivative<T: LossScalar>(target y: T, prediction f: T) -> T {
        -2 * y * max(0, 1 - y * f)
    }

    @inlinable public func secondDerivative<T: LossScalar>(target y: T, prediction f: T) -> T? {
        let margin = 1 - y * f
        if margin == 0 { return nil }
        return margin > 0 ? 2 * y * y : 0
    }
}
