import Testing
import LossCLI
import LossCore

@Suite("notebook loss: parsing, shapes, options and errors")
struct LossCalculatorTests {
    func message(_ request: LossRequest) -> String? {
        do {
            _ = try LossCalculator.evaluate(request)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("JSON output is one object; 1-D gradients print 1-D, 2-D print 2-D")
    func jsonOutput() throws {
        let flat = try LossCalculator.evaluate(LossRequest(name: .mse, yTrue: "[1, 2]", yPred: "[2, 2]"))
        #expect(flat.json == #"{"loss": 0.5, "gradient": [1.0, 0.0]}"#)
        #expect(flat.text == "loss: 0.5\ngradient: [1.0, 0.0]")
        let none = try LossCalculator.evaluate(
            LossRequest(name: .mae, yTrue: "[[1, 2]]", yPred: "[[2, 2]]", reduction: .none))
        #expect(none.json == #"{"loss": [0.5], "gradient": [[0.5, 0.0]]}"#)
        let infinite = try LossCalculator.evaluate(
            LossRequest(name: .klDivergence, yTrue: "[0.5, 0.5]", yPred: "[1, 0]"))
        #expect(infinite.json == #"{"loss": "Infinity", "gradient": [-0.5, "-Infinity"]}"#)
    }

    @Test("Python-style numbers from Keras's docs are accepted")
    func pythonNumbers() throws {
        let report = try LossCalculator.evaluate(LossRequest(name: .mse, yTrue: "[0., .5]", yPred: "[1., 1e0]"))
        #expect(report.loss == .scalar(0.625))
    }

    @Test("Sample weights: one per row; mean divides by the number of samples")
    func sampleWeights() throws {
        let report = try LossCalculator.evaluate(
            LossRequest(name: .mse, yTrue: "[[0, 1], [0, 0]]", yPred: "[[1, 1], [1, 0]]", sampleWeight: "[0.7, 0.3]"))
        #expect(report.loss == .scalar(0.25))
        #expect(message(LossRequest(name: .mse, yTrue: "[1]", yPred: "[1]", sampleWeight: "[1, 2]"))
            == "sample_weight: expected 1 weights (one per sample), found 2")
        #expect(message(LossRequest(name: .mse, yTrue: "[1]", yPred: "[1]", sampleWeight: "[[1]]"))
            == "sample_weight: expected a 1-D array, one weight per sample")
    }

    @Test("Class weights and epsilon reach the loss")
    func options() throws {
        let weighted = try LossCalculator.evaluate(LossRequest(
            name: .sparseCategoricalCrossentropy, yTrue: "[1]", yPred: "[[0, 0]]", fromLogits: true, classWeights: "[1, 3]"))
        #expect(weighted.loss == .scalar(3 * 0.6931471805599453))
        #expect(message(LossRequest(name: .categoricalCrossentropy, yTrue: "[[0,1]]", yPred: "[[0.5,0.5]]", classWeights: "[1]"))
            == "class_weights: expected 2 weights (one per class), found 1")
    }

    @Test("Errors are one line and name the argument", arguments: [
        (LossRequest(name: .mse, yTrue: "[1", yPred: "[1]"), "y_true: expected ',' or ']' at character 3 of '[1'"),
        (LossRequest(name: .mse, yTrue: "[1]", yPred: "{}"), "y_pred: expected a finite number at character 1 of '{}'"),
        (LossRequest(name: .mse, yTrue: "[]", yPred: "[1]"), "y_true: the array is empty"),
        (LossRequest(name: .mse, yTrue: "[[1,2],[3]]", yPred: "[[1,2],[3,4]]"), "y_true[1]: has 1 element; expected 2, as row 0 has"),
        (LossRequest(name: .mse, yTrue: "[1, 2]", yPred: "[[1, 2]]"), "y_true: is 1-D but y_pred is 2-D; give both the same shape"),
        (LossRequest(name: .mse, yTrue: "[1, 2]", yPred: "[1]"), "y_true: expected 1 x 1 (the shape of y_pred), found 2 x 1"),
        (LossRequest(name: .mse, yTrue: "[1]", yPred: "[1]", delta: 2), "--delta does not apply to mse; it is for huber, pseudo-huber"),
        (LossRequest(name: .huber, yTrue: "[1]", yPred: "[1]", delta: 0), "delta: 0.0 is invalid; expected a finite number > 0"),
        (LossRequest(name: .quantile, yTrue: "[1]", yPred: "[1]", tau: 1.5), "tau: 1.5 is invalid; expected a number in (0.0, 1.0)"),
        (LossRequest(name: .hinge, yTrue: "[1]", yPred: "[1]", fromLogits: true), "--from-logits does not apply to hinge; it is for binary-crossentropy, categorical-crossentropy, sparse-categorical-crossentropy"),
        (LossRequest(name: .binaryCrossentropy, yTrue: "[1]", yPred: "[1.5]"), "y_pred[0]: 1.5 is out of range; expected a probability in [0, 1]"),
        (LossRequest(name: .sparseCategoricalCrossentropy, yTrue: "[1.5]", yPred: "[[1, 0]]"), "y_true[0]: 1.5 is not a class index; expected an integer"),
        (LossRequest(name: .sparseCategoricalCrossentropy, yTrue: "[2]", yPred: "[[1, 0]]"), "y_true[0]: 2 is out of range; expected a class index in 0..<2"),
        (LossRequest(name: .hinge, yTrue: "[2]", yPred: "[0.5]"), "y_true[0]: 2.0 is out of range; expected hinge labels, all in {-1, 1} or all in {0, 1}"),
    ])
    func errors(request: LossRequest, expected: String) {
        let text = message(request)
        #expect(text == expected)
        #expect(text?.contains("\n") == false)
    }

    @Test("An unknown name suggests the closest one")
    func unknownName() {
        #expect(throws: CLIError.self) { try LossName.parse("hubr") }
        do {
            _ = try LossName.parse("kl")
        } catch {
            #expect(error.description.hasPrefix("unknown loss 'kl'; did you mean "))
        }
        #expect((try? LossName.parse("Huber")) == .huber)
    }
}
