/// The hinge loss max(0, 1 - y·f) for labels y in {-1, 1} (0/1 labels are mapped, as in Keras)
/// and a real-valued score f.
///
/// Zero once a sample is on the right side with margin 1; convex; not differentiable at
/// y·f = 1, where the derivative is the midpoint -y/2 and the second derivative is `nil`.
public struct Hinge: ElementwiseLoss {
    /// Creates the loss.
    public init() {}

    public var name: String { "hinge" }

    public func prepare<T: LossScalar>(target: Batch<T>, prediction: Batch<T>) throws -> Batch<T> {
        try requireFinite(prediction.values, argument: "y_pred")
        return try hingeLabels(target)
    }

    @inlinable public func value<T: LossScalar>(target y: T, prediction f: T) -> T {
        max(0, 1 - y * f)
    }

    @inlinable public func derivative<T: LossScalar>(target y: T, prediction f: T) -> T {
        let margin = 1 - y * f
        if margin > 0 { return -y }
        if margin < 0 { return 0 }
        return -y / 2
    }

    @inlinable public func secondDerivative<T: LossScalar>(target y: T, prediction f: T) -> T? {
        1 - y * f == 0 ? nil : 0
    }
}
