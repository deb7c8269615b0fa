/// Reduces a long line to what a given number of pixel columns can show: per column, the first,
/// last, lowest and highest point, in their original order (the M4 method). A 10⁶-point training
/// curve becomes a few thousand points and looks the same.
enum Decimation {
    /// The indices of the points to keep. `positions` are the points' x positions in [0, 1];
    /// decimation applies only when they are non-decreasing and there are more than 4 per column.
    static func keep(positions: [Double], y: [Double], columns: Int) -> [Int] {
        let n = positions.count
        // Index loops throughout: a debug build (snippets) runs `Array(0..<n)`, `for ... in` and
        // `Set` with generic calls per point.
        guard columns > 0, n > 4 * columns else { return all(n) }
        var i = 1
        while i < n {
            if positions[i] < positions[i - 1] { return all(n) }
            i += 1
        }
        var kept: [Int] = []
        kept.reserveCapacity(4 * columns + 4)
        var start = 0
        while start < n {
            let column = bucket(positions[start], columns)
            var end = start
            var low = start
            var high = start
            while end + 1 < n, bucket(positions[end + 1], columns) == column {
                end += 1
                if y[end] < y[low] { low = end }
                if y[end] > y[high] { high = end }
            }
            // start <= first <= second <= end: each of the four once, in order.
            let (first, second) = low < high ? (low, high) : (high, low)
            kept.append(start)
            if first != start { kept.append(first) }
            if second != first { kept.append(second) }
            if end != second { kept.append(end) }
            start = end + 1
        }
        return kept
    }

    /// 0..<n as an array.
    private static func all(_ n: Int) -> [Int] {
        var indices: [Int] = []
        indices.reserveCapacity(n)
        var i = 0
        while i < n {
            indices.append(i)
            i += 1
        }
        return indices
    }

    private static func bucket(_ position: Double, _ columns: Int) -> Int {
        Int((min(max(position, 0), 1) * Double(columns)).rounded(.down))
    }
}
