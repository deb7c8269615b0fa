import CVectorMath

extension LossScalar {
    @inlinable
    public static func logCoshKernel(
        target: UnsafeBufferPointer<Self>, prediction: UnsafeBufferPointer<Self>,
        gradient: UnsafeMutableBufferPointer<Self>, values: UnsafeMutableBufferPointer<Self>?, scale: Self
    ) -> Self {
        elementKernel(target: target, prediction: prediction, gradient: gradient, values: values, scale: scale) { y, p in
            LogCosh().valueAndDerivative(target: y, prediction: p)
        }
    }

    @inlinable
    public static func logisticKernel(
        target: UnsafeBufferPointer<Self>, prediction: UnsafeBufferPointer<Self>,
        gradient: UnsafeMutableBufferPointer<Self>, values: UnsafeMutableBufferPointer<Self>?, scale: Self
    ) -> Self {
        elementKernel(target: target, prediction: prediction, gradient: gradient, values: values, scale: scale) { y, z in
            BinaryCrossentropy.logitValueAndDerivative(target: y, logit: z)
        }
    }

    /// The kernels' default: the scalar formulas element by element.
    @inlinable
    static func elementKernel(
        target: UnsafeBufferPointer<Self>, prediction: UnsafeBufferPointer<Self>,
        gradient: UnsafeMutableBufferPointer<Self>, values: UnsafeMutableBufferPointer<Self>?, scale: Self,
        element: (Self, Self) -> (value: Self, derivative: Self)
    ) -> Self {
        var total: Self = 0
        for index in prediction.indices {
            let (value, derivative) = element(target[index], prediction[index])
            gradient[index] = derivative * scale
            values?[index] = value
            total += value
        }
        return total
    }
}

extension Double {
    @inlinable
    public static func logCoshKernel(
        target: UnsafeBufferPointer<Double>, prediction: UnsafeBufferPointer<Double>,
        gradient: UnsafeMutableBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>?, scale: Double
    ) -> Double {
        lossnotebooks_log_cosh_double(target.baseAddress, prediction.baseAddress, gradient.baseAddress,
                                      values?.baseAddress, prediction.count, scale)
    }

    @inlinable
    public static func logisticKernel(
        target: UnsafeBufferPointer<Double>, prediction: UnsafeBufferPointer<Double>,
        gradient: UnsafeMutableBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>?, scale: Double
    ) -> Double {
        lossnotebooks_logistic_double(target.baseAddress, prediction.baseAddress, gradient.baseAddress,
                                      values?.baseAddress, prediction.count, scale)
    }
}

extension Float {
    @inlinable
    public static func logCoshKernel(
        target: UnsafeBufferPointer<Float>, prediction: UnsafeBufferPointer<Float>,
        gradient: UnsafeMutableBufferPointer<Float>, values: UnsafeMutableBufferPointer<Float>?, scale: Float
    ) -> Float {
        lossnotebooks_log_cosh_float(target.baseAddress, prediction.baseAddress, gradient.baseAddress,
                                     values?.baseAddress, prediction.count, scale)
    }

    @inlinable
    public static func logisticKernel(
        target: UnsafeBufferPointer<Float>, prediction: UnsafeBufferPointer<Float>,
        gradient: UnsafeMutableBufferPointer<Float>, values: UnsafeMutableBufferPointer<Float>?, scale: Float
    ) -> Float {
        lossnotebooks_logistic_float(target.baseAddress, prediction.baseAddress, gradient.baseAddress,
                                     values?.baseAddress, prediction.count, scale)
    }
}
