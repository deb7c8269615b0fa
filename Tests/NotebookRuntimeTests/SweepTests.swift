import Foundation
import NotebookRuntime
import Plotting
import Testing

@Suite("Sweeps: a figure per parameter value")
struct SweepTests {
    func parabola(_ a: Double) -> Figure {
        let x = stride(from: -2.0, through: 2.0, by: 0.5).map { $0 }
        return Figure(Panel(title: "a x²", x: Axis("x"), y: Axis("y"), series: [Series("a x²", x: x, y: x.map { a * $0 * $0 })]))
    }

    @Test("Frames are drawn for every value, the initial one found, captions kept")
    func frames() throws {
        let sweep = try #require(Sweep(parameter: "a", values: [0.5, 1, 2], initial: 1, sharedAxes: false) { (self.parabola($0), "a = \($0)") })
        #expect(sweep.frames.count == 3 && sweep.initial == 1)
        #expect(sweep.frames[2] == parabola(2))
        #expect(sweep.captions == ["a = 0.5", "a = 1.0", "a = 2.0"])
        #expect(sweep.label(0) == "a = 0.5" && sweep.label(1) == "a = 1")
        #expect(Sweep(parameter: "a", values: [0.5, 1], initial: 3, sharedAxes: true) { (self.parabola($0), "") } == nil)
        #expect(Sweep(parameter: "a", values: [], initial: 1, sharedAxes: true) { (self.parabola($0), "") } == nil)
        let round = try JSONDecoder().decode(Sweep.self, from: JSONEncoder().encode(sweep))
        #expect(round == sweep)
    }

    @Test("A sweep whose parts do not fit together is refused when read")
    func badEvents() throws {
        let frame = parabola(1)
        let good = Sweep(parameter: "a", values: [1, 2], initial: 1, frames: [frame, frame], captions: ["", ""])
        let json = String(decoding: try JSONEncoder().encode(good), as: UTF8.self)
        #expect(try JSONDecoder().decode(Sweep.self, from: Data(json.utf8)) == good)
        for bad in [json.replacingOccurrences(of: "\"initial\":1", with: "\"initial\":2"),
                    json.replacingOccurrences(of: "\"values\":[1,2]", with: "\"values\":[1]"),
                    json.replacingOccurrences(of: "\"captions\":[\"\",\"\"]", with: "\"captions\":[]")] {
            #expect(bad != json)
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(Sweep.self, from: Data(bad.utf8)) }
        }
    }

    @Test("Shared axes: every frame gets the union of the ranges fitted to each; fixed ranges stay")
    func sharedAxes() throws {
        let sweep = try #require(Sweep(parameter: "a", values: [0.5, 2], initial: 0.5, sharedAxes: true) { (self.parabola($0), "") })
        let small = PreparedPanel(sweep.frames[0].panels[0]), large = PreparedPanel(sweep.frames[1].panels[0])
        #expect(small.y.lower == large.y.lower && small.y.upper == large.y.upper && small.x.upper == large.x.upper)
        #expect(small.y.upper >= 8, "the range covers the largest frame (2 · 2² = 8)")
        let alone = PreparedPanel(parabola(0.5).panels[0])
        #expect(alone.y.upper < 8, "without sharing, the small frame fits its own data")
        let high = Figure(Panel(series: [Series(x: [1, 2], y: [10, 14])]))
        let empty = Figure(Panel(series: [Series(x: [.nan], y: [.nan])]))
        let shared = Figure.sharingAxes([high, empty])
        #expect(shared[0].panels[0].y.lower == PreparedPanel(high.panels[0]).y.lower, "a frame with nothing to draw does not widen the range")
        #expect(shared[0].panels[0].y.lower! > 5)
        var fixed = parabola(1)
        fixed.panels[0].y.upper = 100
        #expect(Figure.sharingAxes([fixed, parabola(2)])[0].panels[0].y.upper == 100)
    }

    @Test("By hand: the initial frame as a text plot, its caption and the values")
    func byHand() throws {
        let sweep = try #require(Sweep(parameter: "δ", values: [0.25, 1, 4], initial: 1, sharedAxes: true) { (self.parabola($0), "caption \($0)") })
        let text = sweep.text(unicode: false)
        #expect(text.contains("a x²"))
        #expect(text.contains("caption 1.0\n"))
        #expect(text.hasSuffix("δ = 1 of δ ∈ {0.25, 1, 4}: the page and `notebook walk` step through them\n"))
        #expect(Sweep.format(1e-6) == "1e-06" && Sweep.format(2) == "2" && Sweep.format(0.5) == "0.5")
    }
}
