import LossCore
import Testing

/// A loss that forwards everything to `base` but has no `Double` kernel, so that its batch
/// kernel is the generic loop even for `Double`.
private struct GenericOnly<Base: ElementwiseLoss>: ElementwiseLoss {
    let base: Base
    var name: String { base.name }
    func value<T: LossScalar>(target: T, prediction: T) -> T { base.value(target: target, prediction: prediction) }
    func derivative<T: LossScalar>(target: T, prediction: T) -> T { base.derivative(target: target, prediction: prediction) }
    func secondDerivative<T: LossScalar>(target: T, prediction: T) -> T? { base.secondDerivative(target: target, prediction: prediction) }
    func valueAndDerivative<T: LossScalar>(target: T, prediction: T) -> (value: T, derivative: T) {
        base.valueAndDerivative(target: target, prediction: prediction)
    }
}

@Suite("Double kernels give the generic code's bits")
struct DoubleKernelTests {
    static func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

    static let losses: [any ElementwiseLoss] = [
        MeanSquaredError(), MeanAbsoluteError(), try! Huber(delta: 1), try! Huber(delta: 20), try! Quantile(tau: 0.1),
        try! Quantile(tau: 0.5),
        CustomLoss(name: "asymmetric", formula: { r in r > 0 ? 9 * r * r : r * r }),
        CustomLoss(name: "cubic", value: { r in abs(r * r * r) }, derivative: { r in 3 * r * abs(r) }),
        CustomElementwiseLoss(name: "squared", formula: { y, p in (p - y) * (p - y) }),
    ]

    static func values(_ count: Int, seed: UInt64) -> [Double] {
        var random = Xoshiro256(seed: seed)
        let special: [Double] = [0, -0.0, 1, -1, 20, -20, 1e300, -1e-300, .infinity, -.infinity, .nan]
        return special + (0..<count).map { _ in random.uniform(-50, 50) }
    }

    @Test("Each loss's element kernel equals valueAndDerivative(target:prediction:), zeros, kinks, infinities and NaN included")
    func elements() {
        let targets = Self.values(500, seed: 1), predictions = Self.values(500, seed: 2)
        for loss in Self.losses {
            guard let kernel = loss.doubleBlockKernel else {
                Issue.record("\(loss.name) has no Double kernel")
                continue
            }
            for (t, p) in Array(zip(targets, predictions)) + Array(zip(targets, targets.reversed())) {
                var t = t, p = p, value = 0.0, slope = 0.0
                kernel(&t, &p, 1, &value, &slope)
                let fast = (value: value, derivative: slope), generic = loss.valueAndDerivative(target: t, prediction: p)
                #expect(Self.same(fast.value, generic.value) && Self.same(fast.derivative, generic.derivative),
                        "\(loss.name) at target \(t), prediction \(p)")
            }
        }
    }

    /// The batch kernel through `rows`, with per-sample values and weights when asked.
    static func rows<L: ElementwiseLoss>(_ loss: L, _ t: [Double], _ p: [Double], columns: Int, weights: [Double]?, perSample: Bool)
        -> (total: Double, gradient: [Double], perSample: [Double])
    {
        var gradient = [Double](repeating: 0, count: p.count), samples = [Double](repeating: 0, count: p.count / columns)
        let total = t.withUnsafeBufferPointer { tb in
            p.withUnsafeBufferPointer { pb in
                gradient.withUnsafeMutableBufferPointer { gb in
                    samples.withUnsafeMutableBufferPointer { sb in
                        if let weights {
                            return weights.withUnsafeBufferPointer { wb in
                                loss.rows(target: tb, prediction: pb, gradient: gb, perSample: perSample ? sb : nil, weights: wb, columns: columns, scale: 0.37)
                            }
                        }
                        return loss.rows(target: tb, prediction: pb, gradient: gb, perSample: perSample ? sb : nil, weights: nil, columns: columns, scale: 0.37)
                    }
                }
            }
        }
        return (total, gradient, samples)
    }

    static func check<L: ElementwiseLoss>(_ loss: L) {
        var random = Xoshiro256(seed: 3)
        for count in [1, 3, 4, 7, 81, 600] {
            for columns in [1, 3] {
                let n = count * columns
                let t = (0..<n).map { _ in random.uniform(-10, 10) }, p = (0..<n).map { _ in random.uniform(-10, 10) }
                let w = (0..<count).map { _ in random.uniform(0, 3) }
                for (weights, perSample) in [(nil, false), (w, false), (nil, true), (w, true)] as [([Double]?, Bool)] {
                    let fast = rows(loss, t, p, columns: columns, weights: weights, perSample: perSample)
                    let generic = rows(GenericOnly(base: loss), t, p, columns: columns, weights: weights, perSample: perSample)
                    #expect(same(fast.total, generic.total) && zip(fast.gradient, generic.gradient).allSatisfy(same)
                            && zip(fast.perSample, generic.perSample).allSatisfy(same),
                            "\(loss.name): \(count) rows of \(columns), weights \(weights != nil), per-sample \(perSample)")
                }
            }
        }
    }

    @Test("The Double batch kernel equals the generic loop: flat, weighted, per-sample and multi-column batches")
    func batches() {
        for loss in Self.losses { Self.check(loss) }
    }
}
