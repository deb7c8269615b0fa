import RealModule

/// Trains a model: minimises an ``Objective`` with an ``Optimizer`` until a ``StoppingRule`` fires.
public struct Trainer: Sendable {
    /// The update rule and step size.
    public let optimizer: Optimizer
    /// When to stop.
    public let stopping: StoppingRule

    /// Creates a trainer.
    public init(optimizer: Optimizer, stopping: StoppingRule = StoppingRule()) {
        self.optimizer = optimizer
        self.stopping = stopping
    }

    /// Trains `model` in place and returns the history. Never traps or throws: divergence is a
    /// ``TrainingStatus``, and the model keeps the last finite parameters.
    public func train<M: Model, L: Loss>(
        _ model: inout M, on objective: Objective<L, M.Scalar>
    ) -> TrainingHistory<M.Scalar> {
        typealias T = M.Scalar
        let start = objective.valueAndGradient(model)
        var history = TrainingHistory<T>(
            losses: [start.value], parameters: [model.parameters], gradientNorms: [norm(start.gradient)],
            status: .reachedMaxSteps)
        guard start.value.isFinite else {
            history.status = .divergedNonFinite(step: 0)
            return history
        }
        var state = UpdateState<T>(count: model.parameters.count)
        var random = Xoshiro256(seed: optimizer.seed)
        let rows = objective.inputs.rows
        // Index loops and arrays made only when needed: a debug build (snippets) runs `stride`
        // and `Array(0..<n)` with generic runtime calls per step.
        let minibatch = optimizer.batchSize.flatMap { $0 < rows ? $0 : nil }
        var order: [Int] = minibatch == nil ? [] : Array(0..<rows)
        var rising = 0
        let proximal = optimizer.proximalL1 && { if case .l1 = objective.penalty { true } else { false } }()
        // A full-batch step without the proximal term uses the gradient the last step measured
        // at these very parameters, instead of computing it again.
        var measured = start.gradient
        var step = 0
        while step < stopping.maxSteps {
            step += 1
            let previous = model.parameters
            if let batchSize = minibatch {
                random.shuffle(&order)
                for first in stride(from: 0, to: rows, by: batchSize) {
                    let batch = Array(order[first..<min(rows, first + batchSize)])
                    update(&model, gradient: gradient(objective, model, rows: batch, proximal: proximal), state: &state)
                    if proximal { softThreshold(&model, lambda: objective.penalty.lambda) }
                }
            } else {
                update(&model, gradient: proximal ? gradient(objective, model, rows: nil, proximal: true) : measured, state: &state)
                if proximal { softThreshold(&model, lambda: objective.penalty.lambda) }
            }
            let current = objective.valueAndGradient(model)
            measured = current.gradient
            guard current.value.isFinite, allFinite(model.parameters) else {
                model.parameters = previous
                history.status = .divergedNonFinite(step: step)
                return history
            }
            let last = history.losses[history.losses.count - 1]
            history.losses.append(current.value)
            history.parameters.append(model.parameters)
            let gradientNorm = norm(current.gradient)
            history.gradientNorms.append(gradientNorm)
            rising = current.value > last ? rising + 1 : 0
            if rising >= stopping.risingSteps {
                history.status = .divergedRising(step: step)
                return history
            }
            let tolerance = T(stopping.tolerance)
            if tolerance > 0,
                (current.value - last).magnitude <= tolerance * max(1, current.value.magnitude) || gradientNorm <= tolerance
            {
                history.status = .converged(step: step)
                return history
            }
        }
        return history
    }

    private func gradient<M: Model, L: Loss>(
        _ objective: Objective<L, M.Scalar>, _ model: M, rows: [Int]?, proximal: Bool
    ) -> [M.Scalar] {
        // With the proximal step, the L1 term is applied by soft-thresholding instead.
        objective.valueAndGradient(model, rows: rows, includePenaltyGradient: !proximal).gradient
    }

    private func update<M: Model>(_ model: inout M, gradient g: [M.Scalar], state: inout UpdateState<M.Scalar>) {
        typealias T = M.Scalar
        state.step += 1
        if T.self == Double.self {
            // The same update on Doubles, non-generic (see DoubleKernels). The moments are moved out
            // of `state` while they change, so that they are changed in place, not copied.
            var parameters = unsafeBitCast(model.parameters, to: [Double].self)
            var first = unsafeBitCast(state.first, to: [Double].self), second = unsafeBitCast(state.second, to: [Double].self)
            state.first = []
            state.second = []
            DoubleKernels.update(rule: optimizer.rule, learningRate: optimizer.learningRate, step: state.step,
                                 parameters: &parameters, gradient: unsafeBitCast(g, to: [Double].self), first: &first, second: &second)
            state.first = unsafeBitCast(first, to: [T].self)
            state.second = unsafeBitCast(second, to: [T].self)
            model.parameters = unsafeBitCast(parameters, to: [T].self)
            return
        }
        let eta = T(optimizer.learningRate)
        switch optimizer.rule {
        case .plain:
            for i in g.indices { model.parameters[i] -= eta * g[i] }
        case let .momentum(beta):
            let b = T(beta)
            for i in g.indices {
                state.first[i] = b * state.first[i] + g[i]
                model.parameters[i] -= eta * state.first[i]
            }
        case let .adam(beta1, beta2, epsilon):
            let b1 = T(beta1), b2 = T(beta2), e = T(epsilon)
            let c1 = 1 - T.pow(b1, state.step)
            let c2 = 1 - T.pow(b2, state.step)
            for i in g.indices {
                state.first[i] = b1 * state.first[i] + (1 - b1) * g[i]
                state.second[i] = b2 * state.second[i] + (1 - b2) * g[i] * g[i]
                let mHat = state.first[i] / c1
                let vHat = state.second[i] / c2
                model.parameters[i] -= eta * mHat / (vHat.squareRoot() + e)
            }
        }
    }

    private func softThreshold<M: Model>(_ model: inout M, lambda: Double) {
        let threshold = M.Scalar(optimizer.learningRate * lambda)
        if M.Scalar.self == Double.self {
            let indices = model.weightIndices
            var parameters = unsafeBitCast(model.parameters, to: [Double].self)
            model.parameters = []   // so that `parameters` changes in place, not a copy
            DoubleKernels.softThreshold(&parameters, indices: indices, threshold: unsafeBitCast(threshold, to: Double.self))
            model.parameters = unsafeBitCast(parameters, to: [M.Scalar].self)
            return
        }
        for i in model.weightIndices {
            let w = model.parameters[i]
            model.parameters[i] = w > threshold ? w - threshold : (w < -threshold ? w + threshold : 0)
        }
    }

    private func allFinite<T: LossScalar>(_ v: [T]) -> Bool {
        if T.self == Double.self { return DoubleKernels.allFinite(unsafeBitCast(v, to: [Double].self)) }
        return v.allSatisfy { $0.isFinite }
    }

    private func norm<T: LossScalar>(_ v: [T]) -> T {
        if T.self == Double.self { return unsafeBitCast(DoubleKernels.norm(unsafeBitCast(v, to: [Double].self)), to: T.self) }
        // Scaled to avoid overflow of the squares.
        let largest = v.reduce(T(0)) { max($0, $1.magnitude) }
        guard largest > 0, largest.isFinite else { return largest }
        return largest * v.reduce(T(0)) { $0 + ($1 / largest) * ($1 / largest) }.squareRoot()
    }
}

/// Optimiser state: moments and the step count.
struct UpdateState<T: LossScalar> {
    var first: [T]
    var second: [T]
    var step = 0

    init(count: Int) {
        first = Array(repeating: 0, count: count)
        second = Array(repeating: 0, count: count)
    }
}
