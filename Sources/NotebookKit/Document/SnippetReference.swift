/// A notebook's reference to a snippet: `@Snippet(path: "LossNotebooks/Snippets/NAME", slice: "S")`,
/// and the expected-output block that may follow it.
public struct SnippetReference: Sendable, Equatable {
    /// The path as written.
    public var path: String
    /// The snippet's name: its path under `Snippets/` without `.swift` (`huber` or `intro/mse`).
    public var name: String
    /// The slice to show, or nil for the whole visible snippet.
    public var slice: String?
    /// The line of the directive.
    public var line: Int
    /// The expected output block (a fence with info string `output`) right after it, if any.
    public var expectedOutput: ExpectedOutput?
    /// For `@Exercise(path:)`: the statement and hints around it; nil for `@Snippet`.
    public var exercise: ExerciseText? = nil

    /// Creates a reference.
    public init(path: String, name: String, slice: String?, line: Int, expectedOutput: ExpectedOutput?) {
        self.path = path
        self.name = name
        self.slice = slice
        self.line = line
        self.expectedOutput = expectedOutput
    }
}

/// A fenced block of the text a snippet must print (`notebook test` compares it).
public struct ExpectedOutput: Sendable, Equatable {
    /// The expected text.
    public var text: String
    /// The line of the opening fence.
    public var line: Int
    /// The relative tolerance for numbers, from the info string (`output tolerance=1e-6`), if given.
    public var tolerance: Double?
    /// The line of the closing fence (nil when the block runs to the end of the file unclosed).
    public var endLine: Int?

    /// Creates an expected output.
    public init(text: String, line: Int, tolerance: Double?, endLine: Int? = nil) {
        self.text = text
        self.line = line
        self.tolerance = tolerance
        self.endLine = endLine
    }
}

/// What a notebook writes around `@Exercise(path:)`: the statement (the prose right before it,
/// back to the previous heading, rule or cell) and the hints (fences with info string `hint`
/// right after it, revealed one at a time).
public struct ExerciseText: Sendable, Equatable {
    /// The statement's blocks.
    public var statement: [Block]
    /// The hints, in order, each parsed as Markdown.
    public var hints: [[Block]]

    /// Creates an exercise's text.
    public init(statement: [Block], hints: [[Block]]) {
        self.statement = statement
        self.hints = hints
    }
}
