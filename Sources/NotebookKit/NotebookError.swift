/// A problem with a notebook, a snippet or an argument, reported on one line that names
/// the place (`Notebooks/huber.md:12: unknown snippet 'hubr'; did you mean 'huber'?`).
public struct NotebookError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file the problem is in, relative to the package when possible.
    public let file: String
    /// The 1-based line, or nil when the problem is the file as a whole.
    public let line: Int?
    /// What is wrong, and what was expected.
    public let message: String

    /// Creates an error.
    public init(file: String, line: Int?, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, or `file: message` without a line.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// Several problems found at once (every notebook is checked before giving up).
public struct NotebookErrors: Error, Equatable, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public let errors: [NotebookError]

    /// Creates the list.
    public init(_ errors: [NotebookError]) {
        self.errors = errors
    }

    /// One line per problem.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
