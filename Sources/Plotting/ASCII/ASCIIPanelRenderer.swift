import Glibc

/// Draws one prepared panel as lines of text of a given width.
struct ASCIIPanelRenderer {
    let panel: PreparedPanel
    let width: Int
    let height: Int
    let mode: ASCIIRenderer.Mode

    private var unicode: Bool { mode == .unicode }

    /// The panel's lines. Index loops and arrays throughout: a debug build (snippets) makes each
    /// generic type it meets (zips, enumerations, dictionaries, key paths) at run time, the first
    /// time, by name.
    func lines() -> [String] {
        let yLabels = panel.y.ticks.labels
        var widest = 1
        var i = 0
        while i < yLabels.count {
            widest = max(widest, yLabels[i].count)
            i += 1
        }
        let labelWidth = min(12, widest)
        let plotWidth = max(4, width - labelWidth - 2)
        var canvas = CharacterCanvas(width: plotWidth, height: height)
        drawHeatMap(&canvas)
        drawReferenceLines(&canvas)
        let marks = seriesMarks()
        for series in panel.series { drawSeries(series, mark: marks[series.index], on: &canvas) }
        drawAnnotations(&canvas)

        var result: [String] = []
        if let title = panel.panel.title { result.append(ASCIIRenderer.center(title, width: width)) }
        if let label = panel.panel.y.label { result.append(String(label.prefix(width))) }
        // Rows with a y tick get its label and a tick on the axis.
        let rows = canvas.rows()
        var tickLabels = [String?](repeating: nil, count: rows.count)
        i = 0
        while i < min(panel.y.ticks.values.count, yLabels.count) {
            let position = panel.y.position(panel.y.ticks.values[i])
            if position >= -1e-9, position <= 1 + 1e-9 {
                let row = Int(((1 - position) * Double(height - 1)).rounded())
                if row >= 0, row < rows.count, tickLabels[row] == nil { tickLabels[row] = String(yLabels[i].prefix(labelWidth)) }
            }
            i += 1
        }
        let blank = String(repeating: " ", count: labelWidth)
        i = 0
        while i < rows.count {
            if let tick = tickLabels[i] {
                result.append(String(repeating: " ", count: labelWidth - tick.count) + tick + " " + (unicode ? "┤" : "+") + rows[i])
            } else {
                result.append(blank + " " + (unicode ? "│" : "|") + rows[i])
            }
            i += 1
        }
        // The x axis, with tick marks, then the tick labels placed under them.
        var axisLine = Array(repeating: Character(unicode ? "─" : "-"), count: plotWidth)
        var labelLine = Array(repeating: Character(" "), count: plotWidth + labelWidth + 2)
        var lastEnd = -1
        i = 0
        while i < min(panel.x.ticks.values.count, panel.x.ticks.labels.count) {
            let label = panel.x.ticks.labels[i]
            let position = panel.x.position(panel.x.ticks.values[i])
            i += 1
            guard position >= -1e-9, position <= 1 + 1e-9 else { continue }
            let column = Int((position * Double(plotWidth - 1)).rounded())
            axisLine[column] = unicode ? "┬" : "+"
            let start = min(max(0, labelWidth + 2 + column - label.count / 2), labelLine.count - label.count)
            guard start > lastEnd, start >= 0 else { continue }
            var offset = start
            for character in label {
                labelLine[offset] = character
                offset += 1
            }
            lastEnd = start + label.count
        }
        result.append(String(repeating: " ", count: labelWidth) + " " + (unicode ? "└" : "+") + String(axisLine))
        result.append(ASCIIRenderer.trimTrailing(String(labelLine)))
        if let label = panel.panel.x.label {
            result.append(ASCIIRenderer.center(label, width: width))
        }
        let legend = panel.series.filter { !$0.label.isEmpty }
        if panel.panel.showsLegend, !legend.isEmpty {
            var line = ""
            for series in legend {
                let entry = "\(legendSample(series, mark: marks[series.index])) \(series.label)"
                if !line.isEmpty, line.count + 3 + entry.count > width {
                    result.append(line)
                    line = ""
                }
                line += (line.isEmpty ? "" : "   ") + entry
            }
            result.append(line)
        }
        if let heat = panel.panel.heatMap, let range = panel.heatRange, heat.style != .contours {
            let name = heat.label ?? "value"
            let low = NumberFormat.short(heat.logValues ? pow(10, range.lowerBound) : range.lowerBound)
            let high = NumberFormat.short(heat.logValues ? pow(10, range.upperBound) : range.upperBound)
            result.append(String("\(name): \(low) \"\(String(Palette.ramp))\" \(high)\(heat.logValues ? " (log scale)" : "")".prefix(width)))
        }
        return result
    }

    /// In Unicode mode, several line series get their marks drawn along them (braille alone
    /// cannot tell them apart); a single line needs none.
    private var drawsUnicodeMarks: Bool {
        unicode && panel.series.filter { $0.kind != .scatter && !$0.x.isEmpty }.count > 1
    }

    /// The point a fraction of the way along a polyline's x extent, interpolated on its segments.
    static func point(alongX xs: [Double], y ys: [Double], fraction: Double) -> (Double, Double)? {
        guard !xs.isEmpty else { return nil }
        var lo = xs[0], hi = xs[0]
        var i = 1
        while i < xs.count {
            lo = min(lo, xs[i])
            hi = max(hi, xs[i])
            i += 1
        }
        guard hi > lo else { return (xs[0], ys[0]) }
        let target = lo + (hi - lo) * fraction
        i = 1
        while i < xs.count {
            let (ax, bx) = (xs[i - 1], xs[i])
            if min(ax, bx) <= target && target <= max(ax, bx) {
                let t = bx == ax ? 0 : (target - ax) / (bx - ax)
                return (target, ys[i - 1] + (ys[i] - ys[i - 1]) * t)
            }
            i += 1
        }
        return nil
    }

    /// The text the legend shows for a series.
    private func legendSample(_ series: PreparedPanel.CleanSeries, mark: Character) -> String {
        if unicode, series.kind != .scatter, !drawsUnicodeMarks { return "⠤⠤" }
        return String(mark)
    }

    /// The character that draws each series (and shows it in the legend).
    private func seriesMarks() -> [Character] {
        let overHeat = panel.panel.heatMap != nil
        let plain: [Character] = overHeat ? ["o", "x", "O", "X", "v", "^", "s", "z"] : Palette.asciiMarks
        return panel.panel.series.indices.map { index in
            if unicode {
                return Palette.unicodeMarks[index % Palette.unicodeMarks.count]
            }
            return plain[index % plain.count]
        }
    }

    private func cell(_ x: Double, _ y: Double, _ canvas: CharacterCanvas) -> (Int, Int)? {
        let px = panel.x.position(x), py = panel.y.position(y)
        guard px.isFinite, py.isFinite else { return nil }
        let column = (px * Double(canvas.width - 1)).rounded()
        let row = ((1 - py) * Double(canvas.height - 1)).rounded()
        guard column.magnitude < 1e6, row.magnitude < 1e6 else { return nil }
        return (Int(column), Int(row))
    }

    private func dotPoint(_ x: Double, _ y: Double, _ canvas: CharacterCanvas) -> (Int, Int)? {
        let px = panel.x.position(x), py = panel.y.position(y)
        guard px.isFinite, py.isFinite else { return nil }
        let column = (px * Double(2 * canvas.width - 1)).rounded()
        let row = ((1 - py) * Double(4 * canvas.height - 1)).rounded()
        guard column.magnitude < 1e6, row.magnitude < 1e6 else { return nil }
        return (Int(column), Int(row))
    }

    /// Index loops over separate coordinate arrays: in a debug build (snippets), `map`, `zip`,
    /// `enumerated` and arrays of tuples cost generic runtime calls for every point.
    private func drawSeries(_ series: PreparedPanel.CleanSeries, mark: Character, on canvas: inout CharacterCanvas) {
        guard !series.x.isEmpty else { return }
        var positions: [Double] = []
        positions.reserveCapacity(series.x.count)
        var i = 0
        while i < series.x.count {
            positions.append(panel.x.position(series.x[i]))
            i += 1
        }
        let kept = Decimation.keep(positions: positions, y: series.y, columns: 2 * canvas.width)
        if series.kind == .scatter {
            i = 0
            while i < kept.count {
                if let (c, r) = cell(series.x[kept[i]], series.y[kept[i]], canvas) { canvas.put(mark, column: c, row: r) }
                i += 1
            }
            return
        }
        // The polyline: a step series goes across at the previous value, then up or down.
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(2 * kept.count)
        ys.reserveCapacity(2 * kept.count)
        i = 0
        while i < kept.count {
            let index = kept[i]
            if series.kind == .step, i > 0 {
                xs.append(series.x[index])
                ys.append(series.y[kept[i - 1]])
            }
            xs.append(series.x[index])
            ys.append(series.y[index])
            i += 1
        }
        // Consecutive drawable points are joined; a lone one is a dot (or the mark).
        var previous: (Int, Int)?
        var drawn = 0
        i = 0
        while i < xs.count {
            if let point = unicode ? dotPoint(xs[i], ys[i], canvas) : cell(xs[i], ys[i], canvas) {
                if let previous {
                    if unicode { canvas.dotLine(from: previous, to: point) } else { canvas.line(from: previous, to: point, character: mark) }
                }
                previous = point
                drawn += 1
            }
            i += 1
        }
        if drawn == 1, let previous {
            if unicode { canvas.dot(x: previous.0, y: previous.1) } else { canvas.put(mark, column: previous.0, row: previous.1) }
        }
        // Marks along the curve tell several series apart; offset by series so they differ.
        if unicode, drawsUnicodeMarks {
            for f in [0.2, 0.5, 0.8] {
                let fraction = f + 0.05 * Double(series.index % 3)
                if let (x, y) = Self.point(alongX: xs, y: ys, fraction: fraction), let (c, r) = cell(x, y, canvas) {
                    canvas.put(mark, column: c, row: r)
                }
            }
        }
    }

    private func drawReferenceLines(_ canvas: inout CharacterCanvas) {
        for line in panel.referenceLines {
            switch line.orientation {
            case .vertical:
                let position = panel.x.position(line.value)
                guard position >= 0, position <= 1 else { continue }
                let column = Int((position * Double(canvas.width - 1)).rounded())
                for row in 0..<canvas.height { canvas.put(unicode ? "┊" : ":", column: column, row: row) }
                if let label = line.label { canvas.write(label, column: column + 1, row: 0) }
            case .horizontal:
                let position = panel.y.position(line.value)
                guard position >= 0, position <= 1 else { continue }
                let row = Int(((1 - position) * Double(canvas.height - 1)).rounded())
                for column in 0..<canvas.width { canvas.put(unicode ? "┄" : ".", column: column, row: row) }
                if let label = line.label {
                    canvas.write(label, column: max(0, canvas.width - label.count), row: max(0, row - 1))
                }
            }
        }
    }

    private func drawHeatMap(_ canvas: inout CharacterCanvas) {
        guard let heat = panel.panel.heatMap, heat.isWellFormed, let range = panel.heatRange else { return }
        let span = range.upperBound - range.lowerBound
        let ramp = Palette.ramp
        for row in 0..<canvas.height {
            for column in 0..<canvas.width {
                let x = value(at: Double(column) / Double(max(1, canvas.width - 1)), panel.x)
                let y = value(at: 1 - Double(row) / Double(max(1, canvas.height - 1)), panel.y)
                guard let i = nearest(heat.x, x), let j = nearest(heat.y, y),
                    let v = HeatScale.transform(heat.values[j * heat.x.count + i], log: heat.logValues)
                else { continue }
                let t = span > 0 ? (v - range.lowerBound) / span : 0.5
                let level = min(ramp.count - 1, max(0, Int((t * Double(ramp.count - 1)).rounded())))
                canvas.put(ramp[level], column: column, row: row)
            }
        }
    }

    /// The data value at a position along an axis (inverse of `AxisMap.position`).
    private func value(at position: Double, _ map: AxisMap) -> Double {
        switch map.scale {
        case .linear: return map.lower + (map.upper - map.lower) * position
        case .log: return pow(10, log10(map.lower) + (log10(map.upper) - log10(map.lower)) * position)
        }
    }

    /// The index of the grid coordinate nearest to v, or nil outside the grid.
    private func nearest(_ coords: [Double], _ v: Double) -> Int? {
        guard let first = coords.first, let last = coords.last else { return nil }
        let step = (last - first) / Double(coords.count - 1)
        guard v >= first - step / 2, v <= last + step / 2 else { return nil }
        // An index loop on magnitudes: in a debug build (snippets) it costs no generic calls.
        var best = 0
        var bestDistance = (first - v).magnitude
        var index = 1
        while index < coords.count {
            let distance = (coords[index] - v).magnitude
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
            index += 1
        }
        return best
    }

    private func drawAnnotations(_ canvas: inout CharacterCanvas) {
        for note in panel.annotations {
            guard let (c, r) = cell(note.x, note.y, canvas), c >= 0, c < canvas.width, r >= 0, r < canvas.height else { continue }
            canvas.put(unicode ? "◉" : "@", column: c, row: r)
            let text = " " + note.text
            let start = c + 1 + text.count <= canvas.width ? c + 1 : max(0, c - text.count)
            canvas.write(text, column: start, row: r)
        }
    }
}
