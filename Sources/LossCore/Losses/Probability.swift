import RealModule

/// Keras's default clipping epsilon for losses on probabilities (`keras.config.epsilon()`).
public let kerasEpsilon: Double = 1e-7

/// Checks that every element lies in [0, 1], or throws naming `argument` and the index.
func requireProbabilities<T: LossScalar>(_ values: [T], argument: String) throws {
    if let index = firstIndex(of: values, failing: { $0 >= 0 && $0 <= 1 }) {
        throw LossError.outOfRange(
            argument: argument, index: index, value: "\(values[index])", expected: "a probability in [0, 1]")
    }
}

/// Checks that every element is finite (logits may be any finite number), or throws.
func requireFinite<T: LossScalar>(_ values: [T], argument: String) throws {
    if let index = firstIndex(of: values, failing: { $0.isFinite }) {
        throw LossError.outOfRange(
            argument: argument, index: index, value: "\(values[index])", expected: "a finite number")
    }
}

/// The index of the first element that fails `test`. An index loop rather than
/// `firstIndex(where:)`: the input checks run on every call from a snippet, which a debug build
/// would otherwise send through the standard library's unspecialised collection code.
func firstIndex<T: LossScalar>(of values: [T], failing test: (T) -> Bool) -> Int? {
    var index = 0
    while index < values.count {
        if !test(values[index]) { return index }
        index += 1
    }
    return nil
}

/// The logistic sigmoid 1 / (1 + e^-z), computed without overflow for any z.
@inlinable
public func sigmoid<T: LossScalar>(_ z: T) -> T {
    if z >= 0 {
        return 1 / (1 + T.exp(-z))
    }
    let e = T.exp(z)
    return e / (1 + e)
}

/// log(1 + e^z), computed without overflow: max(z, 0) + log1p(e^-|z|).
@inlinable
public func softplus<T: LossScalar>(_ z: T) -> T {
    max(z, 0) + T.log(onePlus: T.exp(-z.magnitude))
}
