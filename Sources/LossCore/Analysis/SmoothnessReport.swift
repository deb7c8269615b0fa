/// Whether a pointwise loss, its first and its second derivative are continuous at a point:
/// the facts behind "MAE has a kink at 0" and "Huber is C¹ but not C² at ±δ".
///
/// Found by measuring, not declared: each function is evaluated just left and just right of
/// the point at shrinking distances h; a jump that shrinks with h is continuity, a jump that
/// stays is a discontinuity. A derivative that does not exist (a `nil` second derivative) or
/// whose lower derivative jumps is reported discontinuous.
public struct SmoothnessReport: Sendable, Equatable, CustomStringConvertible {
    /// The point examined.
    public let point: Double
    /// L is continuous at the point.
    public let valueContinuous: Bool
    /// L' exists and is continuous at the point.
    public let firstDerivativeContinuous: Bool
    /// L'' exists and is continuous at the point.
    public let secondDerivativeContinuous: Bool
    /// The size of the jump of L' across the point (0 when continuous).
    public let firstDerivativeJump: Double
    /// The size of the jump of L'' across the point, from its values just left and right
    /// (0 when continuous; NaN when L'' does not exist on either side).
    public let secondDerivativeJump: Double

    /// The differentiability class at the point: -1 if L itself jumps, 0 (C⁰), 1 (C¹), or 2 (C² or better).
    public var order: Int {
        if !valueContinuous { return -1 }
        if !firstDerivativeContinuous { return 0 }
        return secondDerivativeContinuous ? 2 : 1
    }

    public var description: String {
        switch order {
        case -1: return "discontinuous at \(point)"
        case 0: return "C0 at \(point): continuous, but the first derivative jumps by \(firstDerivativeJump)"
        case 1: return "C1 at \(point): the second derivative jumps by \(secondDerivativeJump)"
        default: return "C2 or smoother at \(point)"
        }
    }

    /// Examines a pointwise loss at `prediction` for a fixed `target` (for a residual loss with
    /// target 0 the prediction is the residual).
    public static func of<L: ElementwiseLoss>(_ loss: L, at prediction: Double, target: Double = 0) -> SmoothnessReport {
        let x = prediction
        let f = { (p: Double) in loss.value(target: target, prediction: p) }
        let d1 = { (p: Double) in loss.derivative(target: target, prediction: p) }
        let d2 = { (p: Double) -> Double in loss.secondDerivative(target: target, prediction: p) ?? .nan }
        let valueJump = jumps(of: f, at: x)
        let firstJump = jumps(of: d1, at: x)
        let secondExists = loss.secondDerivative(target: target, prediction: x) != nil
        let secondJump = jumps(of: d2, at: x)
        let valueOK = isContinuous(valueJump)
        let firstOK = valueOK && isContinuous(firstJump)
        let secondOK = firstOK && secondExists && isContinuous(secondJump)
        return SmoothnessReport(
            point: x, valueContinuous: valueOK, firstDerivativeContinuous: firstOK,
            secondDerivativeContinuous: secondOK, firstDerivativeJump: firstOK ? 0 : firstJump.last ?? .nan,
            secondDerivativeJump: secondOK ? 0 : (secondJump.last ?? .nan))
    }

    /// |g(x + h) - g(x - h)| for h = 1e-3, 1e-5, 1e-7 (scaled by max(1, |x|)).
    static func jumps(of g: (Double) -> Double, at x: Double) -> [Double] {
        let scale = max(1, x.magnitude)
        return [1e-3, 1e-5, 1e-7].map { h in (g(x + h * scale) - g(x - h * scale)).magnitude }
    }

    /// A jump is continuity when, at the smallest h, it is tiny or it fell with h.
    static func isContinuous(_ jumps: [Double]) -> Bool {
        guard let last = jumps.last, let first = jumps.first, !last.isNaN, !first.isNaN else { return false }
        return last <= 1e-5 || last <= first * 1e-2
    }
}
