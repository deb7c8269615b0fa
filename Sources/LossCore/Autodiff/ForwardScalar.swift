import RealModule

/// A number that forward-mode automatic differentiation can carry: `Double`, `Float`, or a
/// ``Dual`` of one (a dual of duals carries second derivatives).
///
/// It asks for arithmetic with division (swift-numerics' `AlgebraicField`), the elementary
/// functions (`ElementaryFunctions`), an order (so formulas can branch) and constants from
/// `Double`, and nothing of `FloatingPoint`: rounding, `ulp` or `nextUp` have no derivative.
public protocol ForwardScalar: AlgebraicField, ElementaryFunctions, Comparable, ExpressibleByFloatLiteral, Sendable
where Magnitude == Self {
    /// The number nearest to a `Double` constant, with derivative 0.
    init(_ constant: Double)
    /// The number as a `Double` (a dual's value, without its derivatives).
    var doubleValue: Double { get }
}

extension Double: ForwardScalar {
    /// The number itself.
    public var doubleValue: Double { self }
}

extension Float: ForwardScalar {
    /// The number, widened.
    public var doubleValue: Double { Double(self) }
}
