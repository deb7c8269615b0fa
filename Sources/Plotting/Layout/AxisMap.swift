import Glibc

/// An axis's domain and the map from data values to [0, 1] along it.
public struct AxisMap: Sendable, Equatable {
    /// The scale.
    public let scale: Scale
    /// The domain's lower end, in data units.
    public let lower: Double
    /// The domain's upper end, in data units.
    public let upper: Double
    /// The ticks inside the domain.
    public let ticks: Ticks

    /// Fits a domain to `values` (already cleaned: finite, and positive on a log axis), honouring
    /// the axis's fixed bounds, padding a linear domain by 4% at each end (unless `padded` is
    /// false, as under a heat map that should fill the panel) and widening a zero-width one.
    init(axis: Axis, values: [Double], target: Int, padded: Bool = true) {
        scale = axis.scale
        var lo = values.min() ?? (scale == .log ? 1 : 0)
        var hi = values.max() ?? (scale == .log ? 10 : 1)
        if let fixed = axis.lower, fixed.isFinite, scale == .linear || fixed > 0 { lo = fixed }
        if let fixed = axis.upper, fixed.isFinite, scale == .linear || fixed > 0 { hi = fixed }
        if lo > hi { swap(&lo, &hi) }
        switch scale {
        case .linear:
            if lo == hi {
                let pad = lo == 0 ? 1 : lo.magnitude * 0.1
                lo -= pad
                hi += pad
            } else {
                let pad = padded ? (hi / 2 - lo / 2) * 0.08 : 0
                if axis.lower == nil { lo = max(-.greatestFiniteMagnitude, lo - pad) }
                if axis.upper == nil { hi = min(.greatestFiniteMagnitude, hi + pad) }
            }
            ticks = Ticks.linear(lo, hi, target: target)
        case .log:
            if lo == hi {
                lo /= 10
                hi = hi <= .greatestFiniteMagnitude / 10 ? hi * 10 : .greatestFiniteMagnitude
            } else if padded {
                // 4% of the decades spanned, at each end.
                let factor = Glibc.pow(10, (Glibc.log10(hi) - Glibc.log10(lo)) * 0.04)
                if axis.lower == nil { lo = max(.leastNonzeroMagnitude, lo / factor) }
                if axis.upper == nil { hi = min(.greatestFiniteMagnitude, hi * factor) }
            }
            ticks = Ticks.log(lo, hi, target: target)
        }
        lower = lo
        upper = hi
    }

    /// The position of `value` along the axis, 0 at `lower` and 1 at `upper` (outside for values
    /// outside the domain; NaN for a non-positive value on a log axis).
    public func position(_ value: Double) -> Double {
        switch scale {
        case .linear:
            let span = upper / 2 - lower / 2
            return span > 0 ? (value / 2 - lower / 2) / span : 0.5
        case .log:
            guard value > 0 else { return .nan }
            let lo = Glibc.log10(lower), hi = Glibc.log10(upper)
            return hi > lo ? (Glibc.log10(value) - lo) / (hi - lo) : 0.5
        }
    }
}
