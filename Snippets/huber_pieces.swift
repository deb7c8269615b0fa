import LossCore
import NotebookRuntime
import Plotting

// snippet.hide
let delta = 1.0
// snippet.show
// snippet.define
let huber = try! Huber(delta: delta)
let residuals = stride(from: -3.0, through: 3.0, by: 0.025).map { $0 }
// snippet.end

// snippet.plot
func panel(_ title: String, _ f: (Double) -> Double) -> Panel {
    Panel(title: title, x: Axis("residual r"),
          series: [Series(title, x: residuals, y: residuals.map(f))],
          referenceLines: [.vertical(-delta, label: "-δ"), .vertical(delta, label: "δ")],
          showsLegend: false)
}
show(Figure(title: "Huber loss, δ = \(delta)", panels: [
    panel("L(r)") { huber.value(residual: $0) },
    panel("L'(r)") { huber.derivative(residual: $0) },
    panel("L''(r)") { huber.secondDerivative(residual: $0) ?? .nan },
], columns: 3))
// snippet.end

let atDelta = SmoothnessReport.of(huber, at: delta)
print("At r = δ: \(atDelta)")
check(atDelta.order == 1, "Huber is C¹ but not C² at r = δ")
record("jump", atDelta.secondDerivativeJump)
show(table: ["r", "L(r)", "L'(r)"], rows: [-2.0, -0.5, 0, 0.5, 2].map { r in
    [r, huber.value(residual: r), huber.derivative(residual: r)]
})
