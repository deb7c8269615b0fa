/// A snippet's run and why it ran (or came from the cache).
public struct SnippetResult: Sendable, Equatable {
    /// What the run produced.
    public var run: SnippetRun
    /// Why it ran, or that it came from the cache.
    public var reason: RunReason

    /// Creates a result.
    public init(run: SnippetRun, reason: RunReason) {
        self.run = run
        self.reason = reason
    }
}

/// Every snippet a workbook references, built and run: the execution stage's value.
public struct Runs: Sendable {
    /// Each snippet's result, by name.
    public var results: [String: SnippetResult]
    /// For `notebook test --repeat N`: each snippet's further runs (N − 1 of them), else empty.
    public var repeats: [String: [SnippetRun]]
    /// Seconds spent building the snippets.
    public var buildSeconds: Double
    /// Seconds spent running them (or reading the cache).
    public var runSeconds: Double
    /// The sandbox's protections that this machine does not give, each with its reason.
    public var unprotected: [String]
    /// The API of the library modules snippets import, from the modules the build compiled.
    public var reference: APIReference = .empty
    /// Why a module's API could not be read (it is then missing from the reference).
    public var referenceProblems: [NotebookError] = []

    /// Creates runs.
    public init(results: [String: SnippetResult], repeats: [String: [SnippetRun]] = [:], buildSeconds: Double = 0, runSeconds: Double = 0,
                unprotected: [String] = []) {
        self.results = results
        self.repeats = repeats
        self.buildSeconds = buildSeconds
        self.runSeconds = runSeconds
        self.unprotected = unprotected
    }

    /// Snippets whose runs failed, sorted.
    public var failedSnippets: [String] {
        results.filter { $0.value.run.failed }.map(\.key).sorted()
    }
}
