/// What training minimises: the mean loss of a model's predictions on a data set, plus a
/// penalty on the model's weights.
///
///     J(θ) = loss(y, model_θ(X)) + penalty(w)
public struct Objective<L: Loss, T: LossScalar>: Sendable {
    /// The loss.
    public let loss: L
    /// The weight penalty (``Penalty/none`` by default).
    public let penalty: Penalty
    /// The inputs, one row per sample.
    public let inputs: Batch<T>
    /// The targets, prepared by the loss (hinge labels mapped, labels smoothed).
    public let targets: Batch<T>
    /// Optional per-sample weights (class weighting uses these).
    public let sampleWeight: [T]?

    /// Creates an objective and checks the data against the loss and the model's shape.
    /// - Throws: ``LossError`` for empty or mismatched data, or targets outside the loss's domain.
    public init<M: Model>(
        loss: L, penalty: Penalty = .none, inputs: Batch<T>, targets: Batch<T>,
        sampleWeight: [T]? = nil, model: M
    ) throws where M.Scalar == T {
        try model.validate(inputs: inputs)
        guard targets.rows == inputs.rows else {
            throw LossError.shapeMismatch(
                argument: "targets", expected: "\(inputs.rows) rows (one per input)", found: "\(targets.rows)")
        }
        // Evaluating once at the starting point checks shapes, domains and weights.
        let prediction = model.predict(inputs)
        _ = try loss.evaluate(target: targets, prediction: prediction, reduction: .mean, sampleWeight: sampleWeight)
        self.loss = loss
        self.penalty = try penalty.validated()
        self.inputs = inputs
        self.targets = try loss.prepare(target: targets, prediction: prediction)
        self.sampleWeight = sampleWeight
    }

    /// The objective's value and its exact gradient with respect to the model's parameters,
    /// on all samples or on the rows given. `includePenaltyGradient: false` leaves the
    /// penalty's (sub)gradient out, for proximal methods that apply the penalty themselves.
    @inlinable
    public func valueAndGradient<M: Model>(
        _ model: M, rows: [Int]? = nil, includePenaltyGradient: Bool = true
    ) -> (value: T, gradient: [T]) where M.Scalar == T {
        var x = inputs, y = targets, w = sampleWeight
        if let rows { (x, y, w) = subset(rows) }
        let count = x.rows
        // The loss's kernel without per-sample values (training does not need them), fused with
        // the model's forward and backward pass where the model can.
        var (total, gradient) = model.lossAndParameterGradient(loss, inputs: x, targets: y, weights: w, scale: 1 / T(count))
        let value = total / T(count)
        // Without a penalty there is nothing to add (its value is 0, its gradient none); `+ 0`
        // keeps the sum's sign rules (-0 + 0 = +0) as the penalised path has them.
        if case .none = penalty { return (value + 0, gradient) }
        if T.self == Double.self {
            // `Double` path: see ``DoubleKernels``. `gradient` is moved out while it changes, so
            // that it changes in place.
            var doubles = unsafeBitCast(gradient, to: [Double].self)
            gradient = []
            let penaltyValue = DoubleKernels.penalise(
                penalty, parameters: unsafeBitCast(model.parameters, to: [Double].self), weights: model.weightIndices,
                gradient: &doubles, addGradient: includePenaltyGradient)
            return (value + unsafeBitCast(penaltyValue, to: T.self), unsafeBitCast(doubles, to: [T].self))
        }
        let weights = model.parameters[model.weightIndices]
        if includePenaltyGradient {
            var slice = gradient[model.weightIndices]
            penalty.addGradient(weights, to: &slice)
            gradient.replaceSubrange(model.weightIndices, with: slice)
        }
        return (value + penalty.value(weights), gradient)
    }

    /// The objective's value alone.
    @inlinable
    public func value<M: Model>(_ model: M) -> T where M.Scalar == T {
        valueAndGradient(model).value
    }

    @usableFromInline
    func subset(_ rows: [Int]) -> (Batch<T>, Batch<T>, [T]?) {
        func pick(_ batch: Batch<T>) -> Batch<T> {
            Batch(unchecked: rows.count, columns: batch.columns, values: rows.flatMap { batch.row($0) })
        }
        return (pick(inputs), pick(targets), sampleWeight.map { w in rows.map { w[$0] } })
    }
}
