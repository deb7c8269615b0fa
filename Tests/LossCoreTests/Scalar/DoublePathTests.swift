import LossCore
import Testing

/// The `Double` paths of penalties, batches and the proximal step (`DoubleKernels`), held to
/// their formulas written out here, bit for bit, and to the `Float` (generic) code's results.
@Suite("Double paths of penalties, batches and the proximal step")
struct DoublePathTests {
    static func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

    /// Weights with zeros of both signs and values either side of them, as a slice that does not
    /// start at index 0 (as the model's weights are a slice of its parameters).
    static func weights(seed: UInt64) -> ArraySlice<Double> {
        var random = Xoshiro256(seed: seed)
        let values: [Double] = [0, -0.0, 1e-300, -1e-300, 3, -3, 1e150] + (0..<200).map { _ in random.uniform(-5, 5) }
        return ([7, 8] + values)[2...]
    }

    @Test("Penalty values: λ times the running sum of |w| or w², in order", arguments: [Penalty.none, .l1(0.3), .l2(0.7)])
    func value(penalty: Penalty) {
        let w = Self.weights(seed: 1)
        var sum = 0.0
        for x in w {
            switch penalty {
            case .none: break
            case .l1: sum = sum + x.magnitude
            case .l2: sum = sum + x * x
            }
        }
        let expected = penalty == .none ? 0 : penalty.lambda * sum
        #expect(Self.same(penalty.value(w), expected))
        // The generic code (Float) agrees to Float's precision on values Float can hold.
        let small = Array(w.filter { $0 == 0 || ($0.magnitude > 1e-30 && $0.magnitude < 1e30) })
        let asFloat = penalty.value(ArraySlice(small.map(Float.init)))
        #expect((Double(asFloat) - penalty.value(ArraySlice(small))).magnitude <= 1e-5 * max(1, penalty.value(ArraySlice(small))))
    }

    @Test("Penalty gradients: sign(w)·λ (0 at ±0) or 2λw, added to what is there", arguments: [Penalty.none, .l1(0.3), .l2(0.7)])
    func gradient(penalty: Penalty) {
        let w = Self.weights(seed: 2)
        var random = Xoshiro256(seed: 3)
        let start = (0..<(w.count + 5)).map { _ in random.uniform(-1, 1) }
        var gradient = start[5...]
        penalty.addGradient(w, to: &gradient)
        #expect(gradient.startIndex == 5 && gradient.count == w.count)
        for (k, (g, x)) in zip(gradient, w).enumerated() {
            let before = start[5 + k]
            let expected: Double
            switch penalty {
            case .none: expected = before
            case let .l1(l): expected = before + (x > 0 ? l : (x < 0 ? -l : 0))
            case let .l2(l): expected = before + 2 * l * x
            }
            #expect(Self.same(g, expected), "\(penalty) at w = \(x)")
        }
        // The generic code (Float) agrees to Float's precision where Float holds the weight.
        let representable = { (x: Double) in x == 0 || (x.magnitude > 1e-30 && x.magnitude < 1e30) }
        var floats = ArraySlice(start[5...].map(Float.init))
        penalty.addGradient(ArraySlice(w.map { Float(representable($0) ? $0 : 0) }), to: &floats)
        let moderate = zip(floats, zip(gradient, w)).filter { representable($0.1.1) }
        #expect(moderate.allSatisfy { (Double($0.0) - $0.1.0).magnitude <= 1e-5 * max(1, $0.1.0.magnitude) })
    }

    @Test("Batch(rows:) lays rows out one after the other, and names the first ragged row, for Double and Float alike")
    func rows() throws {
        let nested: [[Double]] = [[1, -0.0, .infinity], [4, 5, 6], [.nan, 8, 9]]
        let batch = try Batch(rows: nested)
        #expect(batch.rows == 3 && batch.columns == 3)
        #expect(zip(batch.values, nested.flatMap { $0 }).allSatisfy { Self.same($0, $1) })
        let floats = try Batch(rows: nested.map { $0.map(Float.init) })
        #expect(floats.rows == 3 && floats.columns == 3 && zip(floats.values, batch.values).allSatisfy { Self.same(Double($0), $1) })
        let empty = try Batch<Double>(rows: [])
        #expect(empty.rows == 0 && empty.columns == 0 && empty.values.isEmpty)
        let emptyRows = try Batch<Double>(rows: [[], []])
        #expect(emptyRows.rows == 2 && emptyRows.columns == 0)
        for ragged in [[[1.0, 2], [3, 4], [5]], [[1.0], [2, 3]]] as [[[Double]]] {
            let index = ragged.firstIndex { $0.count != ragged[0].count }!
            let expected = LossError.shapeMismatch(argument: "p[\(index)]", expected: "\(ragged[0].count) elements (as row 0)", found: "\(ragged[index].count)")
            #expect(throws: expected) { try Batch(rows: ragged, argument: "p") }
            #expect(throws: expected) { try Batch(rows: ragged.map { $0.map(Float.init) }, argument: "p") }
        }
    }

    @Test("The proximal L1 step on Doubles: one plain full-batch step, then each weight moves ηλ towards 0 and stops there; biases untouched")
    func softThreshold() throws {
        // Feature 0 is always 0, so its weight's loss gradient is 0 and the step leaves it at
        // 0.004, within ηλ = 0.05 of zero.
        let inputs = try Batch(rows: [[0.0, 0.5, -2], [0, -1, 0.3], [0, 1, 1], [0, 0.1, 0.4]])
        let targets = Batch([1.0, -0.5, 2, 0.3])
        let start = [0.004, -0.3, 0.9, 0.25]   // three weights and the bias
        let eta = 0.1, lambda = 0.5
        var model = LinearRegression<Double>(features: 3)
        model.parameters = start
        let objective = try Objective(loss: MeanSquaredError(), penalty: .l1(lambda), inputs: inputs, targets: targets, model: model)
        let gradient = objective.valueAndGradient(model, includePenaltyGradient: false).gradient
        _ = Trainer(optimizer: try Optimizer(learningRate: eta, proximalL1: true), stopping: StoppingRule(maxSteps: 1, tolerance: 0))
            .train(&model, on: objective)
        let threshold = eta * lambda
        for i in 0..<4 {
            let stepped = start[i] - eta * gradient[i]
            let expected = i == 3 ? stepped : (stepped > threshold ? stepped - threshold : (stepped < -threshold ? stepped + threshold : 0))
            #expect(Self.same(model.parameters[i], expected), "parameter \(i)")
        }
        #expect(model.parameters[0] == 0, "a weight within ηλ of zero lands on zero")
    }

    @Test("softmaxRows on Doubles: each row shifted by its first maximum, exponentiated, divided by the running sum")
    func softmax() throws {
        var random = Xoshiro256(seed: 4)
        let special: [Double] = [0, -0.0, 700, 700, -800, 1e-300, 3, -3, 40, 40.5, -1e5, 2]
        let values = special + (0..<(4 * 60)).map { _ in random.uniform(-30, 30) }
        let z = try Batch(rows: values.count / 4, columns: 4, values: values)
        let s = SoftmaxRegression<Double>.softmaxRows(z)
        #expect(s.rows == z.rows && s.columns == 4)
        for i in 0..<z.rows {
            let row = Array(z.row(i))
            let largest = row.max()!
            var total = 0.0
            var expected: [Double] = []
            for x in row {
                expected.append(Double.exp(x - largest))
                total += expected.last!
            }
            for k in 0..<4 {
                #expect(Self.same(s[i, k], expected[k] / total), "row \(i), column \(k)")
            }
        }
        let floats = SoftmaxRegression<Float>.softmaxRows(try Batch(rows: z.rows, columns: 4, values: values.map(Float.init)))
        #expect(zip(floats.values, s.values).allSatisfy { (Double($0) - $1).magnitude <= 1e-5 })
        let empty = try Batch<Double>(rows: 3, columns: 0, values: [])
        #expect(SoftmaxRegression<Double>.softmaxRows(empty) == empty)
    }
}
