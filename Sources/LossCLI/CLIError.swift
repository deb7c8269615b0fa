/// An error `notebook loss` reports on one line before exiting with status 2.
public enum CLIError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A bad name, option or JSON argument; the text names it.
    case usage(String)

    public var description: String {
        switch self {
        case let .usage(message): return message
        }
    }
}
