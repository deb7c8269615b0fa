extension Figure {
    /// The figures with the same axis ranges, panel by panel: each axis that a figure leaves
    /// free gets the union of the ranges the renderers would fit to each figure alone, so that
    /// stepping from one to the next shows the data moving, not the axes. Figures with a
    /// different number of panels than the first are returned as they are.
    public static func sharingAxes(_ figures: [Figure]) -> [Figure] {
        guard let first = figures.first else { return figures }
        var result = figures
        for index in first.panels.indices {
            // Frames with nothing drawable (a diverged run's NaNs) do not widen the others' ranges.
            let prepared = figures.compactMap { $0.panels.count == first.panels.count ? PreparedPanel($0.panels[index]) : nil }
                .filter { panel in panel.series.contains { !$0.x.isEmpty } || panel.panel.heatMap != nil }
            guard !prepared.isEmpty else { continue }
            let xLower = prepared.map(\.x.lower).min()!, xUpper = prepared.map(\.x.upper).max()!
            let yLower = prepared.map(\.y.lower).min()!, yUpper = prepared.map(\.y.upper).max()!
            for figure in result.indices where result[figure].panels.count == first.panels.count {
                var panel = result[figure].panels[index]
                if panel.x.lower == nil { panel.x.lower = xLower }
                if panel.x.upper == nil { panel.x.upper = xUpper }
                if panel.y.lower == nil { panel.y.lower = yLower }
                if panel.y.upper == nil { panel.y.upper = yUpper }
                result[figure].panels[index] = panel
            }
        }
        return result
    }
}
