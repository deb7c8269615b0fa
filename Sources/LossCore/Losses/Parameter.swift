/// Checks a loss parameter and returns it, or throws ``LossError/invalidParameter(name:value:expected:)``.
func requirePositive(_ value: Double, name: String) throws -> Double {
    guard value.isFinite, value > 0 else {
        throw LossError.invalidParameter(name: name, value: "\(value)", expected: "a finite number > 0")
    }
    return value
}

/// Checks that `value` lies in the closed or open interval given, or throws.
func requireInterval(
    _ value: Double, name: String, lower: Double, upper: Double, closed: Bool
) throws -> Double {
    let inside = closed ? (value >= lower && value <= upper) : (value > lower && value < upper)
    guard value.isFinite, inside else {
        let interval = closed ? "[\(lower), \(upper)]" : "(\(lower), \(upper))"
        throw LossError.invalidParameter(name: name, value: "\(value)", expected: "a number in \(interval)")
    }
    return value
}
