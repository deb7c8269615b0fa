import LossCore
import NotebookRuntime
import Plotting

// snippet.fit
/// Fits price = slope · size + intercept by minimising `loss`, with Adam: a fast run, then a
/// careful one, the same routine for every loss.
func fitLine<L: Loss>(_ data: RegressionData<Double>, _ loss: L) throws -> LinearRegression<Double> {
    try fitLine(inputs: data.inputs, targets: data.targets, loss)
}

func fitLine<L: Loss>(inputs: Batch<Double>, targets: Batch<Double>, _ loss: L) throws -> LinearRegression<Double> {
    var model = LinearRegression<Double>(features: 1)
    for rate in [2.0, 0.05] {
        let trainer = Trainer(optimizer: try .adam(learningRate: rate),
                              stopping: StoppingRule(maxSteps: 3000, tolerance: 0, risingSteps: 3000))
        model = try trainer.fit(model, loss: loss, inputs: inputs, targets: targets).model
    }
    return model
}
// snippet.end

// snippet.compare
let losses: [(name: String, loss: any Loss)] = [
    ("MSE", MeanSquaredError()), ("MAE", MeanAbsoluteError()), ("Huber", try Huber(delta: 20)),
]
let outlierCounts = [0, 1, 5, 20]
var slopes: [String: [Double]] = [:]
var fits: [String: LinearRegression<Double>] = [:]
for outliers in outlierCounts {
    let houses = try RegressionData<Double>.housePrices(count: 50, outliers: outliers, seed: 7)
    for (name, loss) in losses {
        let model = try fitLine(houses, loss)
        slopes[name, default: []].append(model.weights[0])
        if outliers == 20 { fits[name] = model }
    }
}
@MainActor func shift(_ name: String, _ i: Int) -> Double { slopes[name]![i] - slopes[name]![0] }
show(table: ["outliers", "MSE slope", "MAE slope", "Huber slope", "MSE moved", "MAE moved", "Huber moved"],
     rows: outlierCounts.indices.map { i in
         ["\(outlierCounts[i])"] + losses.map { rounded(slopes[$0.name]![i]) } + losses.map { rounded(shift($0.name, i)) }
     })
// snippet.end

// snippet.plot
let houses = try RegressionData<Double>.housePrices(count: 50, outliers: 20, seed: 7)
let sizes = houses.inputs.values, prices = houses.targets.values
let clean = Array(0..<50), bad = houses.outlierIndices
show(Figure(Panel(
    title: "50 houses and 20 outliers: three fitted lines",
    x: Axis("size (100 m²)"), y: Axis("price (thousands)"),
    series: [
        Series("houses", kind: .scatter, x: clean.map { sizes[$0] }, y: clean.map { prices[$0] }),
        Series("outliers", kind: .scatter, x: bad.map { sizes[$0] }, y: bad.map { prices[$0] }),
    ] + losses.map { name, _ in
        let line = fits[name]!
        return Series("\(name) fit", x: [0.4, 3.1], y: [0.4, 3.1].map { line.weights[0] * $0 + line.bias })
    })))
// snippet.end

// snippet.influence
let residuals = stride(from: -60.0, through: 60.0, by: 0.5).map { $0 }
show(Figure(Panel(
    title: "Influence ψ(r) = L'(r): how hard one residual pulls",
    x: Axis("residual r (thousands)"), y: Axis("ψ(r)"),
    series: losses.map { name, loss in
        let pointwise = loss as! any ResidualLoss
        return Series(name, x: residuals, y: Influence.values(pointwise, at: residuals))
    })))
// snippet.end

// snippet.checks
check(losses.allSatisfy { abs(slopes[$0.name]![0] - slopes["MSE"]![0]) < 0.01 * slopes["MSE"]![0] },
      "without outliers the three slopes agree within 1%")
for i in 1..<outlierCounts.count {
    check(abs(shift("MSE", i)) > abs(shift("MAE", i)) && abs(shift("MSE", i)) > abs(shift("Huber", i)),
          "with \(outlierCounts[i]) outliers, the MSE fit's slope moves most")
}
check(!Influence.isBounded(MeanSquaredError()), "MSE's influence keeps growing: ψ at r = 10⁶ is larger than at 10³")
let atSmallHouses = [0.75]
@MainActor func price(_ name: String) -> Double { fits[name]!.predict(Batch(atSmallHouses)).values[0] }
check(price("MSE") > price("MAE") + 50 && price("MSE") > price("Huber") + 50,
      "at 75 m², among the outliers, the MSE line runs far above the MAE and Huber lines")
let huber = try Huber(delta: 20)
check(Influence.isBounded(MeanAbsoluteError()) && Influence.isBounded(huber),
      "MAE's and Huber's influence stops growing: ψ at r = 10⁶ is no larger than at 10³")
check(slopes["MSE"]![3] < 0, "with 20 outliers the MSE line slopes downwards")
check(["MAE", "Huber"].allSatisfy { abs(slopes[$0]![3] - slopes[$0]![0]) < 0.1 * slopes[$0]![0] },
      "with 20 outliers the MAE and Huber slopes stay within 10% of their slopes without outliers")
record("clean_slope", slopes["MSE"]![0])
record("mse_slope_20", slopes["MSE"]![3])
record("mse_moved_1", shift("MSE", 1))
record("mae_slope_20", slopes["MAE"]![3])
record("huber_slope_20", slopes["Huber"]![3])
// snippet.end

// snippet.heldout
// Judge the fits made with 20 outliers on 200 new houses they never saw, drawn the same way.
let unseen = try RegressionData<Double>.housePrices(count: 200, seed: 99)
func rootMeanSquareError(_ model: LinearRegression<Double>) -> Double {
    let errors = zip(model.predict(unseen.inputs).values, unseen.targets.values).map { $0 - $1 }
    return (errors.map { $0 * $0 }.reduce(0, +) / Double(errors.count)).squareRoot()
}
let heldOut = losses.map { rootMeanSquareError(fits[$0.name]!) }
show(table: ["fitted with 20 outliers by", "error on 200 unseen houses (RMSE, thousands)"],
     rows: losses.indices.map { [losses[$0].name, rounded(heldOut[$0])] })
check(heldOut[1] < 0.5 * heldOut[0] && heldOut[2] < 0.5 * heldOut[0],
      "on unseen houses the MAE and Huber fits err less than half as much as the MSE fit")
record("rmse_mse", heldOut[0])
record("rmse_mae", heldOut[1])
record("rmse_huber", heldOut[2])
// snippet.end

// snippet.leverage
// Five mislabelled mansions: sizes far beyond every other house (10, that is 1,000 m²), with
// the price of an ordinary one (300 thousand). Their residuals are large, and so are their sizes.
let honestHouses = try RegressionData<Double>.housePrices(count: 50, seed: 7)
let withMansions = (inputs: Batch(honestHouses.inputs.values + Array(repeating: 10.0, count: 5)),
                    targets: Batch(honestHouses.targets.values + Array(repeating: 300.0, count: 5)))
var leverageSlopes: [Double] = []
for (_, loss) in losses {
    leverageSlopes.append(try fitLine(inputs: withMansions.inputs, targets: withMansions.targets, loss).weights[0])
}
show(table: ["loss", "slope without outliers", "slope with 5 mansions"], rows: losses.indices.map { i in
    [losses[i].name, rounded(slopes[losses[i].name]![0]), rounded(leverageSlopes[i])]
})
check(losses.indices.allSatisfy { leverageSlopes[$0] < 0.5 * slopes[losses[$0].name]![0] },
      "five points with extreme sizes drag every line, MAE's and Huber's too: each slope falls below half its value without them")
check(leverageSlopes[1] < leverageSlopes[0] && leverageSlopes[2] < leverageSlopes[0], "... the robust lines even further than MSE's")
let mansionRatio = 10 / honestHouses.inputs.values.max()!
record("mansion_ratio", mansionRatio)
record("leverage_mse", leverageSlopes[0])
record("leverage_mae", leverageSlopes[1])
record("leverage_huber", leverageSlopes[2])
// snippet.end

// snippet.hide
func rounded(_ x: Double) -> String {
    let tenths = (x * 10).rounded() / 10
    return tenths == 0 ? "0.0" : "\(tenths)"
}
