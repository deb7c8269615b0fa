import Plotting

/// The figures the golden tests draw: one of each kind the notebooks need.
enum Figures {
    static let delta = 1.0

    static func huber(_ r: Double) -> Double { abs(r) <= delta ? r * r / 2 : delta * (abs(r) - delta / 2) }
    static func huberPrime(_ r: Double) -> Double { max(-delta, min(delta, r)) }
    static func huberSecond(_ r: Double) -> Double { abs(r) < delta ? 1 : 0 }

    /// Huber's loss, derivative and second derivative side by side, with ±δ marked.
    static var huberSmallMultiple: Figure {
        let marks: [ReferenceLine] = [.vertical(-delta, label: "-δ"), .vertical(delta, label: "δ")]
        func panel(_ title: String, _ f: @escaping (Double) -> Double, _ ylabel: String) -> Panel {
            Panel(title: title, x: Axis("r"), y: Axis(ylabel),
                  series: [Series(title, sampling: f, over: -3...3, count: 241)], referenceLines: marks, showsLegend: false)
        }
        return Figure(title: "Huber loss (δ = 1)", panels: [
            panel("L(r)", huber, "loss"), panel("L'(r)", huberPrime, "slope"), panel("L''(r)", huberSecond, "curvature"),
        ], columns: 3)
    }

    /// Three losses over the residual, with a legend.
    static var lossComparison: Figure {
        Figure(Panel(title: "Losses over the residual", x: Axis("residual r"), y: Axis("loss"), series: [
            Series("MSE", sampling: { $0 * $0 }, over: -3...3),
            Series("MAE", sampling: { abs($0) }, over: -3...3),
            Series("Huber", sampling: huber, over: -3...3),
        ], annotations: [Annotation(x: 0, y: 0, text: "minimum")]))
    }

    /// Scattered points and fitted lines.
    static var scatterFit: Figure {
        let xs = (0..<20).map { Double($0) / 4 }
        let ys = xs.map { 1 + 2 * $0 + ($0.truncatingRemainder(dividingBy: 1) - 0.5) }
        return Figure(Panel(title: "Fit", x: Axis("size"), y: Axis("price"), series: [
            Series("houses", kind: .scatter, x: xs + [1.2], y: ys + [30]),
            Series("MSE fit", x: [0, 5], y: [2, 13]),
            Series("Huber fit", x: [0, 5], y: [1, 11]),
        ]))
    }

    /// A training curve on a log axis, with a step series.
    static var trainingCurve: Figure {
        let loss = (0..<60).map { 10 * pow(0.8, Double($0)) }
        return Figure(Panel(title: "Training", x: Axis("step"), y: Axis("loss", scale: .log), series: [
            Series("gradient descent", y: loss),
            Series("theory", kind: .step, x: (0..<12).map { Double($0 * 5) }, y: (0..<12).map { 10 * pow(0.75, Double($0 * 5)) }),
        ], referenceLines: [.horizontal(1e-3, label: "tolerance")]))
    }

    /// A loss surface with a gradient-descent path.
    static var surface: Figure {
        let f: (Double, Double) -> Double = { w, b in (w - 1) * (w - 1) + 3 * (b + 0.5) * (b + 0.5) }
        var path: [(Double, Double)] = [(-2, 1.5)]
        for _ in 0..<15 {
            let (w, b) = path.last!
            path.append((w - 0.1 * 2 * (w - 1), b - 0.1 * 6 * (b + 0.5)))
        }
        return Figure(Panel(title: "Loss surface", x: Axis("w"), y: Axis("b"),
            series: [Series("η = 0.1", x: path.map(\.0), y: path.map(\.1))],
            heatMap: HeatMap(sampling: f, x: -2.5...3, y: -2...2, resolution: 40, label: "loss")))
    }
}

func pow(_ x: Double, _ y: Double) -> Double {
    var result = 1.0
    for _ in 0..<Int(y) { result *= x }
    return result
}
