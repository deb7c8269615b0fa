/// A plain-language description of a figure, for screen readers (`<desc>`) and `alt` text.
enum FigureDescription {
    static func describe(_ figure: Figure, prepared: [PreparedPanel]) -> String {
        var parts: [String] = []
        if let title = figure.title { parts.append(title + ".") }
        for (index, panel) in prepared.enumerated() {
            var text = prepared.count > 1 ? "Panel \(index + 1)" : "Plot"
            if let title = panel.panel.title { text += " \"\(title)\"" }
            let series = panel.series.map { s in
                let name = s.label.isEmpty ? "unlabelled" : "\"\(s.label)\""
                return "\(s.kind.rawValue) \(name) (\(s.x.count) points)"
            }
            if !series.isEmpty { text += ": " + series.joined(separator: ", ") }
            if let heat = panel.panel.heatMap, let range = panel.heatRange {
                let unit = heat.logValues ? " (log10)" : ""
                text += "; heat map of \(heat.label ?? "values")\(unit) from \(NumberFormat.short(range.lowerBound)) to \(NumberFormat.short(range.upperBound))"
            }
            text += "; " + axisText("x", panel.panel.x, panel.x) + "; " + axisText("y", panel.panel.y, panel.y) + "."
            if !panel.notes.isEmpty { text += " Note: " + panel.notes.joined(separator: "; ") + "." }
            parts.append(text)
        }
        return parts.joined(separator: " ")
    }

    private static func axisText(_ name: String, _ axis: Axis, _ map: AxisMap) -> String {
        let label = axis.label.map { " (\($0))" } ?? ""
        let log = map.scale == .log ? ", log scale" : ""
        return "\(name) axis\(label) from \(NumberFormat.short(map.lower)) to \(NumberFormat.short(map.upper))\(log)"
    }
}
