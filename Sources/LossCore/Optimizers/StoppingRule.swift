/// When training stops.
public struct StoppingRule: Sendable, Equatable {
    /// The most epochs (full passes over the data; one update each for batch gradient descent).
    public var maxSteps: Int
    /// Stop as converged when the objective changes by at most `tolerance · max(1, |J|)` in one
    /// epoch, or the gradient's norm falls to `tolerance`. 0 turns the test off.
    public var tolerance: Double
    /// Stop as diverged when the objective has risen this many epochs in a row.
    public var risingSteps: Int

    /// Creates a rule; the defaults run up to 1,000 epochs to a tolerance of 1e-12.
    public init(maxSteps: Int = 1000, tolerance: Double = 1e-12, risingSteps: Int = 10) {
        self.maxSteps = max(0, maxSteps)
        self.tolerance = max(0, tolerance)
        self.risingSteps = max(1, risingSteps)
    }
}
