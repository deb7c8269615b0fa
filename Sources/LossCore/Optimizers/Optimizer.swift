import RealModule

/// How parameters are updated from gradients.
public struct Optimizer: Sendable, Equatable {
    /// The update rule.
    public enum Rule: Sendable, Equatable {
        /// θ ← θ - η g.
        case plain
        /// Heavy-ball momentum: v ← βv + g, θ ← θ - η v.
        case momentum(beta: Double)
        /// Adam (Kingma & Ba), with bias correction.
        case adam(beta1: Double, beta2: Double, epsilon: Double)
    }

    /// The step size η.
    public let learningRate: Double
    /// The update rule.
    public let rule: Rule
    /// Samples per update; `nil` uses the whole batch (batch gradient descent).
    public let batchSize: Int?
    /// Seed for the order of minibatches.
    public let seed: UInt64
    /// After each update, soft-threshold the weights by η·λ for an L1 penalty (proximal gradient,
    /// ISTA), which sets small weights exactly to zero; the penalty's subgradient is then left out.
    public let proximalL1: Bool

    /// Creates an optimiser.
    /// - Throws: ``LossError/invalidParameter(name:value:expected:)`` for a non-positive learning
    ///   rate or batch size, or β outside [0, 1).
    public init(
        learningRate: Double, rule: Rule = .plain, batchSize: Int? = nil, seed: UInt64 = 0,
        proximalL1: Bool = false
    ) throws {
        self.learningRate = try requirePositive(learningRate, name: "learning_rate")
        switch rule {
        case .plain: break
        case let .momentum(beta):
            _ = try requireInterval(beta, name: "beta", lower: 0, upper: 1, closed: false)
        case let .adam(beta1, beta2, epsilon):
            _ = try requireInterval(beta1, name: "beta1", lower: 0, upper: 1, closed: false)
            _ = try requireInterval(beta2, name: "beta2", lower: 0, upper: 1, closed: false)
            _ = try requirePositive(epsilon, name: "epsilon")
        }
        if let batchSize, batchSize < 1 {
            throw LossError.invalidParameter(name: "batch_size", value: "\(batchSize)", expected: "an integer >= 1")
        }
        self.rule = rule
        self.batchSize = batchSize
        self.seed = seed
        self.proximalL1 = proximalL1
    }

    /// Batch gradient descent with step η.
    public static func gradientDescent(learningRate: Double) throws -> Optimizer {
        try Optimizer(learningRate: learningRate)
    }

    /// Minibatch stochastic gradient descent.
    public static func sgd(learningRate: Double, batchSize: Int, seed: UInt64 = 0) throws -> Optimizer {
        try Optimizer(learningRate: learningRate, batchSize: batchSize, seed: seed)
    }

    /// Gradient descent with heavy-ball momentum (β = 0.9 by default).
    public static func momentum(learningRate: Double, beta: Double = 0.9) throws -> Optimizer {
        try Optimizer(learningRate: learningRate, rule: .momentum(beta: beta))
    }

    /// Adam with Keras's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-7.
    ///
    /// The update is the paper's (Kingma and Ba, Algorithm 1) and PyTorch's:
    /// θ ← θ − η·m̂/(√v̂ + ε), with ε added after the bias correction. Keras adds ε to √v before
    /// it, which is this update with ε/√(1 − β₂ᵗ) in place of ε at step t.
    public static func adam(
        learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-7
    ) throws -> Optimizer {
        try Optimizer(learningRate: learningRate, rule: .adam(beta1: beta1, beta2: beta2, epsilon: epsilon))
    }
}
