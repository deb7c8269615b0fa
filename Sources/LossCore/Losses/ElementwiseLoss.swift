/// A loss that compares a target and a prediction element by element; a sample's loss is the
/// mean over its row's elements (Keras's `axis=-1` mean).
///
/// Conformers give the pointwise value, first and second derivative with respect to the
/// prediction; the batch kernel comes for free.
public protocol ElementwiseLoss: Loss {
    /// The loss of one element.
    func value<T: LossScalar>(target: T, prediction: T) -> T
    /// d(loss)/d(prediction) of one element. At a kink it returns the midpoint of the one-sided
    /// derivatives (0 for MAE at r = 0), a valid subgradient.
    func derivative<T: LossScalar>(target: T, prediction: T) -> T
    /// d²(loss)/d(prediction)², or `nil` where it does not exist (at a kink).
    func secondDerivative<T: LossScalar>(target: T, prediction: T) -> T?
    /// The value and the derivative together; losses with transcendental functions override it
    /// to share the work (one `exp` instead of two).
    func valueAndDerivative<T: LossScalar>(target: T, prediction: T) -> (value: T, derivative: T)
}

extension ElementwiseLoss {
    @inlinable
    public func valueAndDerivative<T: LossScalar>(target: T, prediction: T) -> (value: T, derivative: T) {
        (value(target: target, prediction: prediction), derivative(target: target, prediction: prediction))
    }

    @inlinable
    public func sample<T: LossScalar>(
        target: UnsafeBufferPointer<T>, prediction: UnsafeBufferPointer<T>,
        gradient: UnsafeMutableBufferPointer<T>, scale: T
    ) -> T {
        let count = prediction.count
        let inverse = 1 / T(count)
        let gradientScale = scale * inverse
        var sum: T = 0
        for index in 0..<count {
            let (value, slope) = valueAndDerivative(target: target[index], prediction: prediction[index])
            sum += value
            gradient[index] = gradientScale * slope
        }
        return sum * inverse
    }
}
