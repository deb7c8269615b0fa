import LossCore
import RealModule
import Testing

/// The generic operation, called through a generic function so that the concrete fast paths
/// (`Dual+Concrete.swift`) cannot be chosen.
private enum Generic {
    static func add<V>(_ a: Dual<V>, _ b: Dual<V>) -> Dual<V> { a + b }
    static func subtract<V>(_ a: Dual<V>, _ b: Dual<V>) -> Dual<V> { a - b }
    static func multiply<V>(_ a: Dual<V>, _ b: Dual<V>) -> Dual<V> { a * b }
    static func divide<V>(_ a: Dual<V>, _ b: Dual<V>) -> Dual<V> { a / b }
    static func negate<V>(_ a: Dual<V>) -> Dual<V> { -a }
    static func magnitude<V>(_ a: Dual<V>) -> Dual<V> { a.magnitude }
    static func less<V>(_ a: Dual<V>, _ b: Dual<V>) -> Bool { a < b }
    static func lessOrEqual<V>(_ a: Dual<V>, _ b: Dual<V>) -> Bool { a <= b }
    static func equal<V>(_ a: Dual<V>, _ b: Dual<V>) -> Bool { a == b }
    static func exp<V>(_ a: Dual<V>) -> Dual<V> { .exp(a) }
    static func log<V>(_ a: Dual<V>) -> Dual<V> { .log(a) }
    static func log1p<V>(_ a: Dual<V>) -> Dual<V> { .log(onePlus: a) }
    static func cosh<V>(_ a: Dual<V>) -> Dual<V> { .cosh(a) }
    static func sinh<V>(_ a: Dual<V>) -> Dual<V> { .sinh(a) }
    static func tanh<V>(_ a: Dual<V>) -> Dual<V> { .tanh(a) }
    static func sqrt<V>(_ a: Dual<V>) -> Dual<V> { .sqrt(a) }
    static func constant<V>(_ a: Dual<V>, plus c: Double) -> Dual<V> { a + Dual<V>(c) }
}

@Suite("Dual numbers' concrete fast paths give the generic rules' bits")
struct DualConcreteTests {
    /// Bitwise equality, NaN included.
    static func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }
    static func same(_ a: Dual<Double>, _ b: Dual<Double>) -> Bool { same(a.value, b.value) && same(a.derivative, b.derivative) }
    static func same(_ a: Dual2, _ b: Dual2) -> Bool { same(a.value, b.value) && same(a.derivative, b.derivative) }

    @Test("Dual<Double>: arithmetic, comparisons, |x| and the elementary functions at 2,000 random pairs (zeros, negatives and huge values included)")
    func firstOrder() {
        var random = Xoshiro256(seed: 11)
        let special: [Double] = [0, -0.0, 1, -1, 1e300, -1e-300, .infinity]
        for index in 0..<2_000 {
            let x = index < special.count ? special[index] : random.uniform(-30, 30)
            let a = Dual<Double>(x, derivative: random.uniform(-3, 3))
            let b = Dual<Double>(random.uniform(-5, 5), derivative: random.uniform(-3, 3))
            #expect(Self.same(a + b, Generic.add(a, b)) && Self.same(a - b, Generic.subtract(a, b)))
            #expect(Self.same(a * b, Generic.multiply(a, b)) && Self.same(a / b, Generic.divide(a, b)))
            #expect(Self.same(-a, Generic.negate(a)) && Self.same(a.magnitude, Generic.magnitude(a)))
            #expect((a < b) == Generic.less(a, b) && (a <= b) == Generic.lessOrEqual(a, b) && (a == b) == Generic.equal(a, b))
            #expect(Self.same(.exp(a), Generic.exp(a)) && Self.same(.log(a), Generic.log(a)) && Self.same(.log(onePlus: a), Generic.log1p(a)))
            #expect(Self.same(.cosh(a), Generic.cosh(a)) && Self.same(.sinh(a), Generic.sinh(a)) && Self.same(.tanh(a), Generic.tanh(a)))
            #expect(Self.same(.sqrt(a), Generic.sqrt(a)))
            #expect((a > 0) == Generic.less(Dual<Double>(0), a) && (a == 0) == Generic.equal(a, Dual<Double>(0)), "comparisons with an integer literal")
        }
    }

    @Test("Dual2 (a dual of duals): the same, and sums with a constant, at 1,000 random pairs")
    func secondOrder() {
        var random = Xoshiro256(seed: 12)
        for _ in 0..<1_000 {
            let a = Dual2.variable(random.uniform(-20, 20))
            let b = Dual2(Dual<Double>(random.uniform(-5, 5), derivative: random.uniform(-2, 2)), derivative: Dual<Double>(random.uniform(-2, 2), derivative: 0))
            let c = random.uniform(-4, 4)
            #expect(Self.same(a + b, Generic.add(a, b)) && Self.same(a - b, Generic.subtract(a, b)))
            #expect(Self.same(a * b, Generic.multiply(a, b)) && Self.same(a / b, Generic.divide(a, b)))
            #expect(Self.same(-a, Generic.negate(a)) && Self.same(a.magnitude, Generic.magnitude(a)))
            #expect((a < b) == Generic.less(a, b) && (a <= b) == Generic.lessOrEqual(a, b))
            #expect(Self.same(.exp(a), Generic.exp(a)) && Self.same(.log(a), Generic.log(a)) && Self.same(.log(onePlus: a), Generic.log1p(a)))
            #expect(Self.same(.cosh(a), Generic.cosh(a)) && Self.same(.sinh(a), Generic.sinh(a)) && Self.same(.tanh(a), Generic.tanh(a)))
            #expect(Self.same(.sqrt(a), Generic.sqrt(a)))
            #expect(Self.same(a + c, Generic.constant(a, plus: c)))
            #expect(Self.same(Dual2.constant(c), Dual2(c)))
        }
    }
}
