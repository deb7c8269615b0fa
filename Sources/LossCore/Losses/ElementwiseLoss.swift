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
    /// ``valueAndDerivative(target:prediction:)`` for a run of `Double` elements as a non-generic
    /// function, or nil (the default). With one, the batch kernel runs on `Double`s without generic
    /// dispatch, which code built without optimisation (the snippets' debug builds) otherwise pays
    /// per element. It must give exactly what ``valueAndDerivative(target:prediction:)`` gives.
    var doubleBlockKernel: DoubleBlockKernel? { get }
}

extension ElementwiseLoss {
    /// No non-generic kernel: the generic ``valueAndDerivative(target:prediction:)`` serves `Double` too.
    public var doubleBlockKernel: DoubleBlockKernel? { nil }

    @inlinable
    public func valueAndDerivative<T: LossScalar>(target: T, prediction: T) -> (value: T, derivative: T) {
        (value(target: target, prediction: prediction), derivative(target: target, prediction: prediction))
    }

    /// One flat pass over all elements; a row's loss is the mean of its elements.
    @inlinable
    public func rows<T: LossScalar>(
        target: UnsafeBufferPointer<T>, prediction: UnsafeBufferPointer<T>, gradient: UnsafeMutableBufferPointer<T>,
        perSample: UnsafeMutableBufferPointer<T>?, weights: UnsafeBufferPointer<T>?, columns: Int, scale: T
    ) -> T {
        elementRows(target: target, prediction: prediction, gradient: gradient, perSample: perSample, weights: weights,
                    columns: columns, scale: scale)
    }

    /// The default ``rows(target:prediction:gradient:perSample:weights:columns:scale:)``: one flat
    /// pass calling ``valueAndDerivative(target:prediction:)`` per element. Losses that override
    /// `rows` for some cases call it for the others.
    @inlinable
    public func elementRows<T: LossScalar>(
        target: UnsafeBufferPointer<T>, prediction: UnsafeBufferPointer<T>, gradient: UnsafeMutableBufferPointer<T>,
        perSample: UnsafeMutableBufferPointer<T>?, weights: UnsafeBufferPointer<T>?, columns: Int, scale: T
    ) -> T {
        if T.self == Double.self, let kernel = doubleBlockKernel {
            return DoubleKernels.elementRows(kernel, of: target, prediction: prediction, gradient: gradient,
                                             perSample: perSample, weights: weights, columns: columns, scale: scale)
        }
        let columns = max(1, columns)
        let inverse = 1 / T(columns)
        if columns == 1, weights == nil, perSample == nil {
            // Four running sums: independent additions the processor can overlap.
            var s0: T = 0, s1: T = 0, s2: T = 0, s3: T = 0
            let count = prediction.count
            var index = 0
            while index + 4 <= count {
                let a = valueAndDerivative(target: target[index], prediction: prediction[index])
                let b = valueAndDerivative(target: target[index + 1], prediction: prediction[index + 1])
                let c = valueAndDerivative(target: target[index + 2], prediction: prediction[index + 2])
                let d = valueAndDerivative(target: target[index + 3], prediction: prediction[index + 3])
                s0 += a.value
                s1 += b.value
                s2 += c.value
                s3 += d.value
                gradient[index] = scale * a.derivative
                gradient[index + 1] = scale * b.derivative
                gradient[index + 2] = scale * c.derivative
                gradient[index + 3] = scale * d.derivative
                index += 4
            }
            while index < count {
                let (value, slope) = valueAndDerivative(target: target[index], prediction: prediction[index])
                s0 += value
                gradient[index] = scale * slope
                index += 1
            }
            return (s0 + s1) + (s2 + s3)
        }
        var total: T = 0
        for row in 0..<(prediction.count / columns) {
            let weight = weights?[row] ?? 1
            let gradientScale = scale * weight * inverse
            var sum: T = 0
            for index in (row * columns)..<((row + 1) * columns) {
                let (value, slope) = valueAndDerivative(target: target[index], prediction: prediction[index])
                sum += value
                gradient[index] = gradientScale * slope
            }
            let rowValue = weight * sum * inverse
            perSample?[row] = rowValue
            total += rowValue
        }
        return total
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
