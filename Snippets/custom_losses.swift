import Foundation
import LossCore
import NotebookRuntime
import Plotting

// snippet.wrapper
/// Squared error that charges `overPenalty` times more for predicting too high: the Swift form of
/// TensorFlow's `def custom_loss_wrapper(param): def loss(y_true, y_pred): ...; return loss`.
/// Only the formula is written; its slope is derived.
let asymmetric = LossFamily(name: "asymmetric squared error") { (overPenalty: Double, r: Dual2) in
    r > 0 ? overPenalty * r * r : r * r
}
let balanced = try asymmetric(1)
let cautious = try asymmetric(9)
// snippet.end

// snippet.gradcheck
let points = stride(from: -3.0, through: 3.0, by: 0.1).map { $0 }.filter { abs($0) > 1e-9 }
check(GradientCheck.loss(cautious, target: 0, predictions: points).passes(), "the derived slope matches finite differences")
check(points.allSatisfy { abs(cautious.derivative(residual: $0) - ($0 > 0 ? 18 * $0 : 2 * $0)) <= 1e-12 * abs(18 * $0) },
      "the derived slope is 18r above zero and 2r below, as differentiating by hand gives")
// snippet.end

// snippet.dual
// A dual number a + bε, with ε² = 0, carries a value a and a slope b through every operation.
let x = Dual(3.0, derivative: 1)   // the variable x at 3: its slope is 1
let square = x * x                 // (3 + ε)² = 9 + 6ε + ε² = 9 + 6ε
print("x² at x = 3: value \(square.value), slope \(square.derivative)")
check(square.value == 9 && square.derivative == 6, "squaring the dual 3 + ε gives 9 + 6ε: the value 9 and the slope 2·3")
// snippet.end

// snippet.derived
// log cosh(r), differentiated by carrying duals through log and cosh: its slope is tanh(r).
let rs = stride(from: -4.0, through: 4.0, by: 0.05).map { $0 }
let logCosh = CustomLoss(name: "log-cosh", formula: { r in log(cosh(r)) })
let derivedSlopes = rs.map { logCosh.derivative(residual: $0) }
let differenceSlopes = rs.map { r in (Foundation.log(Foundation.cosh(r + 1e-5)) - Foundation.log(Foundation.cosh(r - 1e-5))) / 2e-5 }
show(Figure(Panel(title: "log cosh(r) and its derived slope", x: Axis("residual r"), series: [
    Series("log cosh(r)", x: rs, y: rs.map { logCosh.value(residual: $0) }),
    Series("derived slope", x: rs, y: derivedSlopes),
])))
let derivedError = zip(rs, derivedSlopes).map { abs($1 - Foundation.tanh($0)) }.max()!
let differenceError = zip(rs, differenceSlopes).map { abs($1 - Foundation.tanh($0)) }.max()!
check(derivedError <= 1e-15, "the derived slope equals tanh(r) to rounding at all 161 points")
check(differenceError > 1000 * max(derivedError, 1e-17), "central differences miss tanh(r) by over a thousand times more")
let curvatureError = rs.map { abs(logCosh.secondDerivative(residual: $0)! - (1 - Foundation.tanh($0) * Foundation.tanh($0))) }.max()!
check(curvatureError <= 1e-14, "a dual of duals gives the curvature 1 − tanh²(r) too")
let pinball = CustomLoss(name: "pinball", formula: { r in r > 0 ? 0.7 * r : -0.3 * r })
let mae = CustomLoss(name: "mae", formula: { r in abs(r) })
check(mae.derivative(residual: 0.0) == 0 && pinball.derivative(residual: 0.0) == -0.3,
      "at a kink the derived slope is the branch taken's: 0 for |r| at 0, the left slope −0.3 for r > 0 ? 0.7r : −0.3r")
record("derived_error", derivedError)
record("difference_error", differenceError)
// snippet.end

// snippet.fit
let houses = try RegressionData<Double>.housePrices(count: 80, seed: 3)
func fit<L: Loss>(_ loss: L) throws -> LinearRegression<Double> {
    var model = LinearRegression<Double>(features: 1)
    for rate in [2.0, 0.05] {
        model = try Trainer(optimizer: try .adam(learningRate: rate), stopping: StoppingRule(maxSteps: 3000, tolerance: 0, risingSteps: 3000))
            .fit(model, loss: loss, inputs: houses.inputs, targets: houses.targets).model
    }
    return model
}
var rows: [[String]] = []
var overShares: [Double] = []
var slopes: [Double] = [], intercepts: [Double] = []
var lines: [Series] = []
for penalty in [1.0, 3.0, 9.0] {
    let model = try fit(try asymmetric(penalty))
    let residuals = zip(model.predict(houses.inputs).values, houses.targets.values).map { $0 - $1 }
    let over = Double(residuals.filter { $0 > 0 }.count) / Double(residuals.count)
    overShares.append(over)
    slopes.append(model.weights[0])
    intercepts.append(model.bias)
    rows.append(["\(penalty)", "\((model.weights[0] * 10).rounded() / 10)", "\((model.bias * 10).rounded() / 10)", "\(Int((over * 100).rounded()))%"])
    lines.append(Series("over-penalty \(Int(penalty))", x: [0.4, 3.1], y: [0.4, 3.1].map { model.weights[0] * $0 + model.bias }))
}
show(table: ["over-penalty", "slope", "intercept", "houses over-predicted"], rows: rows)
show(Figure(Panel(title: "Penalising over-prediction pushes the line down", x: Axis("size (100 m²)"), y: Axis("price (thousands)"),
    series: [Series("houses", kind: .scatter, x: houses.inputs.values, y: houses.targets.values)] + lines)))
check(overShares[0] > overShares[1] && overShares[1] > overShares[2], "the larger the over-penalty, the fewer houses the line over-predicts")
check(slopes.allSatisfy { abs($0 - slopes[0]) < 0.02 * slopes[0] } && intercepts[0] > intercepts[1] && intercepts[1] > intercepts[2],
      "the slope hardly changes (within 2%); the line moves down")
record("over_share_1", overShares[0] * 100)
record("over_share_9", overShares[2] * 100)
// snippet.end

// snippet.constant
// The seed article's wrapper returns the squared error plus `param`: a constant in the loss.
let plusParam = LossFamily(name: "squared error + param") { (param: Double, r: Dual2) in r * r + param }
let withZero = try fit(try plusParam(0)), withFive = try fit(try plusParam(5))
check(withZero.weights == withFive.weights && withZero.bias == withFive.bias,
      "adding param = 5 as a constant leaves the fitted line exactly as it is: a constant has slope 0")
// snippet.end

// snippet.expectile
// What the cautious fit balances: at its optimum the bias's gradient is 0, so the over-predictions,
// weighted 9, add up to the under-predictions.
let cautiousFit = try fit(cautious)
let cautiousResiduals = zip(cautiousFit.predict(houses.inputs).values, houses.targets.values).map { $0 - $1 }
let overSum = cautiousResiduals.filter { $0 > 0 }.reduce(0, +), underSum = -cautiousResiduals.filter { $0 < 0 }.reduce(0, +)
check(abs(9 * overSum - underSum) <= 0.01 * underSum, "at the cautious fit, 9 × the over-predictions add up to the under-predictions (within 1%)")
// The pinball (quantile) loss with the same asymmetry: over-prediction costs 1 − τ = 9τ, so τ = 0.1.
let pinballFit = try fit(try Quantile(tau: 0.1))
let pinballResiduals = zip(pinballFit.predict(houses.inputs).values, houses.targets.values).map { $0 - $1 }
let pinballOver = Double(pinballResiduals.filter { $0 > 0 }.count) / Double(pinballResiduals.count)
show(table: ["loss, over-prediction costing 9×", "houses over-predicted", "estimates"], rows: [
    ["asymmetric squared error", "\(Int((overShares[2] * 100).rounded()))%", "an expectile"],
    ["pinball, τ = 0.1", "\(Int((pinballOver * 100).rounded()))%", "the 10% quantile"],
])
check(abs(pinballOver - 0.1) <= 0.05, "the pinball fit over-predicts about 10% of the houses (within 5 points): the 10% quantile")
check(overShares[2] > pinballOver + 0.1, "the asymmetric squared error over-predicts over 10 points more: it does not estimate the 10% quantile")
record("over_share_pinball", pinballOver * 100)
// snippet.end

// snippet.imbalance
let data = try ClassificationData<Double>.blobs(centers: [[0, 0], [1.6, 1.6]], counts: [450, 50], spread: 1, seed: 4)
let minority = Double(data.labels.filter { $0 == 1 }.count), majority = Double(data.labels.count) - minority
let weights = data.labels.map { $0 == 1 ? majority / minority : 1 }
func classifier(_ sampleWeight: [Double]?) throws -> LogisticRegression<Double> {
    try Trainer(optimizer: try .gradientDescent(learningRate: 0.5), stopping: StoppingRule(maxSteps: 2000, tolerance: 1e-12))
        .fit(LogisticRegression<Double>(features: 2), loss: try BinaryCrossentropy(fromLogits: true),
             inputs: data.inputs, targets: data.binaryTargets, sampleWeight: sampleWeight).model
}
let plain = try classifier(nil), weighted = try classifier(weights)
// Judged on 500 new samples drawn the same way, which the classifiers never saw.
let unseen = try ClassificationData<Double>.blobs(centers: [[0, 0], [1.6, 1.6]], counts: [450, 50], spread: 1, seed: 5)
func report(_ model: LogisticRegression<Double>) throws -> [Double] {
    let predicted = model.classify(unseen.inputs)
    return [try Metrics.recall(predicted: predicted, labels: unseen.labels, positive: 1),
            try Metrics.recall(predicted: predicted, labels: unseen.labels, positive: 0),
            try Metrics.accuracy(predicted: predicted, labels: unseen.labels)]
}
let before = try report(plain), after = try report(weighted)
show(table: ["training loss", "minority recall", "majority recall", "accuracy (unseen samples)"], rows: [
    ["cross-entropy"] + before.map { "\(Int(($0 * 100).rounded()))%" },
    ["class-weighted cross-entropy (×\(Int(majority / minority)) for the minority)"] + after.map { "\(Int(($0 * 100).rounded()))%" },
])
check(after[0] > before[0] + 0.2, "class weights raise the minority class's recall by more than 20 points")
check(after[2] < before[2], "... at the cost of some overall accuracy")
record("recall_before", before[0] * 100)
record("recall_after", after[0] * 100)
record("accuracy_before", before[2] * 100)
record("accuracy_after", after[2] * 100)
record("weight", majority / minority)
// snippet.end

// snippet.explore
let ratio = (majority / minority).rounded()
let minorityWeights = [1, 2, 4, ratio, 2 * ratio]
let sweptModels = try minorityWeights.map { w in try classifier(data.labels.map { $0 == 1 ? w : 1 }) }
let sweptReports = try sweptModels.map(report)
let coordinates = data.inputs.values
func cloud(_ label: Int, _ name: String) -> Series {
    let rows = data.labels.indices.filter { data.labels[$0] == label }
    return Series(name, kind: .scatter, x: rows.map { coordinates[2 * $0] }, y: rows.map { coordinates[2 * $0 + 1] })
}
show(sweep: "minority weight", values: minorityWeights, initial: ratio) { w in
    let k = minorityWeights.firstIndex(of: w)!
    let p = sweptModels[k].parameters
    // The boundary p₀x₁ + p₁x₂ + b = 0, where the predicted probability is ½.
    let boundary = Series("decision boundary", x: [-3, 4.5], y: [-3, 4.5].map { -(p[0] * $0 + p[2]) / p[1] })
    let figure = Figure(Panel(title: "Where the classifier draws the line", x: Axis("x₁", lower: -3, upper: 4.5), y: Axis("x₂", lower: -3, upper: 4.5),
                              series: [cloud(0, "majority"), cloud(1, "minority"), boundary]))
    let r = sweptReports[k].map { Int(($0 * 100).rounded()) }
    return (figure, "minority recall \(r[0])%, majority recall \(r[1])%, accuracy \(r[2])%")
}
check(zip(sweptReports, sweptReports.dropFirst()).allSatisfy { $1[0] >= $0[0] }, "the minority recall never falls as its weight grows")
check(zip(sweptReports, sweptReports.dropFirst()).allSatisfy { $1[1] <= $0[1] }, "... and the majority recall never rises")
// snippet.end
