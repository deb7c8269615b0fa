import RealModule

extension DoubleKernels {
    /// ``SoftmaxRegression/softmaxRows(_:)`` on `Double`s: each row of `columns` values shifted
    /// by its maximum (the first largest, as `max()` finds it), exponentiated and divided by
    /// their running sum; the same operations in the same order.
    @usableFromInline
    static func softmaxRows(_ values: [Double], columns: Int) -> [Double] {
        var result = values
        guard columns > 0 else { return result }
        result.withUnsafeMutableBufferPointer { s in
            var start = 0
            while start + columns <= s.count {
                var largest = s[start]
                var k = start + 1
                while k < start + columns {
                    if largest < s[k] { largest = s[k] }
                    k += 1
                }
                var total = 0.0
                k = start
                while k < start + columns {
                    let e = Double.exp(s[k] - largest)
                    s[k] = e
                    total += e
                    k += 1
                }
                k = start
                while k < start + columns {
                    s[k] /= total
                    k += 1
                }
                start += columns
            }
        }
        return result
    }
}
