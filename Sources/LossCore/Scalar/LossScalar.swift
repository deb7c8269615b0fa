import CVectorMath
import RealModule

/// The floating-point types LossCore computes with: `Float` and `Double`.
///
/// Every loss, model and optimiser is generic over this protocol, so the same code serves
/// single precision (fast, what GPUs use) and double precision (what the notebooks print).
/// The elementary functions (`exp`, `log1p`, `tanh`, ...) come from swift-numerics' `Real`;
/// the whole-buffer forms ``formExp(_:)`` and ``formLogOnePlus(_:)`` are vectorised.
public protocol LossScalar: Real, BinaryFloatingPoint, Sendable, Codable
where Self.RawSignificand: FixedWidthInteger {
    /// Replaces every element of `values` by its exponential, e^x.
    ///
    /// `Float` and `Double` use SLEEF's vector functions (at most 1 ulp of error; AVX-512 or AVX2
    /// where the processor has it, SSE2 otherwise), which ``CategoricalCrossentropy`` calls on
    /// blocks of elements; the default is `Self.exp` element by element.
    static func formExp(_ values: UnsafeMutableBufferPointer<Self>)

    /// Replaces every element of `values` by log(1 + x), accurate for small x; vectorised like
    /// ``formExp(_:)``.
    static func formLogOnePlus(_ values: UnsafeMutableBufferPointer<Self>)

    /// ``LogCosh`` over whole buffers in one pass: writes `scale` times each element's derivative
    /// into `gradient` and, unless `values` is `nil`, each element's loss into `values`; returns
    /// the sum of the losses. The buffers have `prediction.count` elements.
    ///
    /// `Float` and `Double` run one vectorised loop (SLEEF's exp and log; see
    /// `loss_kernels.h` in CVectorMath for the accuracy); the default is
    /// ``LogCosh/valueAndDerivative(target:prediction:)`` element by element.
    static func logCoshKernel(
        target: UnsafeBufferPointer<Self>, prediction: UnsafeBufferPointer<Self>,
        gradient: UnsafeMutableBufferPointer<Self>, values: UnsafeMutableBufferPointer<Self>?, scale: Self
    ) -> Self

    /// ``BinaryCrossentropy`` from logits over whole buffers in one pass, like
    /// ``logCoshKernel(target:prediction:gradient:values:scale:)``.
    static func logisticKernel(
        target: UnsafeBufferPointer<Self>, prediction: UnsafeBufferPointer<Self>,
        gradient: UnsafeMutableBufferPointer<Self>, values: UnsafeMutableBufferPointer<Self>?, scale: Self
    ) -> Self
}

extension LossScalar {
    /// The scalar nearest to a `Double` constant (loss parameters are stored as `Double`).
    @inlinable
    public static func constant(_ value: Double) -> Self { Self(value) }

    @inlinable
    public static func formExp(_ values: UnsafeMutableBufferPointer<Self>) {
        for index in values.indices { values[index] = exp(values[index]) }
    }

    @inlinable
    public static func formLogOnePlus(_ values: UnsafeMutableBufferPointer<Self>) {
        for index in values.indices { values[index] = log(onePlus: values[index]) }
    }
}

extension Float: LossScalar {
    @inlinable
    public static func formExp(_ values: UnsafeMutableBufferPointer<Float>) {
        guard let base = values.baseAddress else { return }
        lossnotebooks_exp_float(base, values.count)
    }

    @inlinable
    public static func formLogOnePlus(_ values: UnsafeMutableBufferPointer<Float>) {
        guard let base = values.baseAddress else { return }
        lossnotebooks_log1p_float(base, values.count)
    }
}

extension Double: LossScalar {
    @inlinable
    public static func formExp(_ values: UnsafeMutableBufferPointer<Double>) {
        guard let base = values.baseAddress else { return }
        lossnotebooks_exp_double(base, values.count)
    }

    @inlinable
    public static func formLogOnePlus(_ values: UnsafeMutableBufferPointer<Double>) {
        guard let base = values.baseAddress else { return }
        lossnotebooks_log1p_double(base, values.count)
    }
}

/// The instruction set of the vectorised elementary functions on this processor: `avx512`,
/// `avx2`, `sse2` or `scalar` (what `loss-bench` reports beside its figures).
public var vectorInstructionSet: String {
    switch lossnotebooks_vector_isa() {
    case lossnotebooks_isa_avx512: "avx512"
    case lossnotebooks_isa_avx2: "avx2"
    case lossnotebooks_isa_sse2: "sse2"
    default: "scalar"
    }
}
