/// Contour lines of a grid by marching squares: for each level, the segments where the
/// interpolated surface crosses it. Cells with a non-finite corner are skipped.
enum MarchingSquares {
    /// A segment between two points in grid coordinates (x index, y index), fractional.
    struct Segment: Equatable {
        let x0, y0, x1, y1: Double
    }

    /// Segments of the `level` contour of `values` (row-major, `width` per row).
    static func segments(values: [Double], width: Int, height: Int, level: Double) -> [Segment] {
        guard width >= 2, height >= 2, values.count == width * height else { return [] }
        var result: [Segment] = []
        func value(_ i: Int, _ j: Int) -> Double { values[j * width + i] }
        for j in 0..<(height - 1) {
            for i in 0..<(width - 1) {
                let bl = value(i, j), br = value(i + 1, j), tr = value(i + 1, j + 1), tl = value(i, j + 1)
                guard bl.isFinite, br.isFinite, tr.isFinite, tl.isFinite else { continue }
                var code = 0
                if bl >= level { code |= 1 }
                if br >= level { code |= 2 }
                if tr >= level { code |= 4 }
                if tl >= level { code |= 8 }
                if code == 0 || code == 15 { continue }
                let x = Double(i), y = Double(j)
                func fraction(_ a: Double, _ b: Double) -> Double { a == b ? 0.5 : (level - a) / (b - a) }
                let bottom = (x + fraction(bl, br), y)
                let right = (x + 1, y + fraction(br, tr))
                let top = (x + fraction(tl, tr), y + 1)
                let left = (x, y + fraction(bl, tl))
                func add(_ p: (Double, Double), _ q: (Double, Double)) {
                    result.append(Segment(x0: p.0, y0: p.1, x1: q.0, y1: q.1))
                }
                let centre = (bl + br + tr + tl) / 4
                switch code {
                case 1, 14: add(left, bottom)
                case 2, 13: add(bottom, right)
                case 3, 12: add(left, right)
                case 4, 11: add(right, top)
                case 6, 9: add(bottom, top)
                case 7, 8: add(left, top)
                case 5:
                    if centre >= level { add(left, top); add(bottom, right) } else { add(left, bottom); add(right, top) }
                case 10:
                    if centre >= level { add(left, bottom); add(right, top) } else { add(left, top); add(bottom, right) }
                default: break
                }
            }
        }
        return result
    }
}
