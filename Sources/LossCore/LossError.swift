/// A bad input to LossCore, thrown instead of trapping.
///
/// Every case names the argument at fault, so a message reads like
/// `y_pred: expected 2 columns (the shape of y_true), found 3`.
public enum LossError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two arrays that must have the same shape do not.
    case shapeMismatch(argument: String, expected: String, found: String)
    /// An input that must hold at least one element is empty.
    case empty(argument: String)
    /// A value outside the range the loss is defined on (a probability above 1, a label of 7 among 3 classes).
    case outOfRange(argument: String, index: Int?, value: String, expected: String)
    /// A NaN where a number is required.
    case notANumber(argument: String, index: Int?)
    /// A parameter (delta, tau, epsilon, learning rate, ...) outside its domain.
    case invalidParameter(name: String, value: String, expected: String)

    public var description: String {
        switch self {
        case let .shapeMismatch(argument, expected, found):
            return "\(argument): expected \(expected), found \(found)"
        case let .empty(argument):
            return "\(argument): is empty; expected at least one element"
        case let .outOfRange(argument, index, value, expected):
            return "\(argument)\(Self.position(index)): \(value) is out of range; expected \(expected)"
        case let .notANumber(argument, index):
            return "\(argument)\(Self.position(index)): is NaN; expected a number"
        case let .invalidParameter(name, value, expected):
            return "\(name): \(value) is invalid; expected \(expected)"
        }
    }

    private static func position(_ index: Int?) -> String {
        index.map { "[\($0)]" } ?? ""
    }
}
