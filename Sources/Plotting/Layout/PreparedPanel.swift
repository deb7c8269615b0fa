import Glibc

/// A panel ready to draw: points that cannot be drawn removed (and counted), domains and ticks
/// fitted. Both renderers draw from this, so they agree on what the figure shows.
public struct PreparedPanel: Sendable {
    /// A series with only drawable points.
    public struct CleanSeries: Sendable {
        /// The series' index in the panel (for its colour, dash and marker).
        public let index: Int
        /// The original series.
        public let label: String
        /// Its kind.
        public let kind: SeriesKind
        /// Drawable x values.
        public let x: [Double]
        /// Drawable y values.
        public let y: [Double]
    }

    /// The panel described.
    public let panel: Panel
    /// Its series, cleaned.
    public let series: [CleanSeries]
    /// The horizontal axis map.
    public let x: AxisMap
    /// The vertical axis map.
    public let y: AxisMap
    /// Reference lines that can be drawn.
    public let referenceLines: [ReferenceLine]
    /// Annotations that can be drawn.
    public let annotations: [Annotation]
    /// The heat map's drawable value range (after the log transform if any), or nil.
    public let heatRange: ClosedRange<Double>?
    /// What was left out, for the reader: "2 NaN or infinite points skipped".
    public let notes: [String]

    /// Prepares a panel, with about `xTicks` and `yTicks` ticks.
    public init(_ panel: Panel, xTicks: Int = 6, yTicks: Int = 5) {
        self.panel = panel
        var nonFinite = 0
        var nonPositiveX = 0
        var nonPositiveY = 0
        func keep(_ x: Double, _ y: Double) -> Bool {
            guard x.isFinite, y.isFinite else {
                nonFinite += 1
                return false
            }
            if panel.x.scale == .log, x <= 0 {
                nonPositiveX += 1
                return false
            }
            if panel.y.scale == .log, y <= 0 {
                nonPositiveY += 1
                return false
            }
            return true
        }
        var cleaned: [CleanSeries] = []
        for (index, series) in panel.series.enumerated() {
            var xs: [Double] = []
            var ys: [Double] = []
            let count = min(series.x.count, series.y.count)
            xs.reserveCapacity(count)
            ys.reserveCapacity(count)
            // An index loop: in a debug build (snippets) `zip` costs generic calls per point.
            var i = 0
            while i < count {
                if keep(series.x[i], series.y[i]) {
                    xs.append(series.x[i])
                    ys.append(series.y[i])
                }
                i += 1
            }
            cleaned.append(CleanSeries(index: index, label: series.label, kind: series.kind, x: xs, y: ys))
        }
        series = cleaned
        let lines = panel.referenceLines.filter { line in
            let scale = line.orientation == .vertical ? panel.x.scale : panel.y.scale
            return line.value.isFinite && (scale == .linear || line.value > 0)
        }
        referenceLines = lines
        annotations = panel.annotations.filter { keep($0.x, $0.y) }
        var xValues = cleaned.flatMap(\.x) + lines.filter { $0.orientation == .vertical }.map(\.value)
        var yValues = cleaned.flatMap(\.y) + lines.filter { $0.orientation == .horizontal }.map(\.value)
        xValues += annotations.map(\.x)
        yValues += annotations.map(\.y)
        var notes: [String] = []
        var heatRange: ClosedRange<Double>?
        if let heat = panel.heatMap {
            if heat.isWellFormed {
                let gridX = heat.x.filter { $0.isFinite && (panel.x.scale == .linear || $0 > 0) }
                let gridY = heat.y.filter { $0.isFinite && (panel.y.scale == .linear || $0 > 0) }
                xValues += [gridX.min(), gridX.max()].compactMap { $0 }
                yValues += [gridY.min(), gridY.max()].compactMap { $0 }
                let drawable = heat.values.compactMap { HeatScale.transform($0, log: heat.logValues) }
                if let lo = drawable.min(), let hi = drawable.max() { heatRange = lo...hi }
                let skipped = heat.values.count - drawable.count
                if skipped > 0 {
                    notes.append("\(skipped) heat-map value\(skipped == 1 ? "" : "s") skipped (NaN, infinite\(heat.logValues ? " or <= 0" : ""))")
                }
            } else {
                notes.append("heat map skipped: \(heat.values.count) values do not fill a \(heat.x.count) x \(heat.y.count) grid")
            }
        }
        let padded = panel.heatMap?.isWellFormed != true
        x = AxisMap(axis: panel.x, values: xValues, target: xTicks, padded: padded)
        y = AxisMap(axis: panel.y, values: yValues, target: yTicks, padded: padded)
        self.heatRange = heatRange
        if nonFinite > 0 { notes.append("\(nonFinite) NaN or infinite point\(nonFinite == 1 ? "" : "s") skipped") }
        if nonPositiveX > 0 { notes.append("\(nonPositiveX) value\(nonPositiveX == 1 ? "" : "s") <= 0 dropped from the log x axis") }
        if nonPositiveY > 0 { notes.append("\(nonPositiveY) value\(nonPositiveY == 1 ? "" : "s") <= 0 dropped from the log y axis") }
        let droppedLines = panel.referenceLines.count - lines.count
        if droppedLines > 0 { notes.append("\(droppedLines) reference line\(droppedLines == 1 ? "" : "s") outside the axis skipped") }
        if cleaned.allSatisfy(\.x.isEmpty), panel.heatMap == nil, !panel.series.isEmpty { notes.append("no data to draw") }
        self.notes = notes
    }
}

/// The value scale of heat maps.
enum HeatScale {
    /// The drawn value: the value itself, or its log10; nil when it cannot be drawn.
    static func transform(_ value: Double, log: Bool) -> Double? {
        guard value.isFinite else { return nil }
        if log {
            return value > 0 ? log10(value) : nil
        }
        return value
    }
}
