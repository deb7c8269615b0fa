/// A family of losses indexed by a parameter: a function that returns a loss.
///
/// This is the Swift form of the common TensorFlow pattern
/// `def custom_loss_wrapper(param): def loss(y_true, y_pred): ...; return loss`:
/// the parameter is captured once, the returned loss is an ordinary value.
///
/// ```swift
/// let asymmetric = LossFamily(name: "asymmetric") { (over: Double, r: Dual2) in
///     r > 0 ? over * r * r : r * r          // the slope is derived
/// }
/// let loss = try asymmetric(3)
/// ```
///
/// A builder can also return any loss, hand-written derivatives included.
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

extension LossFamily where Parameter == Double, Member == CustomLoss {
    /// A family from a formula in a parameter and the residual r (the wrapper pattern with the
    /// loss written once): each member's derivatives are derived exactly. A member is named
    /// `NAME(PARAMETER)`.
    public init(name: String, formula: @escaping @Sendable (_ parameter: Double, _ residual: Dual2) -> Dual2) {
        self.init(name: name) { parameter in
            CustomLoss(name: "\(name)(\(parameter))", formula: { r in formula(parameter, r) })
        }
    }
}

extension LossFamily where Parameter == Double, Member == CustomElementwiseLoss {
    /// A family from a formula in a parameter, the target and the prediction (TensorFlow's
    /// `custom_loss_wrapper(param)` returning `loss(y_true, y_pred)`), derivatives derived.
    public init(name: String, formula: @escaping @Sendable (_ parameter: Double, _ target: Dual2, _ prediction: Dual2) -> Dual2) {
        self.init(name: name) { parameter in
            CustomElementwiseLoss(name: "\(name)(\(parameter))", formula: { y, p in formula(parameter, y, p) })
        }
    }
}
