extension Trainer {
    /// Trains a copy of `model` on data and returns it with its history: the one-call form
    /// the notebooks use.
    /// - Throws: ``LossError`` when the data does not fit the model or the loss.
    public func fit<M: Model, L: Loss>(
        _ model: M, loss: L, penalty: Penalty = .none, inputs: Batch<M.Scalar>, targets: Batch<M.Scalar>,
        sampleWeight: [M.Scalar]? = nil
    ) throws -> (model: M, history: TrainingHistory<M.Scalar>) {
        var trained = model
        let objective = try Objective(
            loss: loss, penalty: penalty, inputs: inputs, targets: targets, sampleWeight: sampleWeight, model: model)
        let history = train(&trained, on: objective)
        return (trained, history)
    }
}
