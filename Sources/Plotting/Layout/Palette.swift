/// Colours, dashes and markers that tell series apart, with or without colour vision.
public enum Palette {
    /// The Okabe-Ito colour-blind-safe palette, the defaults of the CSS custom properties
    /// `--nb-series-1` ... `--nb-series-8`, for a light background: orange, sky blue and yellow
    /// are darkened to reach the 3:1 contrast lines need against white (WCAG 1.4.11); the dark
    /// scheme uses the original hues.
    public static let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#B27A00", "#2F8AC4", "#9A8700", "#000000"]
    /// Stroke dash patterns, one per series (the first solid).
    public static let dashes = ["", "7 4", "2 3", "9 3 2 3", "4 4", "12 4", "1 2", "6 2 2 2"]
    /// Plain-ASCII plotting characters, one per series.
    public static let asciiMarks: [Character] = ["*", "o", "+", "x", "#", "@", "%", "&"]
    /// Unicode markers for scatter points, one per series.
    public static let unicodeMarks: [Character] = ["●", "■", "▲", "◆", "✚", "✖", "★", "▼"]

    /// The colour of series `index` as a CSS value with its default.
    static func cssColor(_ index: Int) -> String {
        "var(--nb-series-\(index % colors.count + 1), \(colors[index % colors.count]))"
    }

    /// Viridis, sampled at nine stops: perceptually even and readable in grey.
    static let heatStops: [(Double, Double, Double)] = [
        (68, 1, 84), (71, 44, 122), (59, 81, 139), (44, 113, 142), (33, 144, 141),
        (39, 173, 129), (92, 200, 99), (170, 220, 50), (253, 231, 37),
    ]

    /// The heat colour for t in [0, 1], as `#rrggbb`.
    static func heatColor(_ t: Double) -> String {
        let clamped = min(max(t.isFinite ? t : 0, 0), 1)
        let scaled = clamped * Double(heatStops.count - 1)
        let i = min(Int(scaled), heatStops.count - 2)
        let f = scaled - Double(i)
        let a = heatStops[i], b = heatStops[i + 1]
        func channel(_ u: Double, _ v: Double) -> String {
            let value = Int((u + (v - u) * f).rounded())
            let hex = String(value, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(a.0, b.0) + channel(a.1, b.1) + channel(a.2, b.2)
    }

    /// The ASCII ramp for heat maps, light to dense.
    static let ramp: [Character] = Array(" .:-=+*#%@")
}
