/// Something wrong in a notebook that only shows once its snippets ran: a value no snippet
/// recorded, a link to nowhere, a formula that does not parse.
public struct NotebookProblem: Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem.
    public enum Kind: Sendable, Equatable {
        /// A `{{name}}` that no snippet recorded, or a format that does not apply.
        case value
        /// A link to a missing notebook or heading.
        case link
        /// TeX that does not parse (the page shows its source, marked).
        case formula
    }

    /// The kind.
    public var kind: Kind
    /// The error, with file:line.
    public var error: NotebookError

    /// Creates a problem.
    public init(_ kind: Kind, _ error: NotebookError) {
        self.kind = kind
        self.error = error
    }

    /// The problems that stop a site from being written, in the order they are reported: every
    /// unknown value, then every broken link. Formulas that do not parse only mark their page.
    public static func blocking(_ problems: [NotebookProblem]) -> [NotebookProblem] {
        problems.filter { $0.kind == .value } + problems.filter { $0.kind == .link }
    }

    /// The error's `file:line: message`.
    public var description: String { error.description }
}
