/// The number a loss formula is written in: a dual of duals, which carries a value, its first
/// and its second derivative through every operation.
public typealias Dual2 = Dual<Dual<Double>>

/// A function's value and its first two derivatives at a point, as forward-mode automatic
/// differentiation gives them (exact up to rounding).
public struct Derivatives: Sendable, Equatable {
    /// f(x).
    public var value: Double
    /// f′(x).
    public var first: Double
    /// f″(x).
    public var second: Double

    /// Evaluates `formula` at `x` seeded as the variable: one pass gives all three.
    ///
    /// At a point where the formula's branches meet (a kink), the derivatives are those of the
    /// branch taken there; `abs` at 0 gives slope 0.
    @_transparent
    public init(of formula: (Dual2) -> Dual2, at x: Double) {
        let result = formula(Dual2.variable(x))
        value = result.value.value
        first = result.value.derivative
        second = result.derivative.derivative
    }

    /// Evaluates `formula` at `x` for its value and first derivative only, in one pass.
    @_transparent
    public static func firstOrder(of formula: (Dual2) -> Dual2, at x: Double) -> (value: Double, first: Double) {
        let result = formula(Dual2.variable(x))
        return (result.value.value, result.value.derivative)
    }
}

extension Dual where Value == Dual<Double> {
    /// `x` seeded as the variable to differentiate by, twice.
    @_transparent
    public static func variable(_ x: Double) -> Dual2 {
        Dual2(concrete: Dual<Double>(concrete: x, derivative: 1), derivative: Dual<Double>(concrete: 1, derivative: 0))
    }

    /// `x` as a constant (derivatives 0).
    @_transparent
    public static func constant(_ x: Double) -> Dual2 {
        Dual2(concrete: Dual<Double>(concrete: x, derivative: 0), derivative: Dual<Double>(concrete: 0, derivative: 0))
    }
}
