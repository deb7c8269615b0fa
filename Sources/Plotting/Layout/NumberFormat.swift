import Glibc

/// Deterministic number formatting of our own: the same number prints the same way everywhere,
/// and tick labels carry no float noise (0.1, never 0.10000000000000001).
public enum NumberFormat {
    /// `x` rounded to `decimals` places, without exponent ("-0" prints as "0").
    /// Magnitudes beyond 1e15 fall back to ``short(_:)``.
    public static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "inf" : "-inf") }
        let places = max(0, min(decimals, 12))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (x * scale).rounded()
        guard scaled.magnitude < 9e15 else { return short(x) }
        let integer = Int64(scaled)
        if integer == 0 { return places == 0 ? "0" : "0." + String(repeating: "0", count: places) }
        // Built as ASCII bytes: an SVG has a number per coordinate.
        var digits = Array(String(integer.magnitude).utf8)
        if places > 0 {
            if digits.count <= places {
                digits = Array(repeating: UInt8(ascii: "0"), count: places - digits.count + 1) + digits
            }
            digits.insert(UInt8(ascii: "."), at: digits.count - places)
        }
        return (integer < 0 ? "-" : "") + String(decoding: digits, as: UTF8.self)
    }

    /// A tick label for `x` on an axis whose ticks are `step` apart: as many decimals as the
    /// step needs, or an exponent form ("2.5e-7", "1e6") for very large or very small values.
    public static func tick(_ x: Double, step: Double) -> String {
        let magnitude = max(x.magnitude, step.magnitude)
        if magnitude >= 1e6 || (step.isFinite && step < 1e-4 && step > 0) {
            return exponent(x)
        }
        let decimals = step > 0 ? max(0, Int((-step.log10Floor).rounded())) : 0
        return fixed(x, decimals: decimals)
    }

    /// Up to four significant digits, trailing zeros removed, exponent form outside [1e-4, 1e6).
    public static func short(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "inf" : "-inf") }
        if x == 0 { return "0" }
        let a = x.magnitude
        if a >= 1e6 || a < 1e-4 { return exponent(x) }
        let decimals = max(0, 3 - Int(a.log10Floor))
        return trimZeros(fixed(x, decimals: decimals))
    }

    /// Mantissa and power of ten: "1e6", "-2.5e-7", "1e300".
    public static func exponent(_ x: Double) -> String {
        guard x.isFinite else { return short(x) }
        if x == 0 { return "0" }
        var power = Int(x.magnitude.log10Floor)
        var mantissa = x / power10(power)
        // Rounding to three decimals can carry the mantissa to 10.
        if ((mantissa * 1000).rounded() / 1000).magnitude >= 10 {
            power += 1
            mantissa = x / power10(power)
        }
        return trimZeros(fixed(mantissa, decimals: 3)) + "e" + String(power)
    }

    /// 10^k, exact wherever the C library's `pow` is (every power of ten a double holds).
    static func power10(_ k: Int) -> Double {
        pow(10, Double(k))
    }

    static func trimZeros(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: ".")) else { return text }
        var end = bytes.count
        while end > 0, bytes[end - 1] == UInt8(ascii: "0") { end -= 1 }
        if end > 0, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        let result = String(decoding: bytes[..<end], as: UTF8.self)
        return result == "-0" ? "0" : result
    }
}

extension Double {
    /// ⌊log₁₀ |x|⌋, exact at powers of ten (where `log10` may round just below).
    var log10Floor: Double {
        let a = Swift.abs(self)
        guard a > 0, a.isFinite else { return 0 }
        var k = Glibc.log10(a).rounded(.down)
        if NumberFormat.power10(Int(k) + 1) <= a { k += 1 }
        if NumberFormat.power10(Int(k)) > a { k -= 1 }
        return k
    }
}
