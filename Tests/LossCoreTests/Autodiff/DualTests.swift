import LossCore
import RealModule
import Testing

/// Central finite difference of `f` at `x`.
func centralDifference(_ x: Double, step: Double = 1e-6, _ f: (Double) -> Double) -> Double {
    let h = step * max(1, abs(x))
    return (f(x + h) - f(x - h)) / (2 * h)
}

@Suite("Dual numbers: the chain rule, operation by operation")
struct DualTests {
    typealias D = Dual<Double>

    /// Each elementary function with its plain `Double` version and where to try it.
    static let functions: [(name: String, dual: @Sendable (D) -> D, plain: @Sendable (Double) -> Double, points: [Double])] = [
        ("exp", { .exp($0) }, { .exp($0) }, [-3, -0.5, 0, 0.7, 4]),
        ("expMinusOne", { .expMinusOne($0) }, { .expMinusOne($0) }, [-2, 1e-4, 0.3, 2]),
        ("log", { .log($0) }, { .log($0) }, [0.01, 0.5, 1, 7]),
        ("log(onePlus:)", { .log(onePlus: $0) }, { .log(onePlus: $0) }, [-0.9, -1e-3, 0, 3]),
        ("sqrt", { .sqrt($0) }, { .sqrt($0) }, [0.04, 1, 9.5]),
        ("root(_, 3)", { .root($0, 3) }, { .root($0, 3) }, [0.1, 2, 27]),
        ("sin", { .sin($0) }, { .sin($0) }, [-2, 0, 1.3]),
        ("cos", { .cos($0) }, { .cos($0) }, [-2, 0.4, 3]),
        ("tan", { .tan($0) }, { .tan($0) }, [-1, 0, 1.2]),
        ("sinh", { .sinh($0) }, { .sinh($0) }, [-2, 0, 1.5]),
        ("cosh", { .cosh($0) }, { .cosh($0) }, [-2, 0.3, 1.5]),
        ("tanh", { .tanh($0) }, { .tanh($0) }, [-3, 0, 0.8]),
        ("asin", { .asin($0) }, { .asin($0) }, [-0.9, 0, 0.5]),
        ("acos", { .acos($0) }, { .acos($0) }, [-0.5, 0.2, 0.9]),
        ("atan", { .atan($0) }, { .atan($0) }, [-4, 0, 2]),
        ("asinh", { .asinh($0) }, { .asinh($0) }, [-3, 0, 2]),
        ("acosh", { .acosh($0) }, { .acosh($0) }, [1.2, 3]),
        ("atanh", { .atanh($0) }, { .atanh($0) }, [-0.8, 0, 0.5]),
        ("pow(_, 3)", { .pow($0, 3) }, { .pow($0, 3) }, [-2, 0, 1.5]),
        ("pow(_, 2.5)", { .pow($0, D(2.5)) }, { .pow($0, 2.5) }, [0.3, 2]),
        ("pow(2, _)", { .pow(D(2), $0) }, { .pow(2, $0) }, [-1, 0, 3]),
        ("x / (1 + x²)", { $0 / (1 + $0 * $0) }, { $0 / (1 + $0 * $0) }, [-2, 0, 0.5]),
        ("|x|³", { abs($0 * $0 * $0) }, { abs($0 * $0 * $0) }, [-1.5, 0.7]),
    ]

    @Test("every elementary function's value is the plain one and its slope agrees with central differences",
          arguments: functions.indices)
    func elementary(index: Int) {
        let function = Self.functions[index]
        for x in function.points {
            let result = function.dual(D(x, derivative: 1))
            #expect(result.value == function.plain(x) || (result.value.isNaN && function.plain(x).isNaN), "\(function.name) at \(x)")
            let numeric = centralDifference(x, function.plain)
            #expect(abs(result.derivative - numeric) <= 1e-6 * max(1, abs(numeric)), "\(function.name)′(\(x)) = \(result.derivative), differences give \(numeric)")
        }
    }

    @Test("a dual of duals carries the second derivative; it agrees with differences of the derived slope", arguments: functions.indices)
    func secondDerivative(index: Int) {
        let function = Self.functions[index]
        for x in function.points {
            let nested = Derivatives(of: { (r: Dual2) in Self.lift(r, function.name) }, at: x)
            let slope = { (t: Double) in function.dual(D(t, derivative: 1)).derivative }
            let numeric = centralDifference(x, slope)
            #expect(abs(nested.second - numeric) <= 1e-5 * max(1, abs(numeric)), "\(function.name)″(\(x)) = \(nested.second), differences give \(numeric)")
            #expect(nested.first == function.dual(D(x, derivative: 1)).derivative, "the same first derivative")
        }
    }

    /// The same functions on `Dual2` (closures cannot be generic, so they are named again).
    static func lift(_ x: Dual2, _ name: String) -> Dual2 {
        switch name {
        case "exp": return .exp(x)
        case "expMinusOne": return .expMinusOne(x)
        case "log": return .log(x)
        case "log(onePlus:)": return .log(onePlus: x)
        case "sqrt": return .sqrt(x)
        case "root(_, 3)": return .root(x, 3)
        case "sin": return .sin(x)
        case "cos": return .cos(x)
        case "tan": return .tan(x)
        case "sinh": return .sinh(x)
        case "cosh": return .cosh(x)
        case "tanh": return .tanh(x)
        case "asin": return .asin(x)
        case "acos": return .acos(x)
        case "atan": return .atan(x)
        case "asinh": return .asinh(x)
        case "acosh": return .acosh(x)
        case "atanh": return .atanh(x)
        case "pow(_, 3)": return .pow(x, 3)
        case "pow(_, 2.5)": return .pow(x, Dual2(2.5))
        case "pow(2, _)": return .pow(Dual2(2), x)
        case "x / (1 + x²)": return x / (1 + x * x)
        default: return abs(x * x * x)
        }
    }

    @Test("the rules by hand: products, quotients, constants, and the midpoint of |x| at 0")
    func rules() {
        let x = D(2, derivative: 1)
        #expect((x * x * x).derivative == 12)
        #expect((1 / x).derivative == -0.25)
        #expect((3.0 * x + 1).derivative == 3 && (3.0 * x + 1).value == 7)
        #expect((x - x).derivative == 0)
        #expect(abs(D(0, derivative: 1)).derivative == 0, "sign(0) = 0")
        #expect(abs(D(-1, derivative: 1)).derivative == -1)
        #expect(D(1, derivative: 5) == D(1, derivative: 0), "comparisons look at values")
        #expect(D(1, derivative: 0) < D(2, derivative: -9))
        let pi = Derivatives(of: { r in r * r * r }, at: 3)
        #expect(pi.value == 27 && pi.first == 27 && pi.second == 18)
    }
}
