import Foundation
import Testing
import LossCLI
import LossCore

/// One case of Fixtures/keras-reference.json, written by Keras itself (see generate_keras_reference.py).
struct KerasCase: Decodable, CustomTestStringConvertible {
    let name: String
    let source: String
    let y_true: JSONNumbers
    let y_pred: JSONNumbers
    let reduction: String
    let sample_weight: [Double]?
    let options: Options
    let loss: JSONNumbers
    let gradient: JSONNumbers

    struct Options: Decodable {
        let from_logits: Bool?
        let delta: Double?
        let label_smoothing: Double?
    }

    var testDescription: String { "\(name) \(reduction) \(source)" }

    static func all() throws -> [KerasCase] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/keras-reference.json")
        struct File: Decodable { let cases: [KerasCase] }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }

    /// The request `notebook loss` gets for this case. Keras clips KL inputs to [1e-7, 1]; our
    /// default is the exact divergence, so the comparison asks for Keras's epsilon.
    var request: LossRequest {
        LossRequest(
            name: LossName(rawValue: name)!, yTrue: y_true.json, yPred: y_pred.json,
            delta: options.delta, fromLogits: options.from_logits ?? false,
            labelSmoothing: options.label_smoothing, epsilon: name == "kl-divergence" ? 1e-7 : nil,
            reduction: Reduction(rawValue: reduction)!,
            sampleWeight: sample_weight.map { JSONNumbers.vector($0).json })
    }
}

/// A number, or nested arrays of numbers, as JSON holds them.
indirect enum JSONNumbers: Decodable {
    case number(Double)
    case vector([Double])
    case matrix([[Double]])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let vector = try? container.decode([Double].self) {
            self = .vector(vector)
        } else {
            self = .matrix(try container.decode([[Double]].self))
        }
    }

    var flat: [Double] {
        switch self {
        case let .number(x): return [x]
        case let .vector(v): return v
        case let .matrix(m): return m.flatMap { $0 }
        }
    }

    var json: String {
        switch self {
        case let .number(x): return "\(x)"
        case let .vector(v): return "[" + v.map { "\($0)" }.joined(separator: ",") + "]"
        case let .matrix(m): return "[" + m.map { JSONNumbers.vector($0).json }.joined(separator: ",") + "]"
        }
    }
}

/// Relative agreement to `tolerance`; exact zeros must be (nearly) zero.
func agrees(_ ours: [Double], _ theirs: [Double], tolerance: Double = 1e-6) -> Bool {
    ours.count == theirs.count
        && zip(ours, theirs).allSatisfy { a, b in a == b || abs(a - b) <= tolerance * abs(b) || abs(a - b) <= 1e-12 }
}

@Suite("notebook loss against Keras")
struct KerasReferenceTests {
    @Test("Loss and gradient match Keras 3 to 1e-6 relative", arguments: try KerasCase.all())
    func matchesKeras(_ reference: KerasCase) throws {
        let report = try LossCalculator.evaluate(reference.request)
        let loss: [Double]
        switch report.loss {
        case let .scalar(x): loss = [x]
        case let .perSample(values): loss = values
        }
        #expect(agrees(loss, reference.loss.flat), "loss \(loss) vs Keras \(reference.loss.flat)")
        // At a kink (|r| = 0 for MAE, a margin of exactly 1 for hinge) any subgradient is right:
        // LossCore returns the midpoint (TensorFlow's and PyTorch's sign(0) = 0), JAX a one-sided
        // one. Those elements are compared by the unit tests of the convention instead.
        let kinks = try kinkMask(reference)
        let gradient = report.gradient.flatMap { $0 }
        let ours = zip(gradient, kinks).filter { !$0.1 }.map(\.0)
        let theirs = zip(reference.gradient.flat, kinks).filter { !$0.1 }.map(\.0)
        #expect(agrees(ours, theirs), "gradient \(gradient) vs Keras \(reference.gradient.flat)")
    }

    @Test("The fixture covers every Keras loss name, with the documentation's examples")
    func coverage() throws {
        let cases = try KerasCase.all()
        let kerasNames = Set(LossName.allCases.map(\.rawValue)).subtracting(["quantile", "pseudo-huber"])
        #expect(Set(cases.map(\.name)) == kerasNames)
        #expect(Set(cases.filter { $0.source == "keras.io example" }.map(\.name)) == kerasNames)
        #expect(Set(cases.map(\.reduction)) == ["mean", "sum", "none"])
    }

    /// The numbers printed in Keras's documentation, to the digits printed there.
    @Test("The documentation's printed values", arguments: [
        ("mse", "[[0.,1.],[0.,0.]]", "[[1.,1.],[1.,0.]]", 0.5, false),
        ("mae", "[[0.,1.],[0.,0.]]", "[[1.,1.],[1.,0.]]", 0.5, false),
        ("huber", "[[0,1],[0,0]]", "[[0.6,0.4],[0.4,0.6]]", 0.155, false),
        ("log-cosh", "[[0.,1.],[0.,0.]]", "[[1.,1.],[0.,0.]]", 0.108, false),
        ("binary-crossentropy", "[0,1,0,0]", "[-18.6,0.51,2.94,-12.8]", 0.865, true),
        ("categorical-crossentropy", "[[0,1,0],[0,0,1]]", "[[0.05,0.95,0],[0.1,0.8,0.1]]", 1.177, false),
        ("sparse-categorical-crossentropy", "[1,2]", "[[0.05,0.95,0],[0.1,0.8,0.1]]", 1.177, false),
        ("hinge", "[[0.,1.],[0.,0.]]", "[[0.6,0.4],[0.4,0.6]]", 1.3, false),
        ("squared-hinge", "[[0.,1.],[0.,0.]]", "[[0.6,0.4],[0.4,0.6]]", 1.86, false),
        ("kl-divergence", "[[0,1],[0,0]]", "[[0.6,0.4],[0.4,0.6]]", 0.458, false),
    ])
    func documented(name: String, yTrue: String, yPred: String, printed: Double, logits: Bool) throws {
        let report = try LossCalculator.evaluate(
            LossRequest(name: LossName(rawValue: name)!, yTrue: yTrue, yPred: yPred, fromLogits: logits))
        guard case let .scalar(value) = report.loss else {
            Issue.record("expected a scalar")
            return
        }
        #expect(abs(value - printed) <= 0.0005, "\(name): \(value) does not round to \(printed)")
    }

    @Test("Quantile and pseudo-Huber (not in Keras) against hand-derived references")
    func handDerived() throws {
        // Pinball, tau 0.1, TF Addons' example: 0.475. Gradient of the mean: r = pred - true =
        // [1, 1, 0, -1] gives [0.9, 0.9, (1 - 0.2)/2, -0.1] / 4.
        let quantile = try LossCalculator.evaluate(
            LossRequest(name: .quantile, yTrue: "[0,0,1,1]", yPred: "[1,1,1,0]", tau: 0.1))
        #expect(agrees([value(quantile)], [0.475], tolerance: 1e-15))
        #expect(agrees(quantile.gradient[0], [0.225, 0.225, 0.1, -0.025], tolerance: 1e-15))
        // Pseudo-Huber, delta 1, residuals 1 and -2: (√2 - 1 + √5 - 1) / 2.
        let pseudo = try LossCalculator.evaluate(LossRequest(name: .pseudoHuber, yTrue: "[0,2]", yPred: "[1,0]"))
        #expect(agrees([value(pseudo)], [(2.0.squareRoot() + 5.0.squareRoot() - 2) / 2], tolerance: 1e-15))
        #expect(agrees(pseudo.gradient[0], [1 / 2.0.squareRoot() / 2, -2 / 5.0.squareRoot() / 2], tolerance: 1e-15))
        let scaled = try LossCalculator.evaluate(LossRequest(name: .pseudoHuber, yTrue: "[0]", yPred: "[3]", delta: 2))
        // 4(√(1 + 2.25) - 1)
        #expect(agrees([value(scaled)], [4 * (3.25.squareRoot() - 1)], tolerance: 1e-15))
    }

    /// Which elements of y_pred sit where the loss has no second derivative (a kink).
    func kinkMask(_ reference: KerasCase) throws -> [Bool] {
        let targets = reference.y_true.flat
        let predictions = reference.y_pred.flat
        guard targets.count == predictions.count else { return predictions.map { _ in false } }
        let hingeLabels = targets.allSatisfy { $0 == 0 || $0 == 1 } ? targets.map { 2 * $0 - 1 } : targets
        return zip(targets.indices, predictions).map { index, p in
            switch reference.name {
            case "mae": return p == targets[index]
            case "hinge", "squared-hinge": return hingeLabels[index] * p == 1
            default: return false
            }
        }
    }

    func value(_ report: LossReport) -> Double {
        if case let .scalar(x) = report.loss { return x }
        return .nan
    }
}
