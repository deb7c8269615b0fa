import RealModule

/// The floating-point types LossCore computes with: `Float` and `Double`.
///
/// Every loss, model and optimiser is generic over this protocol, so the same code serves
/// single precision (fast, what GPUs use) and double precision (what the notebooks print).
/// The elementary functions (`exp`, `log1p`, `tanh`, ...) come from swift-numerics' `Real`.
public protocol LossScalar: Real, BinaryFloatingPoint, Sendable, Codable
where Self.RawSignificand: FixedWidthInteger {}

extension Float: LossScalar {}
extension Double: LossScalar {}

extension LossScalar {
    /// The scalar nearest to a `Double` constant (loss parameters are stored as `Double`).
    @inlinable
    public static func constant(_ value: Double) -> Self { Self(value) }
}
