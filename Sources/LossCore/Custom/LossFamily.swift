/// A family of losses indexed by a parameter: a function that returns a loss.
///
/// This is the Swift form of the common TensorFlow pattern
/// `def custom_loss_wrapper(param): def loss(y_true, y_pred): ...; return loss`:
/// the parameter is captured once, the returned loss is an ordinary value.
///
/// ```swift
/// let asymmetric = LossFamily(name: "asymmetric") { (over: Double) in
///     CustomLoss(name: "asymmetric(\(over))",
///                value: { r in r > 0 ? over * r * r : r * r },
///                derivative: { r in r > 0 ? 2 * over * r : 2 * r })
/// }
/// let loss = asymmetric(3)
/// ```
public struct LossFamily<Parameter: Sendable, Member: Loss>: Sendable {
    /// The family's name.
    public let name: String
    let make: @Sendable (Parameter) throws -> Member

    /// Creates a family from the function that builds a member for a parameter.
    public init(name: String, _ make: @escaping @Sendable (Parameter) throws -> Member) {
        self.name = name
        self.make = make
    }

    /// The member loss for `parameter`.
    /// - Throws: whatever the builder throws for an invalid parameter.
    public func callAsFunction(_ parameter: Parameter) throws -> Member {
        try make(parameter)
    }
}
