import CVectorMath
import Foundation
import LossCore
import Testing

/// The one-pass C kernels of log-cosh and binary cross-entropy from logits (`loss_kernels.h`),
/// on every instruction set, against the scalar formulas computed with glibc.
@Suite("Log-cosh and BCE kernels (one pass, SLEEF) against the scalar formulas")
struct LossKernelTests {
    static let instructionSets = [lossnotebooks_isa_scalar, lossnotebooks_isa_sse2, lossnotebooks_isa_avx2, lossnotebooks_isa_avx512]

    enum Kernel: CaseIterable, CustomStringConvertible {
        case logCosh, logistic
        var description: String { self == .logCosh ? "log-cosh" : "BCE" }

        /// The scalar formulas in Double, through glibc: the reference.
        func reference(target: Double, prediction: Double) -> (value: Double, derivative: Double) {
            switch self {
            case .logCosh:
                let loss = LogCosh()
                return (loss.value(target: target, prediction: prediction), loss.derivative(target: target, prediction: prediction))
            case .logistic:
                let loss = try! BinaryCrossentropy(fromLogits: true)
                return (loss.value(target: target, prediction: prediction), loss.derivative(target: target, prediction: prediction))
            }
        }

        func run(_ target: [Double], _ prediction: [Double], isa: lossnotebooks_isa, scale: Double = 1, values wanted: Bool = true) -> (values: [Double], gradient: [Double], total: Double) {
            var gradient = [Double](repeating: .nan, count: prediction.count)
            var values = [Double](repeating: .nan, count: prediction.count)
            let total = gradient.withUnsafeMutableBufferPointer { g in
                values.withUnsafeMutableBufferPointer { v in
                    let out = wanted ? v.baseAddress : nil
                    return self == .logCosh
                        ? lossnotebooks_log_cosh_double_isa(target, prediction, g.baseAddress, out, prediction.count, scale, isa)
                        : lossnotebooks_logistic_double_isa(target, prediction, g.baseAddress, out, prediction.count, scale, isa)
                }
            }
            return (values, gradient, total)
        }

        func run(_ target: [Float], _ prediction: [Float], isa: lossnotebooks_isa) -> (values: [Float], gradient: [Float], total: Float) {
            var gradient = [Float](repeating: .nan, count: prediction.count)
            var values = [Float](repeating: .nan, count: prediction.count)
            let total = gradient.withUnsafeMutableBufferPointer { g in
                values.withUnsafeMutableBufferPointer { v in
                    self == .logCosh
                        ? lossnotebooks_log_cosh_float_isa(target, prediction, g.baseAddress, v.baseAddress, prediction.count, 1, isa)
                        : lossnotebooks_logistic_float_isa(target, prediction, g.baseAddress, v.baseAddress, prediction.count, 1, isa)
                }
            }
            return (values, gradient, total)
        }
    }

    static let extremes: [Double] = [-1e300, -1e10, -745, -710, -40, -1, -1e-9, -0.0, 0, 1e-9, 1, 40, 710, 745, 1e10, 1e300]

    @Test("Double, every instruction set: derivatives within 4e-16 (of 1 or of the value), losses within 2e-15 relative (log-cosh: plus 5e-16), sums; tails included",
          arguments: instructionSets)
    func doubles(isa: lossnotebooks_isa) {
        var random = Xoshiro256(seed: 41)
        let predictions = Self.extremes + (0..<1_003).map { _ in random.uniform(-50, 50) }
        for kernel in Kernel.allCases {
            for target in [0.0, 0.3, 0.95, 1.0] {
                let targets = [Double](repeating: target, count: predictions.count)
                let result = kernel.run(targets, predictions, isa: isa)
                var sum = 0.0
                for (index, p) in predictions.enumerated() {
                    let (value, slope) = kernel.reference(target: target, prediction: p)
                    sum += value
                    let floor = kernel == .logCosh ? 5e-16 : 0
                    #expect(abs(result.values[index] - value) <= 2e-15 * abs(value) + floor,
                            "\(kernel) at \(p), y = \(target) on \(isa): \(result.values[index]) vs \(value)")
                    #expect(abs(result.gradient[index] - slope) <= 4e-16 * max(1, abs(slope)),
                            "\(kernel)' at \(p), y = \(target) on \(isa): \(result.gradient[index]) vs \(slope)")
                }
                #expect(abs(result.total - sum) <= 1e-14 * sum, "\(kernel) sum on \(isa): \(result.total) vs \(sum)")
            }
        }
    }

    @Test("Float, every instruction set: within 6e-7 of the Double formulas, logits and residuals to ±1e30",
          arguments: instructionSets)
    func floats(isa: lossnotebooks_isa) {
        var random = Xoshiro256(seed: 42)
        let predictions: [Float] = [-1e30, -1e6, -104, -89, -20, -1, -1e-6, 0, 1e-6, 1, 20, 89, 104, 1e6, 1e30]
            + (0..<301).map { _ in Float(random.uniform(-30, 30)) }
        for kernel in Kernel.allCases {
            for target: Float in [0, 1] {
                let result = kernel.run([Float](repeating: target, count: predictions.count), predictions, isa: isa)
                for (index, p) in predictions.enumerated() {
                    let (value, slope) = kernel.reference(target: Double(target), prediction: Double(p))
                    // BCE at |z| = 104: e^-104 is below Float's smallest subnormal, so the loss is 0.
                    let floor = kernel == .logCosh ? 1e-7 : Double(Float.leastNonzeroMagnitude)
                    #expect(abs(Double(result.values[index]) - value) <= 6e-7 * abs(value) + floor,
                            "\(kernel) at \(p), y = \(target) on \(isa): \(result.values[index]) vs \(value)")
                    #expect(abs(Double(result.gradient[index]) - slope) <= 2e-7 * max(1, abs(slope)),
                            "\(kernel)' at \(p), y = \(target) on \(isa): \(result.gradient[index]) vs \(slope)")
                }
            }
        }
    }

    @Test("Float totals over a million elements stay within 1e-6 of the elements' sum (block sums added in Double)",
          arguments: instructionSets)
    func floatTotals(isa: lossnotebooks_isa) {
        var random = Xoshiro256(seed: 44)
        let count = 1_000_000
        let predictions = (0..<count).map { _ in Float(random.uniform(-4, 4)) }
        let targets = (0..<count).map { Float($0 % 2) }
        for kernel in Kernel.allCases {
            let result = kernel.run(targets, predictions, isa: isa)
            let sum = result.values.reduce(0.0) { $0 + Double($1) }
            #expect(abs(Double(result.total) - sum) <= 1e-6 * sum, "\(kernel) on \(isa): \(result.total) vs \(sum)")
        }
    }

    @Test("Log-cosh is never negative, though |r| + log1p(e) - log 2 cancels for small residuals", arguments: instructionSets)
    func nonNegative(isa: lossnotebooks_isa) {
        var random = Xoshiro256(seed: 45)
        // Residuals from 1e-12 to 1, evenly in their logarithm.
        let predictions = (0..<20_000).map { _ in Foundation.pow(10, random.uniform(-12, 0)) }
        let result = Kernel.logCosh.run([Double](repeating: 0, count: predictions.count), predictions, isa: isa)
        let negative = result.values.filter { $0 < 0 }
        #expect(negative.isEmpty, "\(negative.count) negative losses on \(isa), e.g. \(negative.prefix(3))")
        let floats = Kernel.logCosh.run([Float](repeating: 0, count: predictions.count), predictions.map(Float.init), isa: isa)
        #expect(floats.values.allSatisfy { $0 >= 0 }, "Float on \(isa)")
    }

    @Test("Confident, correct logits: BCE = log1p(e^-|z|) keeps its relative accuracy where 1 + e rounds to 1 (z past 37)",
          arguments: instructionSets)
    func tinyLosses(isa: lossnotebooks_isa) {
        let logits: [Double] = [20, 36, 37, 38, 40, 50, 100, 300, 700, 744]
        let result = Kernel.logistic.run([Double](repeating: 1, count: logits.count), logits, isa: isa)
        let negative = Kernel.logistic.run([Double](repeating: 0, count: logits.count), logits.map { -$0 }, isa: isa)
        for (index, z) in logits.enumerated() {
            let exact = Foundation.log1p(Foundation.exp(-z))
            #expect(result.values[index] > 0 && abs(result.values[index] - exact) <= 2e-15 * exact, "BCE(1, \(z)) on \(isa): \(result.values[index]) vs \(exact)")
            #expect(negative.values[index].bitPattern == result.values[index].bitPattern, "BCE(0, \(-z)) on \(isa)")
        }
        let floats = Kernel.logistic.run([Float](repeating: 1, count: 4), [16, 17, 30, 80], isa: isa)
        for (index, z) in [16.0, 17, 30, 80].enumerated() {
            let exact = Foundation.log1p(Foundation.exp(-z))
            #expect(abs(Double(floats.values[index]) - exact) <= 6e-7 * exact, "BCE(1, \(z)) in Float on \(isa): \(floats.values[index]) vs \(exact)")
        }
    }

    @Test("An element's results do not depend on its position or the buffer's length; the total is the elements' sum, with or without values",
          arguments: [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 33])
    func positions(count: Int) {
        var random = Xoshiro256(seed: UInt64(200 + count))
        let predictions = (0..<count).map { _ in random.uniform(-20, 20) }
        let targets = (0..<count).map { _ in random.nextUnit() > 0.5 ? 1.0 : 0.0 }
        let isa = lossnotebooks_vector_isa()
        for kernel in Kernel.allCases {
            let whole = kernel.run(targets, predictions, isa: isa, scale: 0.25)
            let bare = kernel.run(targets, predictions, isa: isa, scale: 0.25, values: false)
            #expect(bare.total.bitPattern == whole.total.bitPattern)
            let sum = whole.values.reduce(0, +)
            #expect(abs(whole.total - sum) <= 1e-13 * max(1, sum), "\(kernel) total of \(count): \(whole.total) vs \(sum), padding counted?")
            #expect(bare.values.allSatisfy { $0.isNaN }, "values written though none were asked for")
            for index in 0..<count {
                let one = kernel.run([targets[index]], [predictions[index]], isa: isa, scale: 0.25)
                #expect(one.values[0].bitPattern == whole.values[index].bitPattern, "\(kernel) value \(index) of \(count)")
                #expect(one.gradient[0].bitPattern == whole.gradient[index].bitPattern, "\(kernel) gradient \(index) of \(count)")
                #expect(bare.gradient[index].bitPattern == whole.gradient[index].bitPattern)
            }
            let floats = kernel.run(targets.map(Float.init), predictions.map(Float.init), isa: isa)
            for index in 0..<count {
                let one = kernel.run([Float(targets[index])], [Float(predictions[index])], isa: isa)
                #expect(one.values[0].bitPattern == floats.values[index].bitPattern && one.gradient[0].bitPattern == floats.gradient[index].bitPattern)
            }
            #expect(count > 0 || whole.total == 0)
        }
    }

    @Test("NaN in, NaN out; infinite residuals give |r| and ±1 for log-cosh, on every instruction set", arguments: instructionSets)
    func edges(isa: lossnotebooks_isa) {
        for kernel in Kernel.allCases {
            let result = kernel.run([0, 1], [.nan, 3], isa: isa)
            #expect(result.values[0].isNaN && result.gradient[0].isNaN && result.total.isNaN && !result.values[1].isNaN, "\(kernel) on \(isa)")
        }
        let infinite = Kernel.logCosh.run([0, 0], [.infinity, -.infinity], isa: isa)
        #expect(infinite.values == [.infinity, .infinity] && infinite.gradient == [1, -1])
    }

    @Test("The plain functions are the processor's best path, and LossCore's losses call them")
    func best() throws {
        var random = Xoshiro256(seed: 43)
        let predictions = (0..<100).map { _ in random.uniform(-20, 20) }
        let targets = (0..<100).map { _ in random.nextUnit() > 0.5 ? 1.0 : 0.0 }
        let losses: [(Kernel, any ElementwiseLoss)] = [(.logCosh, LogCosh()), (.logistic, try BinaryCrossentropy(fromLogits: true))]
        for (kernel, loss) in losses {
            let expected = kernel.run(targets, predictions, isa: lossnotebooks_vector_isa(), scale: 0.5)
            var gradient = [Double](repeating: 0, count: predictions.count)
            let total = targets.withUnsafeBufferPointer { t in
                predictions.withUnsafeBufferPointer { p in
                    gradient.withUnsafeMutableBufferPointer { g in
                        loss.rows(target: t, prediction: p, gradient: g, perSample: nil, weights: nil, columns: 1, scale: 0.5)
                    }
                }
            }
            #expect(total.bitPattern == expected.total.bitPattern && gradient == expected.gradient, "\(kernel)")
        }
    }
}
