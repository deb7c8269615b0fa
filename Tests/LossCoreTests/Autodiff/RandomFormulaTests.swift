import LossCore
import RealModule
import Testing

/// A random formula in one variable, built from + − × ÷, exp, log, sqrt, tanh, pow and branches,
/// written so that it is defined everywhere (log and sqrt of 1 + a², division by 1 + a², exp of
/// a bounded argument).
indirect enum RandomFormula: CustomStringConvertible {
    case x, constant(Double)
    case sum(RandomFormula, RandomFormula), difference(RandomFormula, RandomFormula), product(RandomFormula, RandomFormula)
    case quotient(RandomFormula, RandomFormula)
    case exp(RandomFormula), log(RandomFormula), sqrt(RandomFormula), tanh(RandomFormula), power(RandomFormula, Double)
    case branch(RandomFormula, RandomFormula, RandomFormula, RandomFormula)

    static func random(depth: Int, _ generator: inout SplitMix64) -> RandomFormula {
        let constant = { (g: inout SplitMix64) in Double(Int(g.next() % 41) - 20) / 8 }
        guard depth > 0 else { return generator.next() % 3 == 0 ? .constant(constant(&generator)) : .x }
        let a = random(depth: depth - 1, &generator)
        switch generator.next() % 11 {
        case 0: return .sum(a, random(depth: depth - 1, &generator))
        case 1: return .difference(a, random(depth: depth - 1, &generator))
        case 2, 3: return .product(a, random(depth: depth - 1, &generator))
        case 4: return .quotient(a, random(depth: depth - 1, &generator))
        case 5: return .exp(a)
        case 6: return .log(a)
        case 7: return .sqrt(a)
        case 8: return .tanh(a)
        case 9: return .power(a, [2.0, 3.0, 0.5, -1.5][Int(generator.next() % 4)])
        default: return .branch(a, random(depth: depth - 1, &generator), random(depth: depth - 1, &generator), random(depth: depth - 1, &generator))
        }
    }

    /// The formula at `x` in any forward scalar; `path` records each branch taken.
    func evaluate<T: ForwardScalar>(_ x: T, path: inout [Bool]) -> T {
        switch self {
        case .x: return x
        case let .constant(c): return T(c)
        case let .sum(a, b): return a.evaluate(x, path: &path) + b.evaluate(x, path: &path)
        case let .difference(a, b): return a.evaluate(x, path: &path) - b.evaluate(x, path: &path)
        case let .product(a, b): return a.evaluate(x, path: &path) * b.evaluate(x, path: &path)
        case let .quotient(a, b):
            let d = b.evaluate(x, path: &path)
            return a.evaluate(x, path: &path) / (1 + d * d)
        case let .exp(a):
            let v = a.evaluate(x, path: &path)
            return .exp(v / (1 + v * v))
        case let .log(a):
            let v = a.evaluate(x, path: &path)
            return .log(1 + v * v)
        case let .sqrt(a):
            let v = a.evaluate(x, path: &path)
            return .sqrt(1 + v * v)
        case let .tanh(a): return .tanh(a.evaluate(x, path: &path))
        case let .power(a, p):
            let v = a.evaluate(x, path: &path)
            return .pow(1 + v * v, T(p))
        case let .branch(a, b, c, d):
            let taken = a.evaluate(x, path: &path) > b.evaluate(x, path: &path)
            path.append(taken)
            return taken ? c.evaluate(x, path: &path) : d.evaluate(x, path: &path)
        }
    }

    var description: String {
        switch self {
        case .x: return "x"
        case let .constant(c): return "\(c)"
        case let .sum(a, b): return "(\(a) + \(b))"
        case let .difference(a, b): return "(\(a) − \(b))"
        case let .product(a, b): return "(\(a) × \(b))"
        case let .quotient(a, b): return "(\(a) ÷ (1 + (\(b))²))"
        case let .exp(a): return "exp(\(a)/(1 + (\(a))²))"
        case let .log(a): return "log(1 + (\(a))²)"
        case let .sqrt(a): return "√(1 + (\(a))²)"
        case let .tanh(a): return "tanh(\(a))"
        case let .power(a, p): return "(1 + (\(a))²)^\(p)"
        case let .branch(a, b, c, d): return "(\(a) > \(b) ? \(c) : \(d))"
        }
    }
}

@Suite("Property: derived derivatives of random formulas agree with finite differences")
struct RandomFormulaTests {
    @Test("500 random formulas, 8 points each: the derived first and second derivatives agree with central differences", arguments: 0..<5)
    func property(seed: UInt64) {
        var generator = SplitMix64(seed: 1000 + seed)
        var compared = 0
        for _ in 0..<100 {
            let formula = RandomFormula.random(depth: 4, &generator)
            for _ in 0..<8 {
                let x = Double(Int(generator.next() % 4001) - 2000) / 1000
                let h = 1e-5
                var paths: [[Bool]] = [[], [], [], []]
                let plain = { (t: Double, path: inout [Bool]) in formula.evaluate(t, path: &path) }
                let below = plain(x - h, &paths[0]), above = plain(x + h, &paths[1])
                var derivedPath: [Bool] = []
                let derived = Derivatives(of: { r in formula.evaluate(r, path: &derivedPath) }, at: x)
                let value = plain(x, &paths[2])
                // Only where the differences do not straddle a branch point.
                guard paths[0] == paths[2], paths[1] == paths[2], derived.value.isFinite else { continue }
                #expect(derived.value == value, "\(formula) at \(x)")
                let numeric = (above - below) / (2 * h)
                #expect(abs(derived.first - numeric) <= 1e-5 * max(1, abs(numeric)), "\(formula): f′(\(x)) = \(derived.first), differences \(numeric)")
                let slope = { (t: Double) -> Double in
                    var ignored: [Bool] = []
                    return Derivatives(of: { r in formula.evaluate(r, path: &ignored) }, at: t).first
                }
                let numericSecond = (slope(x + h) - slope(x - h)) / (2 * h)
                #expect(abs(derived.second - numericSecond) <= 1e-4 * max(1, abs(numericSecond)), "\(formula): f″(\(x)) = \(derived.second), differences \(numericSecond)")
                compared += 1
            }
        }
        #expect(compared >= 600, "most points are away from branch points: \(compared) of 800")
    }
}
