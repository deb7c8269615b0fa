/// A regression data set: inputs (one row per sample) and targets (one column).
public struct RegressionData<T: LossScalar>: Sendable, Equatable {
    /// The inputs, n x features.
    public let inputs: Batch<T>
    /// The targets, n x 1.
    public let targets: Batch<T>
    /// Which rows are the planted outliers.
    public let outlierIndices: [Int]
}

extension RegressionData {
    /// House-price-like data: price (thousands) ≈ 50 + 150 · size (100 m²) + noise, with
    /// `outliers` extra houses whose prices are wildly off (data-entry errors, a mansion).
    ///
    /// The clean houses depend only on `count` and `seed`, so data sets with 0, 1, 5 or 20
    /// outliers share them and differ only by the outliers appended at the end.
    /// - Throws: ``LossError/invalidParameter(name:value:expected:)`` for `count < 2` or `outliers < 0`.
    public static func housePrices(count: Int = 50, outliers: Int = 0, seed: UInt64 = 1) throws -> Self {
        guard count >= 2 else {
            throw LossError.invalidParameter(name: "count", value: "\(count)", expected: "an integer >= 2")
        }
        guard outliers >= 0 else {
            throw LossError.invalidParameter(name: "outliers", value: "\(outliers)", expected: "an integer >= 0")
        }
        var clean = Xoshiro256(seed: seed)
        var sizes: [T] = []
        var prices: [T] = []
        for _ in 0..<count {
            let size = clean.uniform(0.5, 3.0)
            sizes.append(T(size))
            prices.append(T(50 + 150 * size + clean.normal(standardDeviation: 15)))
        }
        // A second stream, so adding outliers never changes the clean houses.
        var noisy = Xoshiro256(seed: seed ^ 0x5EED_0F_0D_D17)
        for _ in 0..<outliers {
            let size = noisy.uniform(0.5, 1.5)
            sizes.append(T(size))
            prices.append(T(50 + 150 * size + noisy.uniform(600, 900)))
        }
        return RegressionData(
            inputs: Batch(sizes), targets: Batch(prices), outlierIndices: Array(count..<(count + outliers)))
    }
}
