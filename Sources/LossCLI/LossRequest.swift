import LossCore

/// What a student asked `notebook loss` to compute, as given on the command line.
public struct LossRequest: Sendable, Equatable {
    /// The loss.
    public var name: LossName
    /// `--y-true`, JSON.
    public var yTrue: String
    /// `--y-pred`, JSON.
    public var yPred: String
    /// `--delta` (huber, pseudo-huber; default 1).
    public var delta: Double?
    /// `--tau` (quantile; default 0.5).
    public var tau: Double?
    /// `--from-logits` (the cross-entropies).
    public var fromLogits: Bool
    /// `--label-smoothing` (the cross-entropies; default 0).
    public var labelSmoothing: Double?
    /// `--epsilon`: probability clipping (cross-entropies: default 1e-7; kl-divergence: none).
    public var epsilon: Double?
    /// `--class-weights`, JSON, one per class (categorical cross-entropies).
    public var classWeights: String?
    /// `--reduction` (default mean).
    public var reduction: Reduction
    /// `--sample-weight`, JSON, one per sample.
    public var sampleWeight: String?

    /// Creates a request; every option left out takes Keras's default.
    public init(
        name: LossName, yTrue: String, yPred: String, delta: Double? = nil, tau: Double? = nil,
        fromLogits: Bool = false, labelSmoothing: Double? = nil, epsilon: Double? = nil,
        classWeights: String? = nil, reduction: Reduction = .mean, sampleWeight: String? = nil
    ) {
        self.name = name
        self.yTrue = yTrue
        self.yPred = yPred
        self.delta = delta
        self.tau = tau
        self.fromLogits = fromLogits
        self.labelSmoothing = labelSmoothing
        self.epsilon = epsilon
        self.classWeights = classWeights
        self.reduction = reduction
        self.sampleWeight = sampleWeight
    }
}
