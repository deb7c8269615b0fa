import RealModule

/// The Kullback-Leibler divergence KL(p ‖ q) = Σⱼ pⱼ log(pⱼ / qⱼ), summed over a sample's
/// columns, with p the target distribution (`y_true`) and q the prediction (`y_pred`).
///
/// Exact by default (`epsilon: nil`), with the conventions of information theory:
/// 0·log(0/q) = 0, and qⱼ = 0 where pⱼ > 0 gives **+infinity** (q cannot explain an outcome
/// it calls impossible); the gradient there is -infinity. It is computed as p(log p - log q),
/// so tiny q stay finite.
///
/// Keras instead clips both p and q to [1e-7, 1] first, which keeps the value finite: an entry
/// with qⱼ = 0 < pⱼ adds pⱼ·log(pⱼ/1e-7) (16.1 for pⱼ = 1) instead of infinity, and
/// one with pⱼ = 0 < qⱼ adds 1e-7·log(1e-7/qⱼ) (between -1.6e-6 and 0) instead of 0.
/// Pass `epsilon: 1e-7` to reproduce Keras exactly.
public struct KLDivergence: Loss {
    /// The clipping epsilon, or `nil` for the exact divergence.
    public let epsilon: Double?

    /// Creates the loss.
    /// - Throws: ``LossError/invalidParameter(name:value:expected:)`` for ε outside (0, 0.5).
    public init(epsilon: Double? = nil) throws {
        if let epsilon {
            self.epsilon = try requireInterval(epsilon, name: "epsilon", lower: 0, upper: 0.5, closed: false)
        } else {
            self.epsilon = nil
        }
    }

    public var name: String { "kl-divergence" }

    public func prepare<T: LossScalar>(target: Batch<T>, prediction: Batch<T>) throws -> Batch<T> {
        try requireProbabilities(target.values, argument: "y_true")
        try requireProbabilities(prediction.values, argument: "y_pred")
        return target
    }

    @inlinable
    public func sample<T: LossScalar>(
        target: UnsafeBufferPointer<T>, prediction: UnsafeBufferPointer<T>,
        gradient: UnsafeMutableBufferPointer<T>, scale: T
    ) -> T {
        var loss: T = 0
        if let epsilon {
            let e = T(epsilon)
            for j in 0..<prediction.count {
                let p = min(max(target[j], e), 1)
                let q = min(max(prediction[j], e), 1)
                loss += p * (T.log(p) - T.log(q))
                gradient[j] = q == prediction[j] ? -scale * p / q : 0
            }
            return loss
        }
        for j in 0..<prediction.count {
            let p = target[j]
            let q = prediction[j]
            if p == 0 {
                gradient[j] = 0
                continue
            }
            loss += p * (T.log(p) - T.log(q))
            gradient[j] = -scale * p / q
        }
        return loss
    }
}
