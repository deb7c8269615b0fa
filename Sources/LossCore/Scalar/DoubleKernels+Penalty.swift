extension DoubleKernels {
    /// ``Penalty/value(_:)`` on `Double`s: the same sum, added in the same order.
    @usableFromInline
    static func penaltyValue(_ penalty: Penalty, _ weights: ArraySlice<Double>) -> Double {
        weights.withUnsafeBufferPointer { w in
            var sum = 0.0
            var i = 0
            switch penalty {
            case .none: return 0
            case let .l1(lambda):
                while i < w.count {
                    sum = sum + w[i].magnitude
                    i += 1
                }
                return lambda * sum
            case let .l2(lambda):
                while i < w.count {
                    sum = sum + w[i] * w[i]
                    i += 1
                }
                return lambda * sum
            }
        }
    }

    /// ``Penalty/addGradient(_:to:)`` on `Double`s: the same formulas.
    @usableFromInline
    static func addPenaltyGradient(_ penalty: Penalty, _ weights: ArraySlice<Double>, to gradient: inout ArraySlice<Double>) {
        weights.withUnsafeBufferPointer { w in
            gradient.withUnsafeMutableBufferPointer { g in
                var i = 0
                let count = min(w.count, g.count)
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
        }
    }
}

extension DoubleKernels {
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
