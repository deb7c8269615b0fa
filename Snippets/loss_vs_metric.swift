import LossCore
import NotebookRuntime
import Plotting

// snippet.loss
let houses = try RegressionData<Double>.housePrices(count: 40, seed: 1)
let model = LinearRegression<Double>(weights: [120], bias: 40)
let predictions = model.predict(houses.inputs)
let mse = try MeanSquaredError().evaluate(target: houses.targets, prediction: predictions)
print("MSE of this line: \(mse.value)")
print("its gradient with respect to the first three predictions: \(mse.gradient.values.prefix(3).map { ($0 * 1000).rounded() / 1000 })")
let tooLow = zip(predictions.values, houses.targets.values).map { $0 < $1 }
check(zip(tooLow, mse.gradient.values).allSatisfy { low, slope in low ? slope < 0 : slope >= 0 },
      "the gradient is negative exactly where the line predicts too low")
// snippet.end

// snippet.train
let conditioning = try LeastSquaresConditioning(inputs: houses.inputs)
let trainer = Trainer(optimizer: try .gradientDescent(learningRate: 1 / conditioning.smoothness),
                      stopping: StoppingRule(maxSteps: 20_000, tolerance: 1e-14))
let (fitted, history) = try trainer.fit(LinearRegression<Double>(features: 1), loss: MeanSquaredError(),
                                         inputs: houses.inputs, targets: houses.targets)
func mae(_ parameters: [Double]) throws -> Double {
    try Metrics.meanAbsoluteError(predicted: LinearRegression(weights: [parameters[0]], bias: parameters[1]).predict(houses.inputs).values,
                                  targets: houses.targets.values)
}
let maeCurve = try history.parameters.map(mae)
show(Figure(Panel(title: "Training with MSE, reporting MAE", x: Axis("step"), y: Axis("value", scale: .log), series: [
    Series("loss: MSE (thousands²)", y: history.losses), Series("metric: MAE (thousands)", y: maeCurve),
])))
// snippet.end

// snippet.metric
let (maeFit, _) = try Trainer(optimizer: try .adam(learningRate: 2), stopping: StoppingRule(maxSteps: 4000, tolerance: 0, risingSteps: 4000))
    .fit(LinearRegression<Double>(features: 1), loss: MeanAbsoluteError(), inputs: houses.inputs, targets: houses.targets)
let (maeFine, _) = try Trainer(optimizer: try .adam(learningRate: 0.02), stopping: StoppingRule(maxSteps: 4000, tolerance: 0, risingSteps: 4000))
    .fit(maeFit, loss: MeanAbsoluteError(), inputs: houses.inputs, targets: houses.targets)
let maeOfMSEFit = try mae(fitted.parameters), maeOfMAEFit = try mae(maeFine.parameters)
let r2 = try Metrics.rSquared(predicted: fitted.predict(houses.inputs).values, targets: houses.targets.values)
show(table: ["model", "MSE (training loss)", "MAE (thousands)"], rows: [
    ["trained on MSE", "\((history.losses.last! * 10).rounded() / 10)", "\((maeOfMSEFit * 100).rounded() / 100)"],
    ["trained on MAE", "\((MeanSquaredError().evaluateUnchecked(target: houses.targets, prediction: maeFine.predict(houses.inputs)).value * 10).rounded() / 10)", "\((maeOfMAEFit * 100).rounded() / 100)"],
])
check(history.losses.last! < history.losses.first!, "training lowered the loss")
check(maeCurve.last! < maeCurve.first!, "... and the metric we report went down with it")
check(history.gradientNorms.last! < 1e-3, "at the end the MSE gradient is (nearly) zero: the optimiser is done")
check(maeOfMAEFit < maeOfMSEFit, "yet the MSE-trained line does not have the smallest MAE: optimising one number is not optimising another")
record("mae_mse_fit", maeOfMSEFit)
record("mae_mae_fit", maeOfMAEFit)
record("mse_final", history.losses.last!)
record("r2", r2)
// The number to report: the MSE-trained line's MAE on 200 houses it never saw.
let unseen = try RegressionData<Double>.housePrices(count: 200, seed: 2)
let unseenMAE = try Metrics.meanAbsoluteError(predicted: fitted.predict(unseen.inputs).values, targets: unseen.targets.values)
check(unseenMAE > 0 && abs(unseenMAE - maeOfMSEFit) < 0.5 * maeOfMSEFit, "on 200 unseen houses its MAE is within 50% of the training MAE")
record("mae_unseen", unseenMAE)
// snippet.end
