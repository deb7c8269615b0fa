import Plotting

/// A figure for each value of a parameter, all computed when the snippet runs: the page shows
/// one with a slider that steps through the others (every frame stays reachable without
/// JavaScript), the walkthrough steps with ← and →.
public struct Sweep: Codable, Sendable, Equatable {
    /// The parameter's name, as the slider's label says it (`δ`, `learning rate`).
    public var parameter: String
    /// The parameter's values, one per frame, in order.
    public var values: [Double]
    /// The index of the frame shown first.
    public var initial: Int
    /// One figure per value.
    public var frames: [Figure]
    /// One caption per value (a line of values under the figure), empty when none.
    public var captions: [String]

    /// Creates a sweep; `captions` is empty or one per frame.
    public init(parameter: String, values: [Double], initial: Int, frames: [Figure], captions: [String] = []) {
        self.parameter = parameter
        self.values = values
        self.initial = initial
        self.frames = frames
        self.captions = captions.count == frames.count ? captions : Array(repeating: "", count: frames.count)
    }

    /// `δ = 0.5`: the label of the frame at `index`, with the value as printed by `%g`.
    public func label(_ index: Int) -> String {
        "\(parameter) = \(Sweep.format(values[index]))"
    }

    private enum CodingKeys: String, CodingKey { case parameter, values, initial, frames, captions }

    /// Reads a sweep, refusing one whose parts do not fit together (it comes from a snippet,
    /// which may send anything).
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let values = try container.decode([Double].self, forKey: .values)
        let frames = try container.decode([Figure].self, forKey: .frames)
        let initial = try container.decode(Int.self, forKey: .initial)
        let captions = try container.decode([String].self, forKey: .captions)
        guard !frames.isEmpty, frames.count == values.count, captions.count == frames.count, frames.indices.contains(initial) else {
            throw DecodingError.dataCorruptedError(forKey: .frames, in: container,
                debugDescription: "a sweep needs as many values and captions as frames, at least one, and its initial frame among them")
        }
        self.init(parameter: try container.decode(String.self, forKey: .parameter), values: values, initial: initial, frames: frames, captions: captions)
    }

    /// A value the way `%g` prints it (`0.25`, `1`, `1e-06`).
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = "\(value)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}

extension Sweep {
    /// Draws the frames: `draw` gives each value's figure and caption; with `sharedAxes`, the
    /// frames get the same axis ranges. Nil when `values` is empty or lacks `initial`.
    public init?(parameter: String, values: [Double], initial: Double, sharedAxes: Bool, draw: (Double) -> (Figure, String)) {
        guard let start = values.firstIndex(of: initial) else { return nil }
        let drawn = values.map(draw)
        let frames = sharedAxes ? Figure.sharingAxes(drawn.map(\.0)) : drawn.map(\.0)
        self.init(parameter: parameter, values: values, initial: start, frames: frames, captions: drawn.map(\.1))
    }

    /// The frame at `index` as a text plot `width` columns wide, with its caption under it.
    public func frameText(_ index: Int, width: Int, mode: ASCIIRenderer.Mode) -> String {
        let plot = ASCIIRenderer(width: width, height: 16, mode: mode).render(frames[index]) + "\n"
        return captions[index].isEmpty ? plot : plot + WordWrap.lines(captions[index], width: width, indent: "  ").joined(separator: "\n") + "\n"
    }

    /// What a snippet run by hand prints: the initial frame as a text plot, its caption, and the
    /// values it could show.
    public func text(unicode: Bool) -> String {
        frameText(initial, width: 72, mode: unicode ? .unicode : .ascii) + "\(label(initial)) of \(parameter) ∈ {\(values.map(Sweep.format).joined(separator: ", "))}: the page and `notebook walk` step through them\n"
    }
}

/// Shows how a figure changes with a parameter: `draw` makes the figure for each of `values`;
/// the page starts at `initial` and has a slider. Frames share their axis ranges unless
/// `sharedAxes` is false, so motion means change. By hand it draws the initial frame and lists
/// the values.
public func show(sweep parameter: String, values: [Double], initial: Double, sharedAxes: Bool = true,
                 line: Int = #line, _ draw: (Double) -> Figure) {
    show(sweep: parameter, values: values, initial: initial, sharedAxes: sharedAxes, line: line) { (draw($0), "") }
}

/// Shows how a figure changes with a parameter, with a caption line of values under each frame
/// (`draw` returns the figure and its caption).
public func show(sweep parameter: String, values: [Double], initial: Double, sharedAxes: Bool = true,
                 line: Int = #line, _ draw: (Double) -> (Figure, String)) {
    guard let sweep = Sweep(parameter: parameter, values: values, initial: initial, sharedAxes: sharedAxes, draw: draw) else {
        fatalError("show(sweep: \"\(parameter)\"): the initial value \(initial) is not one of the values \(values)")
    }
    if RuntimeChannel.send(.sweep(sweep), line: line) { return }
    print(sweep.text(unicode: RuntimeChannel.unicodePlots), terminator: "")
}
