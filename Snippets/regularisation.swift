import LossCore
import NotebookRuntime
import Plotting

// snippet.data
// 10 features, only the first two matter; 40 samples to train on, 200 to validate.
func makeData(_ count: Int, seed: UInt64) -> (Batch<Double>, Batch<Double>) {
    var random = Xoshiro256(seed: seed)
    var x: [Double] = [], y: [Double] = []
    for _ in 0..<count {
        let row = (0..<10).map { _ in random.normal() }
        x += row
        y.append(3 * row[0] - 2 * row[1] + random.normal(standardDeviation: 1.5))
    }
    return (try! Batch(rows: count, columns: 10, values: x), Batch(y))
}
let (trainX, trainY) = makeData(40, seed: 1)
let (validX, validY) = makeData(200, seed: 2)
// snippet.end

// snippet.fit
func fit(_ penalty: Penalty) throws -> LinearRegression<Double> {
    let proximal: Bool
    if case .l1 = penalty { proximal = true } else { proximal = false }
    return try Trainer(optimizer: try Optimizer(learningRate: 0.1, proximalL1: proximal),
                       stopping: StoppingRule(maxSteps: 20_000, tolerance: 1e-13))
        .fit(LinearRegression<Double>(features: 10), loss: MeanSquaredError(), penalty: penalty, inputs: trainX, targets: trainY).model
}
func mse(_ model: LinearRegression<Double>, _ x: Batch<Double>, _ y: Batch<Double>) -> Double {
    MeanSquaredError().evaluateUnchecked(target: y, prediction: model.predict(x)).value
}
let lambdas = [0.0, 0.01, 0.03, 0.1, 0.3, 1, 3]
let lasso = try lambdas.map { try fit(.l1($0)) }
let ridge = try lambdas.map { try fit(.l2($0)) }
// snippet.end

// snippet.paths
let shownLambdas = Array(lambdas.dropFirst())
func path(_ models: [LinearRegression<Double>], _ title: String) -> Panel {
    Panel(title: title, x: Axis("λ", scale: .log), y: Axis("weight"),
          series: (0..<10).map { j in Series(j < 2 ? "w\(j + 1) (matters)" : (j == 2 ? "w3…w10 (noise)" : ""), x: shownLambdas, y: models.dropFirst().map { $0.weights[j] }) },
          referenceLines: [.horizontal(0)])
}
show(Figure(title: "Weights as the penalty grows", panels: [path(lasso, "L1 (lasso)"), path(ridge, "L2 (ridge)")], columns: 2))
let zerosL1 = lasso.map { $0.weights.filter { $0 == 0 }.count }
let zerosL2 = ridge.map { $0.weights.filter { $0 == 0 }.count }
show(table: ["λ", "L1: weights exactly 0", "L2: weights exactly 0"], rows: lambdas.indices.map { ["\(lambdas[$0])", "\(zerosL1[$0])", "\(zerosL2[$0])"] })
// snippet.end

// snippet.explore
let features = (1...10).map(Double.init)
show(sweep: "λ", values: lambdas, initial: 0.1) { lambda in
    let k = lambdas.firstIndex(of: lambda)!
    let figure = Figure(Panel(title: "The ten weights at one λ", x: Axis("feature", lower: 0.5, upper: 10.5), y: Axis("weight"),
        series: [Series("L1 (lasso)", kind: .scatter, x: features, y: lasso[k].weights),
                 Series("L2 (ridge)", kind: .scatter, x: features, y: ridge[k].weights)],
        referenceLines: [.horizontal(0)]))
    return (figure, "L1 sets \(zerosL1[k]) of 10 weights exactly to 0, L2 \(zerosL2[k])")
}
// snippet.end

// snippet.curves
show(Figure(Panel(title: "Training and validation loss against λ (L2)", x: Axis("λ", scale: .log), y: Axis("MSE"),
    series: [Series("training", x: shownLambdas, y: ridge.dropFirst().map { mse($0, trainX, trainY) }),
             Series("validation", x: shownLambdas, y: ridge.dropFirst().map { mse($0, validX, validY) })],
    referenceLines: [.horizontal(mse(ridge[0], validX, validY), label: "validation at λ = 0")])))
let validation = ridge.map { mse($0, validX, validY) }
let training = ridge.map { mse($0, trainX, trainY) }
let bestIndex = validation.indices.min { validation[$0] < validation[$1] }!
// snippet.end

// snippet.checks
check(lasso[5].weights[2...].filter { $0 == 0 }.count >= 6, "at λ = 1, L1 sets at least 6 of the 8 noise weights exactly to 0")
check(lasso[5].weights[0] != 0 && lasso[5].weights[1] != 0, "... and keeps the two weights that matter")
check(zip(zerosL1, zerosL1.dropFirst()).allSatisfy { $0 <= $1 }, "along the λ tried, L1 switches off more weights, never fewer")
check(lasso[6].weights[1] == 0, "at λ = 3, L1 switches off w2 as well: too strong a penalty")
check(zerosL2.allSatisfy { $0 == 0 }, "L2 sets no weight exactly to 0 at any λ tried")
check(ridge.contains { $0.weights[5] < 0 } && ridge.contains { $0.weights[5] > 0 },
      "one L2 weight, w6, changes sign along the path: L2 shrinks the weights together, not each one")
check(zip(training, training.dropFirst()).allSatisfy { $0 <= $1 + 1e-12 }, "the training loss only grows with λ")
check(bestIndex > 0 && bestIndex < lambdas.count - 1, "the validation loss is lowest at a moderate λ, neither 0 nor the largest")
let norms = ridge.map { $0.weights.reduce(0) { $0 + $1 * $1 }.squareRoot() }
check(zip(norms, norms.dropFirst()).allSatisfy { $0 >= $1 }, "L2 shrinks the weights' length ‖w‖₂ at every step up in λ")
record("zeros_l1", Double(zerosL1[5]))
record("best_lambda", lambdas[bestIndex])
record("valid_0", validation[0])
record("valid_best", validation[bestIndex])
// snippet.end
