/// Why training stopped.
public enum TrainingStatus: Sendable, Equatable, CustomStringConvertible {
    /// The objective stopped changing (or the gradient vanished) at this epoch.
    case converged(step: Int)
    /// The epoch budget ran out.
    case reachedMaxSteps
    /// The objective became NaN or infinite at this epoch; that value is not recorded.
    case divergedNonFinite(step: Int)
    /// The objective rose for the stopping rule's number of epochs in a row, ending at this one.
    case divergedRising(step: Int)

    /// Whether training diverged.
    public var diverged: Bool {
        switch self {
        case .divergedNonFinite, .divergedRising: return true
        case .converged, .reachedMaxSteps: return false
        }
    }

    public var description: String {
        switch self {
        case let .converged(step): return "converged after \(step) steps"
        case .reachedMaxSteps: return "stopped at the step limit"
        case let .divergedNonFinite(step): return "diverged at step \(step): the loss is no longer finite"
        case let .divergedRising(step): return "diverged at step \(step): the loss kept rising"
        }
    }
}

/// The record of a training run: for training curves and for paths on loss surfaces.
public struct TrainingHistory<T: LossScalar>: Sendable, Equatable {
    /// The objective before training (index 0) and after each epoch; only finite values.
    public var losses: [T]
    /// The parameters matching each entry of ``losses``.
    public var parameters: [[T]]
    /// The Euclidean norm of the full-batch gradient matching each entry of ``losses``.
    public var gradientNorms: [T]
    /// Why training stopped.
    public var status: TrainingStatus

    /// The number of epochs run.
    public var steps: Int { losses.count - 1 }
}
