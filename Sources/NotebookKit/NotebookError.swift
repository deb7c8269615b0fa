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

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

/// "did you mean" for names: the closest candidate by edit distance, if reasonably close.
func closest(to name: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, levenshtein($0.lowercased(), name.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
    return best.1 <= max(3, name.count / 2) ? best.0 : nil
}

/// " (did you mean 'x'?)" or "".
func suggestion(for name: String, in candidates: [String]) -> String {
    closest(to: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
}

func levenshtein(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
