/// Maps hinge labels as Keras does: if every label is 0 or 1 they become -1 and 1; otherwise
/// every label must already be -1 or 1.
func hingeLabels<T: LossScalar>(_ target: Batch<T>) throws -> Batch<T> {
    if target.values.allSatisfy({ $0 == 0 || $0 == 1 }) {
        var mapped = target
        for index in mapped.values.indices {
            mapped.values[index] = 2 * mapped.values[index] - 1
        }
        return mapped
    }
    if let index = target.values.firstIndex(where: { $0 != -1 && $0 != 1 }) {
        throw LossError.outOfRange(
            argument: "y_true", index: index, value: "\(target.values[index])",
            expected: "hinge labels, all in {-1, 1} or all in {0, 1}")
    }
    return target
}
