import Testing
import LossCore

@Suite("The flat hot loop agrees with the scalar formulas")
struct HotLoopTests {
    /// `valueAndGradient` over buffers (the four-accumulator loop) against value and derivative one by one.
    func compare<L: ElementwiseLoss>(_ loss: L, targets: [Double], predictions: [Double], tolerance: Double) {
        var gradient = [Double](repeating: .nan, count: predictions.count)
        let total = targets.withUnsafeBufferPointer { t in
            predictions.withUnsafeBufferPointer { p in
                gradient.withUnsafeMutableBufferPointer { g in
                    loss.valueAndGradient(target: t, prediction: p, gradient: g, columns: 1, reduction: .sum)
                }
            }
        }
        var expected = 0.0
        for (index, (t, p)) in zip(targets, predictions).enumerated() {
            expected += loss.value(target: t, prediction: p)
            let slope = loss.derivative(target: t, prediction: p)
            #expect(abs(gradient[index] - slope) <= 4e-16 * max(1, abs(slope)), "\(loss.name) derivative at \(p) for \(t)")
        }
        #expect(abs(total - expected) <= tolerance * abs(expected), "\(loss.name) sum \(total) vs \(expected)")
    }

    @Test("Sums and gradients for counts that are and are not multiples of four", arguments: [4000, 4001, 4002, 4003, 3])
    func loop(count: Int) throws {
        let predictions = randomPoints(count, in: -30...30, seed: 31)
        let targets = randomPoints(count, in: 0...1, seed: 32)
        compare(LogCosh(), targets: targets, predictions: predictions, tolerance: 1e-12)
        compare(MeanSquaredError(), targets: targets, predictions: predictions, tolerance: 1e-12)
        compare(try Huber(delta: 2), targets: targets, predictions: predictions, tolerance: 1e-12)
        compare(try BinaryCrossentropy(fromLogits: true), targets: targets.map { $0.rounded() }, predictions: predictions, tolerance: 1e-12)
    }
}
