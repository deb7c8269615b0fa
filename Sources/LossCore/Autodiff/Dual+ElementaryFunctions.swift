import RealModule

/// The elementary functions with their derivatives (the chain rule: f(x)′ = f′(x.value)·x′).
/// Where a function's derivative is infinite (√ at 0, log at 0), the result is what the value
/// type's arithmetic gives (an infinity or NaN).
extension Dual: ElementaryFunctions {
    @inlinable
    static func chain(_ x: Dual, _ value: Value, _ slope: Value) -> Dual {
        Dual(value, derivative: slope * x.derivative)
    }

    @inlinable public static func exp(_ x: Dual) -> Dual {
        let e = Value.exp(x.value)
        return chain(x, e, e)
    }
    @inlinable public static func expMinusOne(_ x: Dual) -> Dual { chain(x, .expMinusOne(x.value), .exp(x.value)) }
    @inlinable public static func cosh(_ x: Dual) -> Dual { chain(x, .cosh(x.value), .sinh(x.value)) }
    @inlinable public static func sinh(_ x: Dual) -> Dual { chain(x, .sinh(x.value), .cosh(x.value)) }
    @inlinable public static func tanh(_ x: Dual) -> Dual {
        let t = Value.tanh(x.value)
        return chain(x, t, 1 - t * t)
    }
    @inlinable public static func cos(_ x: Dual) -> Dual { chain(x, .cos(x.value), -Value.sin(x.value)) }
    @inlinable public static func sin(_ x: Dual) -> Dual { chain(x, .sin(x.value), .cos(x.value)) }
    @inlinable public static func tan(_ x: Dual) -> Dual {
        let t = Value.tan(x.value)
        return chain(x, t, 1 + t * t)
    }
    @inlinable public static func log(_ x: Dual) -> Dual { chain(x, .log(x.value), 1 / x.value) }
    @inlinable public static func log(onePlus x: Dual) -> Dual { chain(x, .log(onePlus: x.value), 1 / (1 + x.value)) }
    @inlinable public static func acosh(_ x: Dual) -> Dual { chain(x, .acosh(x.value), 1 / .sqrt(x.value * x.value - 1)) }
    @inlinable public static func asinh(_ x: Dual) -> Dual { chain(x, .asinh(x.value), 1 / .sqrt(x.value * x.value + 1)) }
    @inlinable public static func atanh(_ x: Dual) -> Dual { chain(x, .atanh(x.value), 1 / (1 - x.value * x.value)) }
    @inlinable public static func acos(_ x: Dual) -> Dual { chain(x, .acos(x.value), -1 / .sqrt(1 - x.value * x.value)) }
    @inlinable public static func asin(_ x: Dual) -> Dual { chain(x, .asin(x.value), 1 / .sqrt(1 - x.value * x.value)) }
    @inlinable public static func atan(_ x: Dual) -> Dual { chain(x, .atan(x.value), 1 / (1 + x.value * x.value)) }

    /// x^y: for a constant exponent, y·x^(y−1)·x′ (defined for x ≤ 0 where x^y is); otherwise
    /// also x^y·log(x)·y′.
    @inlinable public static func pow(_ x: Dual, _ y: Dual) -> Dual {
        let power = Value.pow(x.value, y.value)
        var slope = y.value * Value.pow(x.value, y.value - 1) * x.derivative
        if y.derivative != 0 { slope += power * Value.log(x.value) * y.derivative }
        return Dual(power, derivative: slope)
    }
    @inlinable public static func pow(_ x: Dual, _ n: Int) -> Dual {
        guard n != 0 else { return Dual(constant: 1) }
        return chain(x, .pow(x.value, n), Value(Double(n)) * .pow(x.value, n - 1))
    }
    @inlinable public static func sqrt(_ x: Dual) -> Dual {
        let root = Value.sqrt(x.value)
        return chain(x, root, 1 / (2 * root))
    }
    @inlinable public static func root(_ x: Dual, _ n: Int) -> Dual {
        let root = Value.root(x.value, n)
        return chain(x, root, root / (Value(Double(n)) * x.value))
    }
}

// Free functions, so a formula reads as mathematics: `log(cosh(r))`, `pow(r, 3)`, `abs(r)`.

/// e^x.
@inlinable public func exp<V>(_ x: Dual<V>) -> Dual<V> { .exp(x) }
/// The natural logarithm.
@inlinable public func log<V>(_ x: Dual<V>) -> Dual<V> { .log(x) }
/// log(1 + x), accurate for small x.
@inlinable public func log1p<V>(_ x: Dual<V>) -> Dual<V> { .log(onePlus: x) }
/// e^x − 1, accurate for small x.
@inlinable public func expm1<V>(_ x: Dual<V>) -> Dual<V> { .expMinusOne(x) }
/// The square root.
@inlinable public func sqrt<V>(_ x: Dual<V>) -> Dual<V> { .sqrt(x) }
/// The hyperbolic tangent.
@inlinable public func tanh<V>(_ x: Dual<V>) -> Dual<V> { .tanh(x) }
/// The hyperbolic cosine.
@inlinable public func cosh<V>(_ x: Dual<V>) -> Dual<V> { .cosh(x) }
/// The hyperbolic sine.
@inlinable public func sinh<V>(_ x: Dual<V>) -> Dual<V> { .sinh(x) }
/// The sine.
@inlinable public func sin<V>(_ x: Dual<V>) -> Dual<V> { .sin(x) }
/// The cosine.
@inlinable public func cos<V>(_ x: Dual<V>) -> Dual<V> { .cos(x) }
/// The arc tangent.
@inlinable public func atan<V>(_ x: Dual<V>) -> Dual<V> { .atan(x) }
/// x^y.
@inlinable public func pow<V>(_ x: Dual<V>, _ y: Dual<V>) -> Dual<V> { .pow(x, y) }
/// x^n for an integer n.
@inlinable public func pow<V>(_ x: Dual<V>, _ n: Int) -> Dual<V> { .pow(x, n) }
/// |x|, with slope 0 at 0 (the midpoint of −1 and 1).
@inlinable public func abs<V>(_ x: Dual<V>) -> Dual<V> { x.magnitude }
