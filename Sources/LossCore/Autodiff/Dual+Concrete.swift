import RealModule

// Concrete fast paths for the two dual types formulas use, `Dual<Double>` and `Dual2`.
// The generic operators above are correct for any `ForwardScalar`, but code built without
// optimisation (the snippets' debug builds) runs them unspecialised: every result asks the
// runtime for `Dual<Value>`'s metadata. These overloads are non-generic, so overload resolution
// picks them for concrete types and no metadata is looked up. The two extensions repeat the same
// rules on purpose: one generic copy is exactly what costs the lookups. `DualConcreteTests`
// checks every one against the generic rule, bit for bit.

extension Dual where Value == Double {
    /// `<` against a constant, for a `Dual<Double>`: the literal stays a plain number (non-generic).
    @_transparent public static func < (a: Dual, b: Int) -> Bool { a.value < Double(b) }
    /// `<` of a constant and a `Dual<Double>`, by value (non-generic).
    @_transparent public static func < (a: Int, b: Dual) -> Bool { Double(a) < b.value }
    /// `>` against a constant, for a `Dual<Double>`: the literal stays a plain number (non-generic).
    @_transparent public static func > (a: Dual, b: Int) -> Bool { a.value > Double(b) }
    /// `>` of a constant and a `Dual<Double>`, by value (non-generic).
    @_transparent public static func > (a: Int, b: Dual) -> Bool { Double(a) > b.value }
    /// `<=` against a constant, for a `Dual<Double>`: the literal stays a plain number (non-generic).
    @_transparent public static func <= (a: Dual, b: Int) -> Bool { a.value <= Double(b) }
    /// `<=` of a constant and a `Dual<Double>`, by value (non-generic).
    @_transparent public static func <= (a: Int, b: Dual) -> Bool { Double(a) <= b.value }
    /// `>=` against a constant, for a `Dual<Double>`: the literal stays a plain number (non-generic).
    @_transparent public static func >= (a: Dual, b: Int) -> Bool { a.value >= Double(b) }
    /// `>=` of a constant and a `Dual<Double>`, by value (non-generic).
    @_transparent public static func >= (a: Int, b: Dual) -> Bool { Double(a) >= b.value }
    /// `==` against a constant, for a `Dual<Double>`: the literal stays a plain number (non-generic).
    @_transparent public static func == (a: Dual, b: Int) -> Bool { a.value == Double(b) }
    /// `==` of a constant and a `Dual<Double>`, by value (non-generic).
    @_transparent public static func == (a: Int, b: Dual) -> Bool { Double(a) == b.value }
    @usableFromInline @_transparent
    init(concrete value: Double, derivative: Double) {
        self.value = value
        self.derivative = derivative
    }
    /// `+` for a `Dual<Double>` (non-generic).
    @_transparent public static func + (a: Dual, b: Dual) -> Dual { Dual(concrete: a.value + b.value, derivative: a.derivative + b.derivative) }
    /// `-` for a `Dual<Double>` (non-generic).
    @_transparent public static func - (a: Dual, b: Dual) -> Dual { Dual(concrete: a.value - b.value, derivative: a.derivative - b.derivative) }
    /// `*` for a `Dual<Double>` (non-generic).
    @_transparent public static func * (a: Dual, b: Dual) -> Dual { Dual(concrete: a.value * b.value, derivative: a.derivative * b.value + a.value * b.derivative) }
    /// `/` for a `Dual<Double>` (non-generic).
    @_transparent public static func / (a: Dual, b: Dual) -> Dual {
        let quotient = a.value / b.value
        return Dual(concrete: quotient, derivative: (a.derivative - quotient * b.derivative) / b.value)
    }
    /// Negation for a `Dual<Double>` (non-generic).
    @inlinable public static prefix func - (a: Dual) -> Dual { Dual(concrete: -a.value, derivative: -a.derivative) }
    /// `<` by value, for a `Dual<Double>` (non-generic).
    @_transparent public static func < (a: Dual, b: Dual) -> Bool { a.value < b.value }
    /// `>` by value, for a `Dual<Double>` (non-generic).
    @_transparent public static func > (a: Dual, b: Dual) -> Bool { a.value > b.value }
    /// `<=` by value, for a `Dual<Double>` (non-generic).
    @_transparent public static func <= (a: Dual, b: Dual) -> Bool { a.value <= b.value }
    /// `>=` by value, for a `Dual<Double>` (non-generic).
    @_transparent public static func >= (a: Dual, b: Dual) -> Bool { a.value >= b.value }
    /// `==` by value, for a `Dual<Double>` (non-generic).
    @_transparent public static func == (a: Dual, b: Dual) -> Bool { a.value == b.value }
    /// |x| with slope 0 at 0, for a `Dual<Double>` (non-generic).
    @inlinable public var magnitude: Dual {
        if value > 0 { return self }
        if value < 0 { return -self }
        return Dual(concrete: value.magnitude, derivative: 0)
    }
    @usableFromInline @_transparent
    static func chain(_ x: Dual, _ value: Double, _ slope: Double) -> Dual { Dual(concrete: value, derivative: slope * x.derivative) }
    /// `exp` for a `Dual<Double>` (non-generic).
    @_transparent public static func exp(_ x: Dual) -> Dual {
        let e = Double.exp(x.value)
        return chain(x, e, e)
    }
    /// `log` for a `Dual<Double>` (non-generic).
    @_transparent public static func log(_ x: Dual) -> Dual { chain(x, Double.log(x.value), 1 / x.value) }
    /// `cosh` for a `Dual<Double>` (non-generic).
    @_transparent public static func cosh(_ x: Dual) -> Dual { chain(x, Double.cosh(x.value), Double.sinh(x.value)) }
    /// `sinh` for a `Dual<Double>` (non-generic).
    @_transparent public static func sinh(_ x: Dual) -> Dual { chain(x, Double.sinh(x.value), Double.cosh(x.value)) }
    /// `tanh` for a `Dual<Double>` (non-generic).
    @_transparent public static func tanh(_ x: Dual) -> Dual {
        let t = Double.tanh(x.value)
        return chain(x, t, 1 - t * t)
    }
    /// `sqrt` for a `Dual<Double>` (non-generic).
    @_transparent public static func sqrt(_ x: Dual) -> Dual {
        let root = Double.sqrt(x.value)
        return chain(x, root, 1 / (2 * root))
    }
    /// log(1 + x), for a `Dual<Double>` (non-generic).
    @_transparent public static func log(onePlus x: Dual) -> Dual { chain(x, Double.log(onePlus: x.value), 1 / (1 + x.value)) }
}

extension Dual where Value == Dual<Double> {
    /// `<` against a constant, for a ``Dual2``: the literal stays a plain number (non-generic).
    @_transparent public static func < (a: Dual, b: Int) -> Bool { a.value.value < Double(b) }
    /// `<` of a constant and a ``Dual2``, by value (non-generic).
    @_transparent public static func < (a: Int, b: Dual) -> Bool { Double(a) < b.value.value }
    /// `>` against a constant, for a ``Dual2``: the literal stays a plain number (non-generic).
    @_transparent public static func > (a: Dual, b: Int) -> Bool { a.value.value > Double(b) }
    /// `>` of a constant and a ``Dual2``, by value (non-generic).
    @_transparent public static func > (a: Int, b: Dual) -> Bool { Double(a) > b.value.value }
    /// `<=` against a constant, for a ``Dual2``: the literal stays a plain number (non-generic).
    @_transparent public static func <= (a: Dual, b: Int) -> Bool { a.value.value <= Double(b) }
    /// `<=` of a constant and a ``Dual2``, by value (non-generic).
    @_transparent public static func <= (a: Int, b: Dual) -> Bool { Double(a) <= b.value.value }
    /// `>=` against a constant, for a ``Dual2``: the literal stays a plain number (non-generic).
    @_transparent public static func >= (a: Dual, b: Int) -> Bool { a.value.value >= Double(b) }
    /// `>=` of a constant and a ``Dual2``, by value (non-generic).
    @_transparent public static func >= (a: Int, b: Dual) -> Bool { Double(a) >= b.value.value }
    /// `==` against a constant, for a ``Dual2``: the literal stays a plain number (non-generic).
    @_transparent public static func == (a: Dual, b: Int) -> Bool { a.value.value == Double(b) }
    /// `==` of a constant and a ``Dual2``, by value (non-generic).
    @_transparent public static func == (a: Int, b: Dual) -> Bool { Double(a) == b.value.value }
    @usableFromInline @_transparent
    init(concrete value: Dual<Double>, derivative: Dual<Double>) {
        self.value = value
        self.derivative = derivative
    }
    /// `+` for a ``Dual2`` (non-generic).
    @_transparent public static func + (a: Dual, b: Dual) -> Dual { Dual(concrete: a.value + b.value, derivative: a.derivative + b.derivative) }
    /// `-` for a ``Dual2`` (non-generic).
    @_transparent public static func - (a: Dual, b: Dual) -> Dual { Dual(concrete: a.value - b.value, derivative: a.derivative - b.derivative) }
    /// `*` for a ``Dual2`` (non-generic).
    @_transparent public static func * (a: Dual, b: Dual) -> Dual { Dual(concrete: a.value * b.value, derivative: a.derivative * b.value + a.value * b.derivative) }
    /// `/` for a ``Dual2`` (non-generic).
    @_transparent public static func / (a: Dual, b: Dual) -> Dual {
        let quotient = a.value / b.value
        return Dual(concrete: quotient, derivative: (a.derivative - quotient * b.derivative) / b.value)
    }
    /// Negation for a ``Dual2`` (non-generic).
    @inlinable public static prefix func - (a: Dual) -> Dual { Dual(concrete: -a.value, derivative: -a.derivative) }
    /// Sum with a constant, for a ``Dual2`` (non-generic).
    @_transparent @_disfavoredOverload public static func + (a: Dual, b: Double) -> Dual { a + Dual(concrete: Dual<Double>(concrete: b, derivative: 0), derivative: Dual<Double>(concrete: 0, derivative: 0)) }
    /// Sum with a constant, for a ``Dual2`` (non-generic).
    @_transparent @_disfavoredOverload public static func + (a: Double, b: Dual) -> Dual { Dual(concrete: Dual<Double>(concrete: a, derivative: 0), derivative: Dual<Double>(concrete: 0, derivative: 0)) + b }
    /// Difference with a constant, for a ``Dual2`` (non-generic).
    @_transparent @_disfavoredOverload public static func - (a: Dual, b: Double) -> Dual { a - Dual(concrete: Dual<Double>(concrete: b, derivative: 0), derivative: Dual<Double>(concrete: 0, derivative: 0)) }
    /// A constant less a dual number, for a ``Dual2`` (non-generic).
    @_transparent @_disfavoredOverload public static func - (a: Double, b: Dual) -> Dual { Dual(concrete: Dual<Double>(concrete: a, derivative: 0), derivative: Dual<Double>(concrete: 0, derivative: 0)) - b }
    /// Product with a constant, for a ``Dual2`` (non-generic).
    @_transparent @_disfavoredOverload public static func * (a: Dual, b: Double) -> Dual { a * Dual(concrete: Dual<Double>(concrete: b, derivative: 0), derivative: Dual<Double>(concrete: 0, derivative: 0)) }
    /// A constant times a dual number, for a ``Dual2`` (non-generic).
    @_transparent @_disfavoredOverload public static func * (a: Double, b: Dual) -> Dual { Dual(concrete: Dual<Double>(concrete: a, derivative: 0), derivative: Dual<Double>(concrete: 0, derivative: 0)) * b }
    /// Quotient by a constant, for a ``Dual2`` (non-generic).
    @_transparent @_disfavoredOverload public static func / (a: Dual, b: Double) -> Dual { a / Dual(concrete: Dual<Double>(concrete: b, derivative: 0), derivative: Dual<Double>(concrete: 0, derivative: 0)) }
    /// A constant over a dual number, for a ``Dual2`` (non-generic).
    @_transparent @_disfavoredOverload public static func / (a: Double, b: Dual) -> Dual { Dual(concrete: Dual<Double>(concrete: a, derivative: 0), derivative: Dual<Double>(concrete: 0, derivative: 0)) / b }
    /// `<` by value, for a ``Dual2`` (non-generic).
    @_transparent public static func < (a: Dual, b: Dual) -> Bool { a.value < b.value }
    /// `>` by value, for a ``Dual2`` (non-generic).
    @_transparent public static func > (a: Dual, b: Dual) -> Bool { a.value > b.value }
    /// `<=` by value, for a ``Dual2`` (non-generic).
    @_transparent public static func <= (a: Dual, b: Dual) -> Bool { a.value <= b.value }
    /// `>=` by value, for a ``Dual2`` (non-generic).
    @_transparent public static func >= (a: Dual, b: Dual) -> Bool { a.value >= b.value }
    /// `==` by value, for a ``Dual2`` (non-generic).
    @_transparent public static func == (a: Dual, b: Dual) -> Bool { a.value == b.value }
    /// |x| with slope 0 at 0, for a ``Dual2`` (non-generic).
    @inlinable public var magnitude: Dual {
        if value > 0 { return self }
        if value < 0 { return -self }
        return Dual(concrete: value.magnitude, derivative: 0)
    }
    @usableFromInline @_transparent
    static func chain(_ x: Dual, _ value: Dual<Double>, _ slope: Dual<Double>) -> Dual { Dual(concrete: value, derivative: slope * x.derivative) }
    /// `exp` for a ``Dual2`` (non-generic).
    @_transparent public static func exp(_ x: Dual) -> Dual {
        let e = Dual<Double>.exp(x.value)
        return chain(x, e, e)
    }
    /// `log` for a ``Dual2`` (non-generic).
    @_transparent public static func log(_ x: Dual) -> Dual { chain(x, Dual<Double>.log(x.value), 1 / x.value) }
    /// `cosh` for a ``Dual2`` (non-generic).
    @_transparent public static func cosh(_ x: Dual) -> Dual { chain(x, Dual<Double>.cosh(x.value), Dual<Double>.sinh(x.value)) }
    /// `sinh` for a ``Dual2`` (non-generic).
    @_transparent public static func sinh(_ x: Dual) -> Dual { chain(x, Dual<Double>.sinh(x.value), Dual<Double>.cosh(x.value)) }
    /// `tanh` for a ``Dual2`` (non-generic).
    @_transparent public static func tanh(_ x: Dual) -> Dual {
        let t = Dual<Double>.tanh(x.value)
        return chain(x, t, 1 - t * t)
    }
    /// `sqrt` for a ``Dual2`` (non-generic).
    @_transparent public static func sqrt(_ x: Dual) -> Dual {
        let root = Dual<Double>.sqrt(x.value)
        return chain(x, root, 1 / (2 * root))
    }
    /// log(1 + x), for a ``Dual2`` (non-generic).
    @_transparent public static func log(onePlus x: Dual) -> Dual { chain(x, Dual<Double>.log(onePlus: x.value), 1 / (1 + x.value)) }
}
