/// The influence function ψ(r) = dL/dr of a residual loss: how hard a sample with residual r
/// pulls on the fit. A bounded ψ means a single outlier in the *target* cannot drag the fit
/// arbitrarily far. It does not protect against a point with an extreme *input* (a leverage
/// point): its pull on a slope is ψ(r) times that input, which nothing bounds.
public struct Influence: Sendable {
    /// ψ at each residual.
    public static func values<L: ResidualLoss>(_ loss: L, at residuals: [Double]) -> [Double] {
        residuals.map { loss.derivative(residual: $0) }
    }

    /// Whether |ψ| stays bounded: it must not grow by more than 1% from r = 1e3 to r = 1e6
    /// (on either side). MSE's ψ = 2r grows a thousandfold there; Huber's stays at δ.
    public static func isBounded<L: ResidualLoss>(_ loss: L) -> Bool {
        [1.0, -1.0].allSatisfy { sign in
            let near = (loss.derivative(residual: sign * 1e3)).magnitude
            let far = (loss.derivative(residual: sign * 1e6)).magnitude
            return far.isFinite && far <= near * 1.01 + 1e-12
        }
    }

    /// The largest |ψ(r)| over the residuals given.
    public static func largest<L: ResidualLoss>(_ loss: L, over residuals: [Double]) -> Double {
        residuals.reduce(0) { max($0, (loss.derivative(residual: $1)).magnitude) }
    }
}
