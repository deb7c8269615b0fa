/// A marked point with a short text, such as "kink at r = 0".
public struct Annotation: Codable, Sendable, Equatable {
    /// The point's x.
    public var x: Double
    /// The point's y.
    public var y: Double
    /// The text drawn beside it.
    public var text: String

    /// Creates an annotation.
    public init(x: Double, y: Double, text: String) {
        self.x = x
        self.y = y
        self.text = text
    }
}
