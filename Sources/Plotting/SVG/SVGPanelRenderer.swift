import Glibc

/// Draws one prepared panel into a frame of the SVG.
struct SVGPanelRenderer {
    let panel: PreparedPanel
    let frame: Frame
    let id: String
    let plotColumns: Int
    /// The plotting area inside the frame, worked out once (every point's position uses it).
    private let plot: Frame

    init(panel: PreparedPanel, frame: Frame, id: String, plotColumns: Int) {
        self.panel = panel
        self.frame = frame
        self.id = id
        self.plotColumns = plotColumns
        plot = Self.plotArea(panel: panel, frame: frame)
    }

    private var hasColorBar: Bool { Self.hasColorBar(panel) }

    private static func hasColorBar(_ panel: PreparedPanel) -> Bool {
        guard let heat = panel.panel.heatMap else { return false }
        return heat.style != .contours && panel.heatRange != nil
    }

    /// The plotting area inside the frame.
    private static func plotArea(panel: PreparedPanel, frame: Frame) -> Frame {
        let left = frame.x + 64
        let right = frame.x + frame.width - 16 - (hasColorBar(panel) ? 70 : 0)
        let top = frame.y + (panel.panel.title == nil ? 14 : 30)
        let bottom = frame.y + frame.height - 44
        return Frame(x: left, y: top, width: max(10, right - left), height: max(10, bottom - top))
    }

    private func px(_ value: Double) -> Double { plot.x + panel.x.position(value) * plot.width }
    private func py(_ value: Double) -> Double { plot.y + plot.height - panel.y.position(value) * plot.height }

    func draw(into svg: inout SVGBuilder) {
        let n = SVGText.number
        let p = plot
        svg.line("<g class=\"nbp-panel\">")
        svg.line("<clipPath id=\"\(id)-clip\"><rect x=\"\(n(p.x))\" y=\"\(n(p.y))\" width=\"\(n(p.width))\" height=\"\(n(p.height))\"/></clipPath>")
        if let title = panel.panel.title {
            svg.line("<text class=\"nbp-panel-title\" x=\"\(n(p.x + p.width / 2))\" y=\"\(n(frame.y + 18))\" text-anchor=\"middle\">\(SVGText.escape(title))</text>")
        }
        drawGrid(into: &svg)
        svg.line("<g clip-path=\"url(#\(id)-clip)\">")
        drawHeatMap(into: &svg)
        drawReferenceLines(into: &svg)
        for series in panel.series { drawSeries(series, into: &svg) }
        drawAnnotations(into: &svg)
        svg.line("</g>")
        svg.line("<rect class=\"nbp-axis\" x=\"\(n(p.x))\" y=\"\(n(p.y))\" width=\"\(n(p.width))\" height=\"\(n(p.height))\"/>")
        drawAxisLabels(into: &svg)
        drawLegend(into: &svg)
        drawColorBar(into: &svg)
        svg.line("</g>")
    }

    private func drawGrid(into svg: inout SVGBuilder) {
        let n = SVGText.number
        let p = plot
        for (value, label) in zip(panel.x.ticks.values, panel.x.ticks.labels) {
            let x = px(value)
            guard x >= p.x - 0.5, x <= p.x + p.width + 0.5 else { continue }
            svg.line("<line class=\"nbp-grid\" x1=\"\(n(x))\" y1=\"\(n(p.y))\" x2=\"\(n(x))\" y2=\"\(n(p.y + p.height))\"/>")
            svg.line("<text x=\"\(n(x))\" y=\"\(n(p.y + p.height + 16))\" text-anchor=\"middle\">\(SVGText.escape(label))</text>")
        }
        for (value, label) in zip(panel.y.ticks.values, panel.y.ticks.labels) {
            let y = py(value)
            guard y >= p.y - 0.5, y <= p.y + p.height + 0.5 else { continue }
            svg.line("<line class=\"nbp-grid\" x1=\"\(n(p.x))\" y1=\"\(n(y))\" x2=\"\(n(p.x + p.width))\" y2=\"\(n(y))\"/>")
            svg.line("<text x=\"\(n(p.x - 6))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(SVGText.escape(label))</text>")
        }
    }

    private func drawAxisLabels(into svg: inout SVGBuilder) {
        let n = SVGText.number
        let p = plot
        if let label = panel.panel.x.label {
            svg.line("<text x=\"\(n(p.x + p.width / 2))\" y=\"\(n(p.y + p.height + 34))\" text-anchor=\"middle\">\(SVGText.escape(label))</text>")
        }
        if let label = panel.panel.y.label {
            let x = frame.x + 14
            let y = p.y + p.height / 2
            svg.line("<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"middle\" transform=\"rotate(-90 \(n(x)) \(n(y)))\">\(SVGText.escape(label))</text>")
        }
    }

    private func drawHeatMap(into svg: inout SVGBuilder) {
        guard let heat = panel.panel.heatMap, heat.isWellFormed, let range = panel.heatRange else { return }
        let n = SVGText.number
        let span = range.upperBound - range.lowerBound
        func t(_ value: Double) -> Double? {
            guard let v = HeatScale.transform(value, log: heat.logValues) else { return nil }
            return span > 0 ? (v - range.lowerBound) / span : 0.5
        }
        // Cell edges halfway between grid points.
        func edges(_ coords: [Double], _ position: (Double) -> Double) -> [Double] {
            let centres = coords.map(position)
            var result = [centres[0] - (centres[1] - centres[0]) / 2]
            for i in 0..<(centres.count - 1) { result.append((centres[i] + centres[i + 1]) / 2) }
            result.append(centres[centres.count - 1] + (centres[centres.count - 1] - centres[centres.count - 2]) / 2)
            return result
        }
        let xEdges = edges(heat.x, px)
        let yEdges = edges(heat.y, py)
        if heat.style != .contours {
            // Quantised to 48 bands; runs of equal colour along a row merge into one rectangle.
            let bands = 48.0
            svg.line("<g class=\"nbp-heat\" shape-rendering=\"crispEdges\">")
            for j in 0..<heat.y.count {
                var i = 0
                while i < heat.x.count {
                    guard let value = t(heat.values[j * heat.x.count + i]) else {
                        i += 1
                        continue
                    }
                    let band = (value * bands).rounded(.down)
                    var end = i
                    while end + 1 < heat.x.count, let next = t(heat.values[j * heat.x.count + end + 1]),
                        (next * bands).rounded(.down) == band
                    {
                        end += 1
                    }
                    let x0 = min(xEdges[i], xEdges[end + 1]), x1 = max(xEdges[i], xEdges[end + 1])
                    let y0 = min(yEdges[j], yEdges[j + 1]), y1 = max(yEdges[j], yEdges[j + 1])
                    let color = Palette.heatColor(min(band, bands - 1) / (bands - 1))
                    svg.line("<rect x=\"\(n(x0))\" y=\"\(n(y0))\" width=\"\(n(x1 - x0 + 0.3))\" height=\"\(n(y1 - y0 + 0.3))\" fill=\"\(color)\"/>")
                    i = end + 1
                }
            }
            svg.line("</g>")
        }
        if heat.style != .filled {
            let transformed = heat.values.map { HeatScale.transform($0, log: heat.logValues) ?? .nan }
            let levels = Ticks.linear(range.lowerBound, range.upperBound, target: 8).values
            let contourClass = heat.style == .contours ? "nbp-contour\" style=\"stroke:var(--nb-fg,#1f2328);stroke-opacity:0.6" : "nbp-contour"
            for level in levels where level > range.lowerBound && level < range.upperBound {
                let segments = MarchingSquares.segments(values: transformed, width: heat.x.count, height: heat.y.count, level: level)
                guard !segments.isEmpty else { continue }
                var d = ""
                for s in segments {
                    let (ax, ay) = gridPoint(heat, s.x0, s.y0)
                    let (bx, by) = gridPoint(heat, s.x1, s.y1)
                    d += "M\(n(ax)) \(n(ay))L\(n(bx)) \(n(by))"
                }
                svg.line("<path class=\"\(contourClass)\" d=\"\(d)\"/>")
            }
        }
    }

    /// Grid coordinates (fractional indices) to user units, interpolating between grid points.
    private func gridPoint(_ heat: HeatMap, _ i: Double, _ j: Double) -> (Double, Double) {
        func interpolate(_ coords: [Double], _ f: Double) -> Double {
            let k = min(max(Int(f.rounded(.down)), 0), coords.count - 2)
            return coords[k] + (coords[k + 1] - coords[k]) * (f - Double(k))
        }
        return (px(interpolate(heat.x, i)), py(interpolate(heat.y, j)))
    }

    private func drawColorBar(into svg: inout SVGBuilder) {
        guard hasColorBar, let heat = panel.panel.heatMap, let range = panel.heatRange else { return }
        let n = SVGText.number
        let p = plot
        let x = p.x + p.width + 14
        let steps = 32
        let h = p.height / Double(steps)
        for k in 0..<steps {
            let y = p.y + p.height - Double(k + 1) * h
            svg.line("<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"12\" height=\"\(n(h + 0.3))\" fill=\"\(Palette.heatColor(Double(k) / Double(steps - 1)))\"/>")
        }
        svg.line("<rect class=\"nbp-axis\" x=\"\(n(x))\" y=\"\(n(p.y))\" width=\"12\" height=\"\(n(p.height))\"/>")
        let format: (Double) -> String = { v in NumberFormat.short(heat.logValues ? pow(10, v) : v) }
        svg.line("<text x=\"\(n(x + 16))\" y=\"\(n(p.y + 10))\">\(SVGText.escape(format(range.upperBound)))</text>")
        svg.line("<text x=\"\(n(x + 16))\" y=\"\(n(p.y + p.height))\">\(SVGText.escape(format(range.lowerBound)))</text>")
        if let label = heat.label {
            let ly = p.y + p.height / 2
            let lx = x + 30
            svg.line("<text x=\"\(n(lx))\" y=\"\(n(ly))\" text-anchor=\"middle\" transform=\"rotate(90 \(n(lx)) \(n(ly)))\">\(SVGText.escape(label + (heat.logValues ? " (log scale)" : "")))</text>")
        }
    }

    private func drawReferenceLines(into svg: inout SVGBuilder) {
        let n = SVGText.number
        let p = plot
        for line in panel.referenceLines {
            switch line.orientation {
            case .vertical:
                let x = px(line.value)
                svg.line("<line class=\"nbp-ref\" x1=\"\(n(x))\" y1=\"\(n(p.y))\" x2=\"\(n(x))\" y2=\"\(n(p.y + p.height))\"/>")
                if let label = line.label {
                    svg.line("<text class=\"nbp-note\" x=\"\(n(x + 4))\" y=\"\(n(p.y + 12))\">\(SVGText.escape(label))</text>")
                }
            case .horizontal:
                let y = py(line.value)
                svg.line("<line class=\"nbp-ref\" x1=\"\(n(p.x))\" y1=\"\(n(y))\" x2=\"\(n(p.x + p.width))\" y2=\"\(n(y))\"/>")
                if let label = line.label {
                    svg.line("<text class=\"nbp-note\" x=\"\(n(p.x + p.width - 4))\" y=\"\(n(y - 4))\" text-anchor=\"end\">\(SVGText.escape(label))</text>")
                }
            }
        }
    }

    private func drawSeries(_ series: PreparedPanel.CleanSeries, into svg: inout SVGBuilder) {
        guard !series.x.isEmpty else { return }
        let n = SVGText.number
        let color = Palette.cssColor(series.index)
        let dash = Palette.dashes[series.index % Palette.dashes.count]
        let dashStyle = dash.isEmpty ? "" : ";stroke-dasharray:\(dash)"
        switch series.kind {
        case .line, .step:
            let positions = series.x.map { panel.x.position($0) }
            let kept = Decimation.keep(positions: positions, y: series.y, columns: Int(plot.width))
            var d = ""
            for (k, index) in kept.enumerated() {
                let x = px(series.x[index]), y = py(series.y[index])
                if k == 0 {
                    d += "M\(n(x)) \(n(y))"
                } else if series.kind == .step {
                    d += "H\(n(x))V\(n(y))"
                } else {
                    d += "L\(n(x)) \(n(y))"
                }
            }
            if kept.count == 1 {
                // A single point: a dot, so it is visible.
                let x = px(series.x[0]), y = py(series.y[0])
                d += "M\(n(x - 0.01)) \(n(y))L\(n(x + 0.01)) \(n(y))"
                svg.line("<path class=\"nbp-line\" style=\"stroke:\(color);stroke-width:6\" d=\"\(d)\"/>")
                return
            }
            if panel.panel.heatMap != nil {
                // Over a heat map: a light halo under the path, and a dot at every step.
                svg.line("<path class=\"nbp-line\" style=\"stroke:var(--nb-bg,#ffffff);stroke-opacity:0.8;stroke-width:4.5\" d=\"\(d)\"/>")
                svg.line("<path class=\"nbp-line\" style=\"stroke:\(color)\(dashStyle);stroke-width:2.5\" d=\"\(d)\"/>")
                var dots = ""
                for index in kept { dots += Self.marker(0, x: px(series.x[index]), y: py(series.y[index]), size: 2.2) }
                svg.line("<path style=\"fill:\(color);stroke:var(--nb-bg,#ffffff);stroke-width:0.6\" d=\"\(dots)\"/>")
                return
            }
            svg.line("<path class=\"nbp-line\" style=\"stroke:\(color)\(dashStyle)\" d=\"\(d)\"/>")
        case .scatter:
            var d = ""
            for (x, y) in zip(series.x, series.y) {
                d += Self.marker(series.index, x: px(x), y: py(y))
            }
            let filled = series.index % 2 == 0
            let paint = filled ? "fill:\(color);stroke:none" : "fill:none;stroke:\(color);stroke-width:1.5"
            svg.line("<path style=\"\(paint)\" d=\"\(d)\"/>")
        }
    }

    /// A marker path centred on (x, y): circle, square, triangle, diamond, cross by series.
    static func marker(_ index: Int, x: Double, y: Double, size: Double = 3.2) -> String {
        let n = SVGText.number
        let s = size
        switch index % 5 {
        case 0: return "M\(n(x - s)) \(n(y))a\(n(s)) \(n(s)) 0 1 0 \(n(2 * s)) 0a\(n(s)) \(n(s)) 0 1 0 \(n(-2 * s)) 0Z"
        case 1: return "M\(n(x - s)) \(n(y - s))h\(n(2 * s))v\(n(2 * s))h\(n(-2 * s))Z"
        case 2: return "M\(n(x)) \(n(y - s * 1.2))L\(n(x + s * 1.1)) \(n(y + s * 0.9))L\(n(x - s * 1.1)) \(n(y + s * 0.9))Z"
        case 3: return "M\(n(x)) \(n(y - s * 1.3))L\(n(x + s)) \(n(y))L\(n(x)) \(n(y + s * 1.3))L\(n(x - s)) \(n(y))Z"
        default: return "M\(n(x - s)) \(n(y - s))L\(n(x + s)) \(n(y + s))M\(n(x + s)) \(n(y - s))L\(n(x - s)) \(n(y + s))"
        }
    }

    private func drawAnnotations(into svg: inout SVGBuilder) {
        let n = SVGText.number
        for note in panel.annotations {
            let x = px(note.x), y = py(note.y)
            svg.line("<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"3.5\" style=\"fill:none;stroke:var(--nb-fg,#1f2328);stroke-width:1.5\"/>")
            let anchorEnd = x > plot.x + plot.width * 0.7
            svg.line("<text x=\"\(n(anchorEnd ? x - 7 : x + 7))\" y=\"\(n(y - 7))\"\(anchorEnd ? " text-anchor=\"end\"" : "")>\(SVGText.escape(note.text))</text>")
        }
    }

    private func drawLegend(into svg: inout SVGBuilder) {
        let entries = panel.series.filter { !$0.label.isEmpty }
        guard panel.panel.showsLegend, !entries.isEmpty else { return }
        let n = SVGText.number
        let longest = entries.map(\.label.count).max() ?? 0
        let boxWidth = min(plot.width - 8, 40 + Double(longest) * 6.8)
        let boxHeight = Double(entries.count) * 17 + 8
        let x = plot.x + plot.width - boxWidth - 6
        let y = plot.y + 6
        svg.line("<rect class=\"nbp-legend\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(boxWidth))\" height=\"\(n(boxHeight))\" rx=\"3\"/>")
        for (row, series) in entries.enumerated() {
            let cy = y + 12 + Double(row) * 17
            let color = Palette.cssColor(series.index)
            switch series.kind {
            case .scatter:
                let filled = series.index % 2 == 0
                let paint = filled ? "fill:\(color);stroke:none" : "fill:none;stroke:\(color);stroke-width:1.5"
                svg.line("<path style=\"\(paint)\" d=\"\(Self.marker(series.index, x: x + 18, y: cy))\"/>")
            case .line, .step:
                let dash = Palette.dashes[series.index % Palette.dashes.count]
                let dashStyle = dash.isEmpty ? "" : ";stroke-dasharray:\(dash)"
                svg.line("<path class=\"nbp-line\" style=\"stroke:\(color)\(dashStyle)\" d=\"M\(n(x + 6)) \(n(cy))H\(n(x + 30))\"/>")
            }
            svg.line("<text x=\"\(n(x + 36))\" y=\"\(n(cy + 4))\">\(SVGText.escape(series.label))</text>")
        }
    }
}
