import RealModule

/// A dual number `value + derivative·ε` with ε² = 0: forward-mode automatic differentiation.
///
/// Evaluating a formula at `Dual(x, derivative: 1)` gives the formula's value at `x` and, by the
/// chain rule applied operation by operation, its exact derivative there (up to rounding, not
/// the truncation error of finite differences). A `Dual<Dual<Double>>` seeded at
/// `Dual(Dual(x, derivative: 1), derivative: Dual(1, derivative: 0))` also carries the second
/// derivative: the same idea as Julia's ForwardDiff.jl.
///
/// ```swift
/// let x = Dual(2.0, derivative: 1)
/// let y = x * x * x          // value 8, derivative 12
/// ```
///
/// Comparisons look at values only, so a formula can branch (`r > 0 ? a : b`); at a point where
/// the branches meet, the derivative is the branch taken's. `abs` at 0 has derivative 0, the
/// midpoint of its one-sided slopes (sign(0) = 0, as LossCore's hand-written derivatives).
@frozen
public struct Dual<Value: ForwardScalar>: Sendable {
    /// The value.
    public var value: Value
    /// The derivative with respect to the seeded input.
    public var derivative: Value

    /// A dual number.
    @_transparent
    public init(_ value: Value, derivative: Value) {
        self.value = value
        self.derivative = derivative
    }

    /// A constant: derivative 0.
    @_transparent
    public init(_ constant: Double) {
        self.init(Value(constant), derivative: 0)
    }

    /// A constant of the value type: derivative 0.
    @_transparent
    public init(constant: Value) {
        self.init(constant, derivative: 0)
    }

    /// The value as a `Double`.
    @inlinable
    public var doubleValue: Double { value.doubleValue }
}

extension Dual: Equatable, Comparable {
    /// Equal values (derivatives are not compared, as for numbers in a formula's branch).
    @inlinable
    public static func == (a: Dual, b: Dual) -> Bool { a.value == b.value }

    /// Ordered by value.
    @inlinable
    public static func < (a: Dual, b: Dual) -> Bool { a.value < b.value }
}

extension Dual: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    /// An integer constant.
    @_transparent
    public init(integerLiteral literal: Value.IntegerLiteralType) {
        self.init(constant: Value(integerLiteral: literal))
    }

    /// A constant.
    @_transparent
    public init(floatLiteral literal: Value.FloatLiteralType) {
        self.init(constant: Value(floatLiteral: literal))
    }
}

extension Dual: AdditiveArithmetic, Numeric, SignedNumeric, AlgebraicField {
    /// Zero.
    @inlinable
    public static var zero: Dual { Dual(constant: 0) }

    /// The constant `source`, if the value type holds it exactly.
    @inlinable
    public init?<Source: BinaryInteger>(exactly source: Source) {
        guard let value = Value(exactly: source) else { return nil }
        self.init(constant: value)
    }

    /// |x|, with derivative sign(x)·x′ and sign(0) = 0.
    @inlinable
    public var magnitude: Dual {
        if value > 0 { return self }
        if value < 0 { return -self }
        // Every derivative the value carries is multiplied by sign(0) = 0 too.
        return Dual(value.magnitude, derivative: 0)
    }

    @inlinable public static func + (a: Dual, b: Dual) -> Dual { Dual(a.value + b.value, derivative: a.derivative + b.derivative) }
    @inlinable public static func - (a: Dual, b: Dual) -> Dual { Dual(a.value - b.value, derivative: a.derivative - b.derivative) }
    @inlinable public static func * (a: Dual, b: Dual) -> Dual {
        Dual(a.value * b.value, derivative: a.derivative * b.value + a.value * b.derivative)
    }
    @inlinable public static func / (a: Dual, b: Dual) -> Dual {
        let quotient = a.value / b.value
        return Dual(quotient, derivative: (a.derivative - quotient * b.derivative) / b.value)
    }
    @inlinable public static prefix func - (a: Dual) -> Dual { Dual(-a.value, derivative: -a.derivative) }
    @inlinable public static func += (a: inout Dual, b: Dual) { a = a + b }
    @inlinable public static func -= (a: inout Dual, b: Dual) { a = a - b }
    @inlinable public static func *= (a: inout Dual, b: Dual) { a = a * b }
    @inlinable public static func /= (a: inout Dual, b: Dual) { a = a / b }
}

/// Arithmetic with `Double` constants (a captured parameter, such as `over * r * r`).
extension Dual {
    /// The sum with a constant: the constant has no derivative.
    @inlinable @_disfavoredOverload public static func + (a: Dual, b: Double) -> Dual { a + Dual(b) }
    /// The sum of a constant and a dual number.
    @inlinable @_disfavoredOverload public static func + (a: Double, b: Dual) -> Dual { Dual(a) + b }
    /// The difference with a constant.
    @inlinable @_disfavoredOverload public static func - (a: Dual, b: Double) -> Dual { a - Dual(b) }
    /// A constant less a dual number.
    @inlinable @_disfavoredOverload public static func - (a: Double, b: Dual) -> Dual { Dual(a) - b }
    /// The product with a constant, which scales the derivative.
    @inlinable @_disfavoredOverload public static func * (a: Dual, b: Double) -> Dual { a * Dual(b) }
    /// A constant times a dual number.
    @inlinable @_disfavoredOverload public static func * (a: Double, b: Dual) -> Dual { Dual(a) * b }
    /// The quotient by a constant.
    @inlinable @_disfavoredOverload public static func / (a: Dual, b: Double) -> Dual { a / Dual(b) }
    /// A constant over a dual number (the quotient rule).
    @inlinable @_disfavoredOverload public static func / (a: Double, b: Dual) -> Dual { Dual(a) / b }
}

extension Dual: ForwardScalar {}
