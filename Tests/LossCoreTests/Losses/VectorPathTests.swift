import Foundation
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

@Suite("The blocked, vectorised kernels agree with the scalar formulas, extreme inputs included")
struct BlockedKernelTests {
    static let extremes: [Double] = [-1e300, -1e10, -745, -710, -40, -1, -1e-9, 0, 1e-9, 1, 40, 710, 745, 1e10, 1e300]

    /// Per-element values and gradients from `rows` (the blocked path), each row one element.
    static func rows<L: Loss, T: LossScalar>(_ loss: L, targets: [T], predictions: [T], columns: Int = 1, weights: [T]? = nil) -> (values: [T], gradient: [T], total: T) {
        var gradient = [T](repeating: .nan, count: predictions.count)
        var values = [T](repeating: .nan, count: predictions.count / columns)
        let total = targets.withUnsafeBufferPointer { t in
            predictions.withUnsafeBufferPointer { p in
                gradient.withUnsafeMutableBufferPointer { g in
                    values.withUnsafeMutableBufferPointer { v in
                        weights.map { w in
                            w.withUnsafeBufferPointer { w in loss.rows(target: t, prediction: p, gradient: g, perSample: v, weights: w, columns: columns, scale: 1) }
                        } ?? loss.rows(target: t, prediction: p, gradient: g, perSample: v, weights: nil, columns: columns, scale: 1)
                    }
                }
            }
        }
        return (values, gradient, total)
    }

    @Test("log-cosh and BCE from logits (Double): every element within 1e-14 of the C library's formulas, residuals and logits to ±1e300")
    func doubles() throws {
        var random = Xoshiro256(seed: 5)
        let predictions = Self.extremes + (0..<600).map { _ in random.uniform(-50, 50) }
        for target in [0.0, 0.3, 1.0] {
            let targets = [Double](repeating: target, count: predictions.count)
            let bce = try BinaryCrossentropy(fromLogits: true)
            for loss in [LogCosh() as any ElementwiseLoss, bce] {
                let blocked = Self.rows(loss, targets: targets, predictions: predictions)
                var sum = 0.0
                for (index, p) in predictions.enumerated() {
                    let value = loss.value(target: target, prediction: p)
                    let slope = loss.derivative(target: target, prediction: p)
                    sum += value
                    #expect(blocked.values[index].isFinite && close(blocked.values[index], value, 1e-14), "\(loss.name) at \(p), y = \(target): \(blocked.values[index]) vs \(value)")
                    #expect(close(blocked.gradient[index], slope, 1e-14), "\(loss.name)' at \(p), y = \(target): \(blocked.gradient[index]) vs \(slope)")
                }
                #expect(close(blocked.total, sum, 1e-13))
            }
        }
    }

    @Test("log-cosh and BCE from logits (Float): within 4e-7 of the Double formulas, to ±1e30")
    func floats() throws {
        let predictions: [Float] = [-1e30, -1e6, -104, -89, -20, -1, -1e-6, 0, 1e-6, 1, 20, 89, 104, 1e6, 1e30]
        let targets = [Float](repeating: 1, count: predictions.count)
        for loss in [LogCosh() as any ElementwiseLoss, try BinaryCrossentropy(fromLogits: true)] {
            let blocked = Self.rows(loss, targets: targets, predictions: predictions)
            for (index, p) in predictions.enumerated() {
                let value = loss.value(target: 1.0, prediction: Double(p))
                let slope = loss.derivative(target: 1.0, prediction: Double(p))
                #expect(blocked.values[index].isFinite && close(Double(blocked.values[index]), value, 4e-7), "\(loss.name) at \(p): \(blocked.values[index]) vs \(value)")
                #expect(close(Double(blocked.gradient[index]), slope, 4e-7), "\(loss.name)' at \(p): \(blocked.gradient[index]) vs \(slope)")
            }
        }
    }

    @Test("Rows of several columns with sample weights, across block boundaries: row means and weighted gradients", arguments: [1, 3, 10, 300])
    func weightedRows(columns: Int) throws {
        var random = Xoshiro256(seed: UInt64(columns))
        let rows = 70
        let predictions = (0..<(rows * columns)).map { _ in random.uniform(-30, 30) }
        let targets = (0..<(rows * columns)).map { _ in random.nextUnit() > 0.5 ? 1.0 : 0.0 }
        let weights = (0..<rows).map { _ in random.uniform(0, 2) }
        for loss in [LogCosh() as any ElementwiseLoss, try BinaryCrossentropy(fromLogits: true)] {
            let blocked = Self.rows(loss, targets: targets, predictions: predictions, columns: columns, weights: weights)
            for row in 0..<rows {
                var mean = 0.0
                for index in (row * columns)..<((row + 1) * columns) {
                    mean += loss.value(target: targets[index], prediction: predictions[index]) / Double(columns)
                    let slope = weights[row] * loss.derivative(target: targets[index], prediction: predictions[index]) / Double(columns)
                    #expect(close(blocked.gradient[index], slope, 1e-13))
                }
                #expect(close(blocked.values[row], weights[row] * mean, 1e-13), "\(loss.name) row \(row)")
            }
        }
    }

    @Test("Categorical cross-entropy from logits: rows in blocks against log-sum-exp written out, with class and sample weights and logits 1e4 apart")
    func categorical() throws {
        var random = Xoshiro256(seed: 9)
        let columns = 10, rows = 61
        var logits = (0..<(rows * columns)).map { _ in random.uniform(-40, 40) }
        logits[3] = 1e4
        logits[15] = -1e4
        let targets = (0..<(rows * columns)).map { index in index % columns == (index / columns) % columns ? 1.0 : 0.0 }
        let classWeights = (0..<columns).map { Double($0 + 1) / 4 }
        let weights = (0..<rows).map { _ in random.uniform(0, 2) }
        for classWeight in [nil, classWeights] {
            let loss = try CategoricalCrossentropy(fromLogits: true, classWeights: classWeight)
            let blocked = Self.rows(loss, targets: targets, predictions: logits, columns: columns, weights: weights)
            for row in 0..<rows {
                let z = Array(logits[(row * columns)..<((row + 1) * columns)])
                let y = Array(targets[(row * columns)..<((row + 1) * columns)])
                let w = classWeight ?? Array(repeating: 1, count: columns)
                let largest = z.max()!
                let sumExp = z.reduce(0) { $0 + Foundation.exp($1 - largest) }
                let logSumExp = largest + Foundation.log(sumExp)
                var value = 0.0, weightedTargets = 0.0
                for j in 0..<columns {
                    value += w[j] * y[j] * (logSumExp - z[j])
                    weightedTargets += w[j] * y[j]
                }
                #expect(close(blocked.values[row], weights[row] * value, 1e-13), "row \(row)")
                for j in 0..<columns {
                    let softmax = Foundation.exp(z[j] - logSumExp)
                    #expect(close(blocked.gradient[row * columns + j], weights[row] * (softmax * weightedTargets - w[j] * y[j]), 1e-13))
                }
            }
        }
    }
}
