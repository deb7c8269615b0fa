import Testing
import LossCore

@Suite("Seeded generators and data sets")
struct DataTests {
    @Test("SplitMix64 and xoshiro256** match their reference implementations")
    func referenceStreams() {
        // SplitMix64 from seed 0: the first output published with the algorithm.
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
        var splitmix = SplitMix64(seed: 42)
        #expect(splitmix.next() == 0xBDD7_3226_2FEB_6E95)
        #expect(splitmix.next() == 0x28EF_E333_B266_F103)
        // xoshiro256** seeded by SplitMix64(42), computed by an independent Python transcription.
        var xoshiro = Xoshiro256(seed: 42)
        #expect(xoshiro.next() == 0x1578_0B2E_0C2E_C716)
        #expect(xoshiro.next() == 0x6104_D986_6D11_3A7E)
        #expect(xoshiro.next() == 0xAE17_5332_39E4_99A1)
    }

    @Test("Uniform, integer and normal draws stay in range and have the right moments")
    func distributions() {
        var random = Xoshiro256(seed: 5)
        let units = (0..<20_000).map { _ in random.nextUnit() }
        #expect(units.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(units.reduce(0, +) / 20_000 - 0.5) < 0.01)
        let ints = (0..<10_000).map { _ in random.nextInt(below: 7) }
        #expect(Set(ints) == Set(0..<7))
        let normals = (0..<20_000).map { _ in random.normal() }
        let mean = normals.reduce(0, +) / 20_000
        let variance = normals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 20_000
        #expect(abs(mean) < 0.03)
        #expect(abs(variance - 1) < 0.05)
        var items = Array(0..<50)
        random.shuffle(&items)
        #expect(items.sorted() == Array(0..<50))
        #expect(items != Array(0..<50))
    }

    @Test("normal(count:) gives the draws that as many normal() calls give, in order, and leaves the generator where they would")
    func normalBatch() {
        var one = Xoshiro256(seed: 9), many = Xoshiro256(seed: 9)
        let singles = (0..<101).map { _ in one.normal(mean: 1.5, standardDeviation: 3) }
        #expect(many.normal(count: 101, mean: 1.5, standardDeviation: 3) == singles)
        #expect(many.next() == one.next())
        #expect(many.normal(count: 0).isEmpty && many.normal(count: -3).isEmpty)
        #expect(many.next() == one.next(), "no draws for an empty count")
    }

    @Test("House prices: same seed same data; outliers are appended to the same clean houses")
    func housePrices() throws {
        let a = try RegressionData<Double>.housePrices(count: 30, outliers: 0, seed: 3)
        let b = try RegressionData<Double>.housePrices(count: 30, outliers: 0, seed: 3)
        #expect(a == b)
        let c = try RegressionData<Double>.housePrices(count: 30, outliers: 5, seed: 3)
        #expect(Array(c.targets.values.prefix(30)) == a.targets.values)
        #expect(c.outlierIndices == Array(30..<35))
        #expect(c.targets.rows == 35)
        for i in c.outlierIndices {
            #expect(c.targets.values[i] > 50 + 150 * c.inputs.values[i] + 500)
        }
        let other = try RegressionData<Double>.housePrices(count: 30, seed: 4)
        #expect(other != a)
        #expect(throws: LossError.self) { try RegressionData<Double>.housePrices(count: 1) }
        #expect(throws: LossError.self) { try RegressionData<Double>.housePrices(outliers: -1) }
    }

    @Test("Blobs: counts per class, imbalance, and errors")
    func blobs() throws {
        let data = try ClassificationData<Float>.blobs(centers: [[0, 0], [5, 5]], counts: [90, 10], seed: 1)
        #expect(data.labels.filter { $0 == 1 }.count == 10)
        #expect(data.inputs.rows == 100 && data.inputs.columns == 2)
        #expect(data.oneHotTargets.row(95) == [0, 1])
        #expect(data.binaryTargets.values.last == 1)
        #expect(errorText { try ClassificationData<Double>.blobs(centers: [[0], [1, 2]], counts: [1, 1]) }
            == "centers[1]: expected 1 coordinates, found 2")
        #expect(throws: LossError.self) { try ClassificationData<Double>.blobs(centers: [[0]], counts: [1, 2]) }
    }
}
