extension DoubleKernels {
    /// ``Batch/init(rows:argument:)`` on `Double`s: the rows one after the other, or the index
    /// of the first row whose length differs from row 0's.
    static func flatten(_ nested: [[Double]]) -> (values: [Double], ragged: Int?) {
        let width = nested.isEmpty ? 0 : nested[0].count
        var values = [Double](repeating: 0, count: nested.count * width)
        let ragged: Int? = values.withUnsafeMutableBufferPointer { out in
            var index = 0
            while index < nested.count {
                let copied: Bool = nested[index].withUnsafeBufferPointer { row in
                    guard row.count == width else { return false }
                    if width > 0 { (out.baseAddress! + index * width).update(from: row.baseAddress!, count: width) }
                    return true
                }
                if !copied { return index }
                index += 1
            }
            return nil
        }
        return (values, ragged)
    }
}
