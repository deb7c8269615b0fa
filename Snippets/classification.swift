// snippet.hide
import Foundation
// snippet.show
import LossCore
import NotebookRuntime
import Plotting

// snippet.data
let blobs = try ClassificationData<Double>.blobs(centers: [[-1, -0.5], [1.2, 0.8]], counts: [80, 80], spread: 0.9, seed: 5)
let labels = blobs.binaryTargets
// snippet.end

// snippet.train
func train<L: Loss>(_ loss: L) throws -> (LogisticRegression<Double>, TrainingHistory<Double>) {
    let trainer = Trainer(optimizer: try .gradientDescent(learningRate: 0.5), stopping: StoppingRule(maxSteps: 400, tolerance: 1e-12))
    return try trainer.fit(LogisticRegression<Double>(features: 2, output: .logits), loss: loss, inputs: blobs.inputs, targets: labels)
}
let crossEntropy = try train(try BinaryCrossentropy(fromLogits: true))
let hinge = try train(Hinge())
let squaredHinge = try train(SquaredHinge())
let trained = [("cross-entropy", crossEntropy.0, crossEntropy.1), ("hinge", hinge.0, hinge.1),
               ("squared hinge", squaredHinge.0, squaredHinge.1)]
let accuracies = try trained.map { try Metrics.accuracy(predicted: $0.1.classify(blobs.inputs), labels: blobs.labels) }
show(table: ["loss", "accuracy", "w₁", "w₂", "b", "steps"], rows: zip(trained, accuracies).map { item, accuracy in
    let p = item.1.parameters
    return [item.0, "\(Int((accuracy * 100).rounded()))%"] + p.map { String(format: "%.3f", $0) } + ["\(item.2.steps)"]
})
// snippet.end

// snippet.boundaries
let points0 = (0..<blobs.labels.count).filter { blobs.labels[$0] == 0 }
let points1 = (0..<blobs.labels.count).filter { blobs.labels[$0] == 1 }
func column(_ rows: [Int], _ c: Int) -> [Double] { rows.map { blobs.inputs[$0, c] } }
let xs = [-4.0, 4.0]
show(Figure(Panel(title: "Decision boundaries w·x + b = 0", x: Axis("x₁", lower: -4, upper: 4), y: Axis("x₂", lower: -4, upper: 4),
    series: [
        Series("class 0", kind: .scatter, x: column(points0, 0), y: column(points0, 1)),
        Series("class 1", kind: .scatter, x: column(points1, 0), y: column(points1, 1)),
    ] + trained.map { name, model, _ in
        let p = model.parameters
        return Series(name, x: xs, y: xs.map { -(p[0] * $0 + p[2]) / p[1] })
    })))
check(accuracies.allSatisfy { $0 >= 0.9 }, "each loss classifies the two blobs with at least 90% accuracy")
// Each boundary's direction, the angle of its normal (w₁, w₂), in degrees.
let angles = trained.map { _, model, _ in atan2(model.parameters[1], model.parameters[0]) * 180 / Double.pi }
let boundarySpread = angles.max()! - angles.min()!
check(boundarySpread < 10, "the three boundaries point within 10° of each other")
func weightNorm(_ model: LogisticRegression<Double>) -> Double { (model.parameters[0] * model.parameters[0] + model.parameters[1] * model.parameters[1]).squareRoot() }
check(Hinge().derivative(target: 1.0, prediction: 1.5) == 0, "the hinge stops caring once a sample's margin passes 1")
check(try BinaryCrossentropy(fromLogits: true).derivative(target: 1.0, prediction: 5.0) < 0,
      "cross-entropy still pushes a sample that is right by a margin of 5: its gradient is small but not 0")
check(weightNorm(crossEntropy.0) > weightNorm(hinge.0), "so cross-entropy's weights end larger than the hinge's")
record("boundary_spread", boundarySpread)
record("accuracy_ce", accuracies[0] * 100)
record("accuracy_hinge", accuracies[1] * 100)
// snippet.end

// snippet.overflow
let z = 40.0  // a confident, wrong prediction for a sample of class 0
let p = 1 / (1 + exp(-z))
let naive = -log(1 - p)  // cross-entropy from the probability, as the formula says
let clipped = try BinaryCrossentropy().value(target: 0.0, prediction: p)
let stable = try BinaryCrossentropy(fromLogits: true).value(target: 0.0, prediction: z)
print("σ(40) = \(p)")
print("naive   -log(1 - σ(z)) = \(naive)")
print("clipped (ε = 1e-7)     = \(clipped)")
print("from logits            = \(stable)")
check(p == 1, "σ(40) rounds to exactly 1 in double precision")
check(naive.isInfinite, "so the naive cross-entropy is infinite")
check(abs(stable - 40) < 1e-12, "the logit form gives the exact loss, log(1 + e⁴⁰) ≈ 40")
check(abs(clipped + log(1e-7)) < 1e-6, "clipping keeps it finite but caps it at −log(1e-7) ≈ 16.1")
check(try BinaryCrossentropy().derivative(target: 0.0, prediction: p) == 0, "... and there its gradient is 0: the model cannot learn from this mistake")
check(abs(try BinaryCrossentropy(fromLogits: true).derivative(target: 0.0, prediction: z) - 1) < 1e-12, "from logits the gradient is σ(z) − y ≈ 1: full strength")
record("clipped", clipped)
// snippet.end

// snippet.sigmoid
// The sigmoid's two textbook forms at the extremes (the practice below asks for a stable one).
let zHigh = 1000.0, zLow = -1000.0
check((exp(zHigh) / (1 + exp(zHigh))).isNaN, "e^z/(1 + e^z) is ∞/∞ = NaN at z = 1000")
check(exp(-zLow).isInfinite && 1 / (1 + exp(-zLow)) == 0, "at z = −1000, e^−z overflows to ∞ and 1/(1 + ∞) rounds to 0")
// snippet.end

// snippet.softmax
let three = try ClassificationData<Double>.blobs(centers: [[0, 2], [-2, -1], [2, -1]], counts: [60, 60, 60], spread: 0.8, seed: 8)
let softmaxTrainer = Trainer(optimizer: try .gradientDescent(learningRate: 0.5), stopping: StoppingRule(maxSteps: 300))
let (softmax, softmaxHistory) = try softmaxTrainer.fit(
    SoftmaxRegression<Double>(features: 2, classes: 3), loss: try CategoricalCrossentropy(fromLogits: true),
    inputs: three.inputs, targets: three.oneHotTargets)
let softmaxAccuracy = try Metrics.accuracy(predicted: softmax.classify(three.inputs), labels: three.labels)
show(Figure(Panel(title: "Softmax regression: categorical cross-entropy while training", x: Axis("step"), y: Axis("loss", scale: .log),
    series: [Series("cross-entropy", y: softmaxHistory.losses)])))
check(softmaxAccuracy >= 0.95, "softmax regression classifies the three blobs with at least 95% accuracy")
check(abs(softmaxHistory.losses[0] - log(3)) < 1e-12, "before training (all weights 0) the loss is log 3: a uniform guess")
record("softmax_accuracy", softmaxAccuracy * 100)
record("start_loss", softmaxHistory.losses[0])
// snippet.end
