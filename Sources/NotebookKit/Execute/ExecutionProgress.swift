/// What the execution service reports while it works, so a long first build or run is not
/// silent (`notebook build` and `notebook test` print it).
public enum ExecutionProgress: Sendable, Equatable {
    /// `swift build` starts, for a package whose notebooks reference `snippets` snippets; `first`
    /// when nothing was built in the scratch folder yet (the package's libraries compile too).
    case buildStarted(snippets: Int, first: Bool)
    /// SwiftPM's own progress line (`[12/240] Compiling LossCore Huber.swift`).
    case compiling(String)
    /// One exercise version is being built (a starter, a student's file, a submission), in the
    /// snippet build's package (whose libraries a first build compiles).
    case buildingExercise(String)
    /// SwiftPM starts again without the `failed` sources that did not compile (snippets or
    /// exercise versions), so that they stop no other.
    case buildingAgain(without: Int)
    /// The build is done, after `seconds`.
    case built(seconds: Double)
    /// `count` snippets will run; `cached` more came from the cache.
    case runsStarted(count: Int, cached: Int)
    /// One snippet finished: `done` of `total`, in `seconds`.
    case finished(snippet: String, done: Int, total: Int, seconds: Double, failed: Bool)

    /// The report as one line of text.
    public var text: String {
        switch self {
        case let .buildStarted(snippets, first):
            return "Building \(snippets == 1 ? "1 snippet" : "\(snippets) snippets") with swift build\(first ? " (a first build compiles the package's libraries too)" : "")…"
        case let .compiling(line): return line
        case let .buildingExercise(file): return "Building \(file)…"
        case let .buildingAgain(failed):
            return "Building again without the \(failed == 1 ? "one" : "\(failed)") that did not compile…"
        case let .built(seconds): return "Built in \(NumberText.seconds(seconds)) s"
        case let .runsStarted(count, cached):
            return "Running \(count == 1 ? "1 snippet" : "\(count) snippets")\(cached > 0 ? " (\(cached) from the cache)" : "")…"
        case let .finished(snippet, done, total, seconds, failed):
            return "[\(done)/\(total)] \(snippet) \(failed ? "failed" : "ran") in \(NumberText.seconds(seconds)) s"
        }
    }
}
