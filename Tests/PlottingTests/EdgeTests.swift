import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Plotting

/// Parses SVG text as XML; returns the parse error, or nil when it is well formed.
func xmlError(_ text: String) -> String? {
    let parser = XMLParser(data: Data(text.utf8))
    return parser.parse() ? nil : "\(parser.parserError.map { "\($0)" } ?? "unknown") at line \(parser.lineNumber)"
}

@Suite("Edges: odd data never crashes, and the figure says what it dropped")
struct EdgeTests {
    func renderAll(_ figure: Figure) -> (svg: String, ascii: String, unicode: String) {
        (SVGRenderer().render(figure), ASCIIRenderer(mode: .ascii).render(figure), ASCIIRenderer(mode: .unicode).render(figure))
    }

    @Test("Panels side by side wrap onto more rows in a narrow terminal; no line runs past the width")
    func narrowPanels() {
        let panels = (1...3).map { k in Panel(title: "Panel \(k)", series: [Series("s", x: [0, 1, 2, 3], y: [0, Double(k), 1, 2])]) }
        let figure = Figure(title: "Three", panels: panels, columns: 3)
        for width in [30, 40, 60, 66, 72, 80, 120] {
            let text = ASCIIRenderer(width: width, height: 10, mode: .unicode).render(figure)
            let widest = text.split(separator: "\n").map(\.count).max() ?? 0
            #expect(widest <= width, "width \(width): a line of \(widest)")
            // Every panel is drawn, whatever the layout.
            for k in 1...3 { #expect(text.contains("Panel \(k)"), "width \(width)") }
        }
        // Room for three: side by side as asked (the titles share a line).
        let wide = ASCIIRenderer(width: 80, height: 10, mode: .ascii).render(figure)
        #expect(wide.split(separator: "\n").contains { $0.contains("Panel 1") && $0.contains("Panel 3") })
        let narrow = ASCIIRenderer(width: 40, height: 10, mode: .ascii).render(figure)
        #expect(!narrow.split(separator: "\n").contains { $0.contains("Panel 1") && $0.contains("Panel 2") }, "one column at 40")
    }

    @Test("NaN and infinite values are skipped and counted")
    func nonFinite() {
        let figure = Figure(Panel(series: [Series("s", x: [0, 1, 2, 3, 4], y: [1, .nan, 3, .infinity, 2])]))
        let (svg, ascii, _) = renderAll(figure)
        #expect(ascii.contains("Note: 2 NaN or infinite points skipped"))
        #expect(svg.contains("2 NaN or infinite points skipped"))
        #expect(xmlError(svg) == nil)
    }

    @Test("Negative values on a log axis are dropped with a note")
    func logNegative() {
        let figure = Figure(Panel(y: Axis("loss", scale: .log), series: [Series(y: [10, 1, -1, 0, 0.1])]))
        let (svg, ascii, unicode) = renderAll(figure)
        #expect(ascii.contains("2 values <= 0 dropped from the log y axis"))
        #expect(unicode.contains("2 values <= 0 dropped from the log y axis"))
        #expect(xmlError(svg) == nil)
    }

    @Test("Empty series, a single point, all-equal values, huge ranges")
    func degenerate() {
        let figures = [
            Figure(Panel(series: [Series(x: [], y: [])])),
            Figure(Panel(series: [])),
            Figure(Panel(series: [Series("one", x: [3], y: [4])])),
            Figure(Panel(series: [Series("flat", y: [2, 2, 2, 2])])),
            Figure(Panel(x: Axis(scale: .log), y: Axis(scale: .log), series: [Series(x: [1e-300, 1, 1e300], y: [1e300, 1, 1e-300])])),
            Figure(Panel(series: [Series(x: [-1e308, 1e308], y: [-1.7e308, 1.7e308])])),
            Figure(Panel(x: Axis(lower: 5, upper: 1), series: [Series(y: [1, 2])])),
            Figure(Panel(series: [Series(y: [1, 2])], heatMap: HeatMap(x: [0, 1], y: [0, 1], values: [1]))),
            Figure(Panel(heatMap: HeatMap(x: [0, 1], y: [0, 1], values: [.nan, .nan, .nan, .nan]))),
            Figure(Panel(heatMap: HeatMap(x: [0, 1, 2], y: [0, 1], values: [1, 1, 1, 1, 1, 1]))),
            Figure(title: "none", panels: []),
        ]
        for figure in figures {
            let (svg, ascii, unicode) = renderAll(figure)
            #expect(xmlError(svg) == nil, "\(figure)")
            #expect(!ascii.isEmpty && !unicode.isEmpty)
        }
        #expect(renderAll(figures[0]).ascii.contains("no data to draw"))
        #expect(renderAll(figures[7]).ascii.contains("heat map skipped: 1 values do not fill a 2 x 2 grid"))
        #expect(renderAll(figures[8]).ascii.contains("4 heat-map values skipped"))
    }

    @Test("Labels with markup are escaped in SVG")
    func escaping() {
        let figure = Figure(Panel(title: "<script>alert(1)</script>", x: Axis("a & b"), series: [Series("\"q\" <s>", y: [1, 2])],
                                  annotations: [Annotation(x: 0, y: 1, text: "<b>")]))
        let svg = SVGRenderer().render(figure)
        #expect(!svg.contains("<script>"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;"))
        #expect(xmlError(svg) == nil)
    }

    @Test("The SVG is standalone and accessible: viewBox, title, desc, CSS custom properties")
    func svgStructure() {
        let svg = SVGRenderer().render(Figures.lossComparison, id: "a")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("viewBox=\"0 0 720 "))
        #expect(svg.contains("<title id=\"a-title\">Losses over the residual</title>"))
        #expect(svg.contains("<desc id=\"a-desc\">"))
        #expect(svg.contains("aria-labelledby=\"a-title\" aria-describedby=\"a-desc\""))
        #expect(svg.contains("var(--nb-series-1, #0072B2)"))
        #expect(svg.contains("stroke-dasharray:7 4"))
    }

    @Test("The description says what the lines do: lowest point, rises and falls, where they cross")
    func description() {
        let svg = SVGRenderer().render(Figures.lossComparison, id: "a")
        #expect(svg.contains("<title id=\"a-title\">Losses over the residual</title>"))
        #expect(svg.contains("&quot;MSE&quot; falls from 9 to its lowest, 0 at residual r = 0, then rises to 9."))
        #expect(svg.contains("&quot;MSE&quot; and &quot;MAE&quot; cross at residual r ≈ -1, 1."))
        let ramp = Figure(Panel(series: [Series("up", x: [0, 1, 2], y: [1, 2, 3]), Series("down", x: [0, 1, 2], y: [3, 2.5, 2]),
                                         Series("flat", x: [0, 1], y: [4, 4]), Series("wave", x: [0, 1, 2, 3], y: [0, 2, 1, 3])]))
        let text = SVGRenderer().render(ramp, id: "r")
        #expect(text.contains("<title id=\"r-title\">Plot</title>"))
        #expect(text.contains("&quot;up&quot; rises from 1 to 3."))
        #expect(text.contains("&quot;down&quot; falls from 3 to 2."))
        #expect(text.contains("&quot;flat&quot; stays at 4."))
        #expect(text.contains("&quot;wave&quot; starts at 0, is lowest (0) at x = 0 and highest (3) at x = 3, and ends at 3."))
        #expect(text.contains("&quot;up&quot; and &quot;down&quot; cross at x ≈ 1.33."))
    }

    @Test("A title wider than the drawing wraps at spaces")
    func titleWraps() {
        let figure = Figure(title: "Huber loss with δ = 1: value, slope and curvature side by side", panels: [Panel(series: [Series(y: [1, 2])])])
        let narrow = SVGRenderer(width: 340).render(figure, id: "n")
        #expect(narrow.components(separatedBy: "class=\"nbp-title\"").count == 3)
        #expect(narrow.contains(">Huber loss with δ = 1: value, slope</text>"))
        #expect(SVGRenderer().render(figure, id: "w").components(separatedBy: "class=\"nbp-title\"").count == 2)
        #expect(SVGText.wrap("a b", width: 10, fontSize: 15) == ["a b"], "short lines never break below 8 characters")
    }

    @Test("Rendering is deterministic")
    func deterministic() {
        for figure in [Figures.huberSmallMultiple, Figures.surface, Figures.trainingCurve] {
            #expect(SVGRenderer().render(figure) == SVGRenderer().render(figure))
            #expect(ASCIIRenderer(mode: .unicode).render(figure) == ASCIIRenderer(mode: .unicode).render(figure))
        }
    }

    @Test("A 10⁶-point training curve gives a small SVG that keeps every column's extremes")
    func largeInput() {
        var random = 0x9E37_79B9_7F4A_7C15 as UInt64
        let y = (0..<1_000_000).map { i -> Double in
            random = random &* 6364136223846793005 &+ 1442695040888963407
            return 1 / Double(i + 1) + Double(random >> 40) / Double(1 << 24) * 1e-3
        }
        let figure = Figure(Panel(x: Axis("step"), y: Axis("loss", scale: .log), series: [Series("loss", y: y)]))
        let svg = SVGRenderer().render(figure)
        #expect(svg.utf8.count < 200_000, "\(svg.utf8.count) bytes")
        #expect(xmlError(svg) == nil)
        // Decimation keeps each column's minimum and maximum.
        let positions = y.indices.map { Double($0) / Double(y.count - 1) }
        let kept = Decimation.keep(positions: positions, y: y, columns: 600)
        #expect(kept.count <= 4 * 600 + 4)
        var fullMin = [Double](repeating: .infinity, count: 601), fullMax = [Double](repeating: -.infinity, count: 601)
        for i in y.indices {
            let c = Int(positions[i] * 600)
            fullMin[c] = min(fullMin[c], y[i])
            fullMax[c] = max(fullMax[c], y[i])
        }
        var keptMin = [Double](repeating: .infinity, count: 601), keptMax = [Double](repeating: -.infinity, count: 601)
        for i in kept {
            let c = Int(positions[i] * 600)
            keptMin[c] = min(keptMin[c], y[i])
            keptMax[c] = max(keptMax[c], y[i])
        }
        #expect(keptMin == fullMin && keptMax == fullMax)
    }

    @Test("Marching squares finds a circle's contour")
    func contours() {
        let n = 21
        let coords = (0..<n).map { -1 + 2 * Double($0) / Double(n - 1) }
        var values: [Double] = []
        for y in coords { for x in coords { values.append(x * x + y * y) } }
        let segments = MarchingSquares.segments(values: values, width: n, height: n, level: 0.5)
        #expect(!segments.isEmpty)
        for s in segments {
            for (i, j) in [(s.x0, s.y0), (s.x1, s.y1)] {
                let x = -1 + 2 * i / Double(n - 1), y = -1 + 2 * j / Double(n - 1)
                #expect(abs((x * x + y * y).squareRoot() - 0.5.squareRoot()) < 0.02)
            }
        }
    }

    @Test("Property: no figure, however odd, crashes either renderer; SVG stays valid XML", arguments: 0..<4)
    func fuzz(seed: UInt64) {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        func number() -> Double {
            switch next() % 10 {
            case 0: return .nan
            case 1: return .infinity
            case 2: return -.infinity
            case 3: return 0
            case 4: return Double(bitPattern: next())  // any double, subnormals and huge included
            case 5: return -1e308
            default: return (Double(next() % 2001) - 1000) / Double(1 + next() % 100)
            }
        }
        func text() -> String { ["", "a", "<&>\"'", "δ L''(r)", String(repeating: "x", count: 200), "\u{1}\u{7}"][Int(next() % 6)] }
        for _ in 0..<150 {
            var panels: [Panel] = []
            for _ in 0..<Int(1 + next() % 3) {
                let count = Int(next() % 12)
                let series = (0..<Int(next() % 4)).map { _ in
                    Series(text(), kind: [.line, .scatter, .step][Int(next() % 3)],
                           x: (0..<count).map { _ in number() }, y: (0..<Int(next() % 12)).map { _ in number() })
                }
                let gx = Int(next() % 5), gy = Int(next() % 5)
                let heat = next() % 3 == 0
                    ? HeatMap(x: (0..<gx).map { Double($0) * number() }, y: (0..<gy).map { Double($0) }, values: (0..<Int(next() % 20)).map { _ in number() },
                              style: [.filled, .contours, .both][Int(next() % 3)], label: text(), logValues: next() % 2 == 0)
                    : nil
                panels.append(Panel(
                    title: text(), x: Axis(text(), scale: next() % 2 == 0 ? .linear : .log, lower: next() % 4 == 0 ? number() : nil, upper: next() % 4 == 0 ? number() : nil),
                    y: Axis(text(), scale: next() % 2 == 0 ? .linear : .log, lower: next() % 4 == 0 ? number() : nil),
                    series: series, referenceLines: next() % 2 == 0 ? [.vertical(number(), label: text()), .horizontal(number())] : [],
                    annotations: next() % 2 == 0 ? [Annotation(x: number(), y: number(), text: text())] : [], heatMap: heat))
            }
            let figure = Figure(title: next() % 2 == 0 ? text() : nil, panels: panels, columns: Int(1 + next() % 3))
            let width = Int(20 + next() % 100)
            let svg = SVGRenderer(width: Double(100 + next() % 900)).render(figure)
            #expect(xmlError(svg) == nil)
            for mode in ASCIIRenderer.Mode.allCases {
                let text = ASCIIRenderer(width: width, height: Int(3 + next() % 20), mode: mode).render(figure)
                #expect(!text.isEmpty)
            }
        }
    }

    @Test("Decimation keeps, per column, the first, lowest, highest and last point once each, in order")
    func decimationPerColumn() {
        var random: UInt64 = 7
        for (n, columns) in [(50, 3), (1_000, 10), (997, 64), (5, 1), (400, 100)] {
            // Ties and repeated values make first, lowest, highest and last coincide often.
            let y = (0..<n).map { _ -> Double in
                random = random &* 6364136223846793005 &+ 1442695040888963407
                return Double(random >> 61)
            }
            let positions = (0..<n).map { Double($0) / Double(max(1, n - 1)) }
            let kept = Decimation.keep(positions: positions, y: y, columns: columns)
            guard n > 4 * columns else {
                #expect(kept == Array(0..<n))
                continue
            }
            // The reference: each column's four indices as a sorted set.
            var expected: [Int] = []
            var start = 0
            func bucket(_ p: Double) -> Int { Int((min(max(p, 0), 1) * Double(columns)).rounded(.down)) }
            while start < n {
                var end = start, low = start, high = start
                while end + 1 < n, bucket(positions[end + 1]) == bucket(positions[start]) {
                    end += 1
                    if y[end] < y[low] { low = end }
                    if y[end] > y[high] { high = end }
                }
                expected += Set([start, low, high, end]).sorted()
                start = end + 1
            }
            #expect(kept == expected, "\(n) points in \(columns) columns")
        }
        #expect(Decimation.keep(positions: [0, 0.5, 0.2, 1, 1, 1, 1, 1, 1], y: Array(repeating: 1, count: 9), columns: 1) == Array(0..<9),
                "positions that go back leave the line whole")
    }
}
