import LossCore
import RealModule
import Testing

#if arch(x86_64) || arch(arm64)
/// A scalar LossCore does not vectorise, so its kernels take the protocol's defaults.
extension Float16: LossScalar {}

@Suite("The kernels' defaults: the scalar formulas element by element")
struct DefaultKernelTests {
    @Test("On Float16 (no vector path), log-cosh and BCE from logits give each element's scalar formula, the scaled slope and the sum")
    func float16() {
        let predictions: [Float16] = [-8, -1, -0.25, 0, 0.5, 2, 9]
        let targets: [Float16] = [0, 1, 0, 1, 1, 0, 1]
        var gradient = [Float16](repeating: .nan, count: predictions.count)
        var values = [Float16](repeating: .nan, count: predictions.count)
        for logistic in [false, true] {
            let total = targets.withUnsafeBufferPointer { t in
                predictions.withUnsafeBufferPointer { p in
                    gradient.withUnsafeMutableBufferPointer { g in
                        values.withUnsafeMutableBufferPointer { v in
                            logistic ? Float16.logisticKernel(target: t, prediction: p, gradient: g, values: v, scale: 0.5)
                                : Float16.logCoshKernel(target: t, prediction: p, gradient: g, values: v, scale: 0.5)
                        }
                    }
                }
            }
            var sum: Float16 = 0
            for index in predictions.indices {
                let (value, slope) = logistic
                    ? try! BinaryCrossentropy(fromLogits: true).valueAndDerivative(target: targets[index], prediction: predictions[index])
                    : LogCosh().valueAndDerivative(target: targets[index], prediction: predictions[index])
                #expect(values[index] == value && gradient[index] == slope * 0.5, "\(logistic ? "BCE" : "log-cosh") at \(predictions[index])")
                sum += value
            }
            #expect(total == sum)
        }
    }
}
#endif
