/// A classification data set: inputs (one row per sample) and integer class labels.
public struct ClassificationData<T: LossScalar>: Sendable, Equatable {
    /// The inputs, n x features.
    public let inputs: Batch<T>
    /// The class of each sample, in 0..<classes.
    public let labels: [Int]
    /// The number of classes.
    public let classes: Int

    /// The labels as a column of 0/1 targets (for binary losses).
    public var binaryTargets: Batch<T> { Batch(labels.map { T($0) }) }

    /// The labels as one-hot rows.
    public var oneHotTargets: Batch<T> {
        // Labels are in range by construction.
        (try? SparseCategoricalCrossentropy.oneHot(labels, classes: classes))
            ?? Batch(zerosRows: labels.count, columns: classes)
    }
}

extension ClassificationData {
    /// Gaussian blobs: `counts[k]` samples of class k around `centers[k]`, each coordinate with
    /// standard deviation `spread`. Unequal counts make an imbalanced problem.
    /// - Throws: ``LossError`` when centers and counts differ in number, centers differ in
    ///   dimension, a count is negative, or `spread` is not positive.
    public static func blobs(
        centers: [[Double]], counts: [Int], spread: Double = 1, seed: UInt64 = 1
    ) throws -> Self {
        guard !centers.isEmpty else { throw LossError.empty(argument: "centers") }
        guard counts.count == centers.count else {
            throw LossError.shapeMismatch(
                argument: "counts", expected: "\(centers.count) counts (one per center)", found: "\(counts.count)")
        }
        let dimension = centers[0].count
        guard dimension > 0 else { throw LossError.empty(argument: "centers[0]") }
        for (k, center) in centers.enumerated() where center.count != dimension {
            throw LossError.shapeMismatch(
                argument: "centers[\(k)]", expected: "\(dimension) coordinates", found: "\(center.count)")
        }
        for (k, count) in counts.enumerated() where count < 0 {
            throw LossError.invalidParameter(name: "counts[\(k)]", value: "\(count)", expected: "an integer >= 0")
        }
        _ = try requirePositive(spread, name: "spread")
        var random = Xoshiro256(seed: seed)
        var values: [T] = []
        var labels: [Int] = []
        for (k, center) in centers.enumerated() {
            for _ in 0..<counts[k] {
                for c in center { values.append(T(random.normal(mean: c, standardDeviation: spread))) }
                labels.append(k)
            }
        }
        let inputs = Batch(unchecked: labels.count, columns: dimension, values: values)
        return ClassificationData(inputs: inputs, labels: labels, classes: centers.count)
    }
}
