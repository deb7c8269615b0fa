#if canImport(Glibc)
import Glibc
#endif
import NotebookRuntime

/// What running one snippet produced.
public struct SnippetRun: Codable, Sendable, Equatable {
    /// The snippet's name.
    public var name: String
    /// Standard output (cut at the runner's limit).
    public var stdout: String
    /// Whether standard output was cut; `stdoutBytes` then gives its full size.
    public var stdoutTruncated: Bool
    /// The full size of standard output in bytes.
    public var stdoutBytes: Int
    /// Standard error (cut at the runner's limit).
    public var stderr: String
    /// Figures, tables, checks and records, in order.
    public var events: [RuntimeEvent]
    /// How the process ended.
    public var outcome: ProcessOutcome
    /// Wall-clock seconds it ran (0 for a snippet that did not build).
    public var seconds: Double
    /// Compiler errors, when the snippet did not build.
    public var buildErrors: [String]
    /// The run-cache key this result is stored under (nil when not cached).
    public var cacheKey: String? = nil
    /// The sandbox limit the snippet ran into (`the 2 GiB memory limit; raise it with ...`), if
    /// that is why it failed.
    public var limitExceeded: String? = nil
    /// Where the run was, slice by slice, in standard output (``SliceMarkers``); nil for a
    /// snippet built without markers (or whose top-level code has none).
    public var sliceMarks: [SliceMarkers.Mark]? = nil

    /// The result for a snippet that did not build.
    public static func didNotBuild(_ name: String, errors: [String]) -> SnippetRun {
        SnippetRun(name: name, stdout: "", stdoutTruncated: false, stdoutBytes: 0, stderr: "", events: [],
                   outcome: .exited(0), seconds: 0, buildErrors: errors)
    }

    /// The checks it made.
    public var checks: [CheckResult] {
        events.compactMap { if case let .check(result) = $0.payload { result } else { nil } }
    }

    /// The values it recorded, by name (the last one wins).
    public var records: [String: RecordedValue] {
        var result: [String: RecordedValue] = [:]
        for event in events { if case let .record(name, value) = event.payload { result[name] = value } }
        return result
    }

    /// Whether running the snippet again would end the same way, so that the run cache may keep
    /// the result: not when it ran out of time (the machine may only have been busy), nor when
    /// something outside it killed it (SIGKILL with no sandbox limit behind it: a stopped
    /// `notebook`, which kills its children, or an operator).
    public var isReproducible: Bool {
        !outcome.isTimeout && !(outcome == .signaled(SIGKILL) && limitExceeded == nil)
    }

    /// Whether the cell failed: it did not build, did not exit with 0, or a check failed.
    public var failed: Bool {
        !buildErrors.isEmpty || !outcome.succeeded || checks.contains { !$0.passed }
    }

    /// How the process ended, in words: the limit it exceeded, else its outcome; a timeout says
    /// where the limit comes from.
    public var ending: String {
        if let limitExceeded { return "exceeded \(limitExceeded)" }
        if case .timedOut = outcome { return outcome.description + "; raise `timeout:` in the front matter (default 60 s)" }
        return outcome.description
    }

    /// One line on why the cell failed, or nil; the one wording `build`, `test`, pages and the
    /// walkthrough share. With `file` (the snippet's path in the package, `Snippets/x.swift`),
    /// it names the file, check failures point into it, and a crash or timeout says the last
    /// line that reported.
    public func failureSummary(file: String? = nil) -> String? {
        let subject = file ?? "the snippet"
        if !buildErrors.isEmpty { return "\(subject) did not build: \(buildErrors[0])" }
        if !outcome.succeeded {
            let line = events.last { $0.line != nil }?.line
            let last = file.flatMap { file in line.map { "; its last output came from \(file):\($0)" } } ?? ""
            // The slice it was running, from its slice markers.
            let slice = sliceMarks?.last.map { mark in mark.slice.map { "; it stopped in slice '\($0)'" } ?? "; it stopped outside every slice" } ?? ""
            return "\(subject) \(ending)\(slice)\(last)"
        }
        let failedChecks = checks.filter { !$0.passed }
        if let first = failedChecks.first {
            return "check failed: \(first.claim) (\(file ?? first.file):\(first.line))" + (failedChecks.count > 1 ? " and \(failedChecks.count - 1) more" : "")
        }
        return nil
    }
}

/// Why a cell ran or came from the cache (`notebook build --explain`).
public enum RunReason: Sendable, Equatable, CustomStringConvertible {
    /// The result came from the cache.
    case cached
    /// No result was cached for this snippet yet.
    case firstRun
    /// The executable changed (the snippet or a library it links).
    case executableChanged
    /// The Swift toolchain changed.
    case toolchainChanged
    /// The arguments, environment or time limit the runner passes changed.
    case settingsChanged
    /// `--no-cache` was given.
    case forced
    /// The snippet did not build, so it could not run.
    case didNotBuild

    /// The reason in words, as `notebook build --explain` prints it.
    public var description: String {
        switch self {
        case .cached: return "from the cache"
        case .firstRun: return "ran: no cached result"
        case .executableChanged: return "ran: the executable changed (snippet or library code)"
        case .toolchainChanged: return "ran: the Swift toolchain changed"
        case .settingsChanged: return "ran: the runner's arguments, environment or time limit changed"
        case .forced: return "ran: --no-cache"
        case .didNotBuild: return "did not build"
        }
    }
}
