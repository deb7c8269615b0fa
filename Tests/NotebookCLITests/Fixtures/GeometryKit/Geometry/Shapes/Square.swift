/// A square.
public struct Square: Sendable {
    /// The side's length.
    public var side: Double

    /// A square with sides of length `side`.
    public init(side: Double) {
        self.side = side
    }

    /// The area.
    public var area: Double { side * side }
}
