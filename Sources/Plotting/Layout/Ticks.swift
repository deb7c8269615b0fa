import Glibc

/// Tick positions and their labels for one axis.
public struct Ticks: Sendable, Equatable {
    /// Tick values, in data units, inside the axis's domain.
    public let values: [Double]
    /// One label per value.
    public let labels: [String]

    /// "Nice" ticks on a linear axis: steps of 1, 2 or 5 times a power of ten, about `target` of them.
    public static func linear(_ lower: Double, _ upper: Double, target: Int = 6) -> Ticks {
        let step = niceStep(lower, upper, target: target)
        guard step > 0, step.isFinite else {
            return Ticks(values: [lower], labels: [NumberFormat.short(lower)])
        }
        // A hair of tolerance, so -0.3 / 0.1 = -2.9999999999999996 still counts as -3.
        let first = (lower / step - 1e-9).rounded(.up)
        let last = (upper / step + 1e-9).rounded(.down)
        guard first <= last, last - first < 1000 else {
            return Ticks(values: [lower], labels: [NumberFormat.short(lower)])
        }
        var values: [Double] = []
        var k = first
        while k <= last {
            // Multiples of the step, so 0.1 · 3 prints as 0.3 (labels round to the step's decimals).
            let value = k * step
            values.append(value == 0 ? 0 : value)
            k += 1
        }
        return Ticks(values: values, labels: values.map { NumberFormat.tick($0, step: step) })
    }

    /// Decade ticks on a log axis (1, 10, 100 ...), every k-th decade when there are many.
    /// `lower` and `upper` are in data units and must be positive.
    public static func log(_ lower: Double, _ upper: Double, target: Int = 6) -> Ticks {
        let lo = lower.log10Floor
        let hi = upper.log10Floor + (NumberFormat.power10(Int(upper.log10Floor)) < upper ? 1 : 0)
        let decades = max(1, hi - lo)
        let stride = max(1, (decades / Double(max(1, target))).rounded(.up))
        var values: [Double] = []
        var k = (lo / stride).rounded(.up) * stride
        while k <= hi {
            let value = NumberFormat.power10(Int(k))
            if value >= lower * (1 - 1e-12), value <= upper * (1 + 1e-12) { values.append(value) }
            k += stride
        }
        if values.isEmpty {
            // Less than a decade: fall back to linear ticks within it.
            return linear(lower, upper, target: target)
        }
        let labels = values.map { v -> String in
            let power = Int(v.log10Floor)
            return (-3...5).contains(power) ? NumberFormat.fixed(v, decimals: max(0, -power)) : "1e\(power)"
        }
        return Ticks(values: values, labels: labels)
    }

    /// The 1-2-5 step that gives about `target` intervals over [lower, upper].
    static func niceStep(_ lower: Double, _ upper: Double, target: Int) -> Double {
        // Halves avoid overflow when the span exceeds the largest double.
        let raw = (upper / 2 - lower / 2) * 2 / Double(max(1, target))
        guard raw > 0, raw.isFinite else { return upper / 2 - lower / 2 > 0 ? .greatestFiniteMagnitude / 8 : 0 }
        let magnitude = NumberFormat.power10(Int(raw.log10Floor))
        let fraction = raw / magnitude
        let nice: Double = fraction < 1.5 ? 1 : (fraction < 3.5 ? 2 : (fraction < 7.5 ? 5 : 10))
        return nice * magnitude
    }
}
