/// A plain-language description of a figure, for screen readers (`<desc>`, read after the
/// title, which names the figure) and `alt` text: per panel, the axes and what each series does
/// (where it rises and falls, its lowest or highest point, where two lines cross), not only
/// ranges and point counts.
enum FigureDescription {
    /// The accessible name: the figure's title, else its first panel's, else "Plot".
    static func name(_ figure: Figure) -> String {
        figure.title ?? figure.panels.lazy.compactMap(\.title).first ?? "Plot"
    }

    static func describe(_ figure: Figure, prepared: [PreparedPanel]) -> String {
        var parts: [String] = []
        for (index, panel) in prepared.enumerated() {
            var text = prepared.count > 1 ? "Panel \(index + 1)" : "Plot"
            if let title = panel.panel.title, prepared.count > 1 || figure.title != nil { text += " \"\(title)\"" }
            text += ", " + axisText("x", panel.panel.x, panel.x) + ", " + axisText("y", panel.panel.y, panel.y) + "."
            let xName = panel.panel.x.label ?? "x"
            for series in panel.series {
                text += " " + seriesText(series, xName: xName) + "."
            }
            for crossing in crossings(panel.series, xName: xName).prefix(3) { text += " " + crossing + "." }
            if let heat = panel.panel.heatMap, let range = panel.heatRange {
                let unit = heat.logValues ? " (log10)" : ""
                text += " A heat map of \(heat.label ?? "values")\(unit) from \(short(range.lowerBound)) to \(short(range.upperBound))."
            }
            if !panel.notes.isEmpty { text += " Note: " + panel.notes.joined(separator: "; ") + "." }
            parts.append(text)
        }
        return parts.joined(separator: " ")
    }

    private static func axisText(_ name: String, _ axis: Axis, _ map: AxisMap) -> String {
        let label = axis.label.map { " (\($0))" } ?? ""
        let log = map.scale == .log ? ", log scale" : ""
        return "\(name) axis\(label) from \(short(map.lower)) to \(short(map.upper))\(log)"
    }

    /// What one series does, in words.
    static func seriesText(_ series: PreparedPanel.CleanSeries, xName: String) -> String {
        let name = series.label.isEmpty ? "A \(series.kind.rawValue)" : "\"\(series.label)\""
        let (x, y) = (series.x, series.y)
        guard let first = y.first, let last = y.last, let low = y.min(), let high = y.max() else { return "\(name) has no points" }
        if series.kind == .scatter {
            return "\(name): \(y.count) points, \(xName) from \(short(x.min() ?? 0)) to \(short(x.max() ?? 0)), y from \(short(low)) to \(short(high))"
        }
        let tolerance = (high - low) * 1e-9
        if high - low <= max(tolerance, high.magnitude * 1e-12) { return "\(name) stays at \(short(first))" }
        let lowest = y.firstIndex(of: low)!, highest = y.firstIndex(of: high)!
        let rises = { (range: Range<Int>) in range.dropFirst().allSatisfy { y[$0] >= y[$0 - 1] - tolerance } }
        let falls = { (range: Range<Int>) in range.dropFirst().allSatisfy { y[$0] <= y[$0 - 1] + tolerance } }
        // Where the series is at its extreme: one x, or a stretch of x where it stays there.
        let at = { (index: Int) -> String in
            var end = index
            while end + 1 < y.count, y[end + 1] == y[index] { end += 1 }
            return end == index ? "at \(xName) = \(short(x[index]))" : "for \(xName) from \(short(x[index])) to \(short(x[end]))"
        }
        if rises(0..<y.count) { return "\(name) rises from \(short(first)) to \(short(last))" }
        if falls(0..<y.count) { return "\(name) falls from \(short(first)) to \(short(last))" }
        if lowest > 0, lowest < y.count - 1, falls(0..<(lowest + 1)), rises(lowest..<y.count) {
            return "\(name) falls from \(short(first)) to its lowest, \(short(low)) \(at(lowest)), then rises to \(short(last))"
        }
        if highest > 0, highest < y.count - 1, rises(0..<(highest + 1)), falls(highest..<y.count) {
            return "\(name) rises from \(short(first)) to its highest, \(short(high)) \(at(highest)), then falls to \(short(last))"
        }
        return "\(name) starts at \(short(first)), is lowest (\(short(low))) \(at(lowest)) and highest (\(short(high))) \(at(highest)), and ends at \(short(last))"
    }

    /// Where pairs of lines sampled at the same x values cross (their difference changes sign).
    static func crossings(_ series: [PreparedPanel.CleanSeries], xName: String) -> [String] {
        var result: [String] = []
        let lines = series.filter { $0.kind != .scatter && !$0.label.isEmpty }
        for (i, a) in lines.enumerated() {
            for b in lines.dropFirst(i + 1) where a.x == b.x && a.x.count > 1 {
                var points: [Double] = []
                var last: (index: Int, negative: Bool)?
                for k in a.x.indices {
                    let difference = a.y[k] - b.y[k]
                    guard difference != 0 else { continue }  // touching is not crossing
                    if let last, last.negative != (difference < 0) {
                        if k == last.index + 1 {
                            // Linear interpolation between the two samples.
                            let before = a.y[last.index] - b.y[last.index]
                            points.append(a.x[last.index] + before / (before - difference) * (a.x[k] - a.x[last.index]))
                        } else {
                            points.append(a.x[(last.index + k) / 2])  // equal over a stretch: its middle
                        }
                    }
                    last = (k, difference < 0)
                }
                guard !points.isEmpty else { continue }
                // Three significant digits: a crossing found between samples is no more precise.
                let shown = points.prefix(3).map { short(threeDigits($0)) }.joined(separator: ", ")
                result.append("\"\(a.label)\" and \"\(b.label)\" cross at \(xName) ≈ \(shown)\(points.count > 3 ? " and \(points.count - 3) more places" : "")")
            }
        }
        return result
    }

    private static func short(_ value: Double) -> String { NumberFormat.short(value) }

    /// `value` rounded to three significant digits.
    private static func threeDigits(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        let scale = NumberFormat.power10(2 - Int(value.log10Floor))
        return (value * scale).rounded() / scale
    }
}
