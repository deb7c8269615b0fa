import Foundation

/// One doc-test failure: where (the notebook's line, and for a snippet also its Swift file:line)
/// and what.
public struct DocTestFailure: Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure.
    public enum Kind: String, Sendable {
        case notebook, build, crash, check, output, determinism, exercise
    }

    /// The notebook (or other file) at fault.
    public var file: String
    /// The line in it.
    public var line: Int?
    /// The kind.
    public var kind: Kind
    /// One-line message.
    public var message: String
    /// Extra lines (a diff, stderr), or empty.
    public var details: String

    /// Creates a failure.
    public init(file: String, line: Int?, kind: Kind, message: String, details: String) {
        self.file = file
        self.line = line
        self.kind = kind
        self.message = message
        self.details = details
    }

    /// A notebook problem (a bad reference, an unknown value, a broken link, a formula) as a failure at its place.
    public init(notebook error: NotebookError) {
        self.init(file: error.file, line: error.line, kind: .notebook, message: error.message, details: "")
    }

    /// `file:line: message`.
    public var description: String {
        (line.map { "\(file):\($0): " } ?? "\(file): ") + message
    }

    /// The GitHub Actions annotation for this failure.
    public var githubAnnotation: String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        }
        let location = "file=\(escape(file))" + (line.map { ",line=\($0)" } ?? "")
        let body = details.isEmpty ? message : message + "\n" + details
        return "::error \(location)::\(escape(body))"
    }
}
