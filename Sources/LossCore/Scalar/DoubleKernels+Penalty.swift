extension DoubleKernels {
    /// ``Penalty/value(_:)`` on `count` `Double` weights: the same sum, added in the same order.
    @usableFromInline
    static func penaltyValue(_ penalty: Penalty, _ w: UnsafePointer<Double>, count: Int) -> Double {
        var sum = 0.0
        var i = 0
        switch penalty {
        case .none: return 0
        case let .l1(lambda):
            while i < count {
                sum = sum + w[i].magnitude
                i += 1
            }
            return lambda * sum
        case let .l2(lambda):
            while i < count {
                sum = sum + w[i] * w[i]
                i += 1
            }
            return lambda * sum
        }
    }

    /// ``Penalty/addGradient(_:to:)`` on `count` `Double` weights: the same formulas.
    @usableFromInline
    static func addPenaltyGradient(_ penalty: Penalty, _ w: UnsafePointer<Double>, to g: UnsafeMutablePointer<Double>, count: Int) {
        var i = 0
        switch penalty {
        case .none: return
        case let .l1(l):
            while i < count {
                g[i] += w[i] > 0 ? l : (w[i] < 0 ? -l : 0)
                i += 1
            }
        case let .l2(l):
            while i < count {
                g[i] += 2 * l * w[i]
                i += 1
            }
        }
    }

    /// What ``Objective/valueAndGradient(_:rows:includePenaltyGradient:)`` adds for the penalty,
    /// on `Double`s: the penalty's value at the weights (`parameters[weights]`), its gradient
    /// added to `gradient[weights]` when `addGradient`; without slices of generic arrays.
    @usableFromInline
    static func penalise(
        _ penalty: Penalty, parameters: [Double], weights: Range<Int>, gradient: inout [Double], addGradient: Bool
    ) -> Double {
        parameters.withUnsafeBufferPointer { p in
            let w = p.baseAddress! + weights.lowerBound
            if addGradient {
                gradient.withUnsafeMutableBufferPointer { g in
                    DoubleKernels.addPenaltyGradient(penalty, w, to: g.baseAddress! + weights.lowerBound, count: weights.count)
                }
            }
            return DoubleKernels.penaltyValue(penalty, w, count: weights.count)
        }
    }

    /// The proximal step of an L1 penalty on `Double`s: each weight in `indices` moves `threshold`
    /// towards zero, and stops at zero.
    static func softThreshold(_ parameters: inout [Double], indices: Range<Int>, threshold: Double) {
        parameters.withUnsafeMutableBufferPointer { p in
            var i = indices.lowerBound
            while i < indices.upperBound {
                let w = p[i]
                p[i] = w > threshold ? w - threshold : (w < -threshold ? w + threshold : 0)
                i += 1
            }
        }
    }
}
