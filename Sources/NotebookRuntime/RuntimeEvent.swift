import Plotting

/// A value recorded by a snippet for a notebook's prose (`{{name}}`).
public enum RecordedValue: Codable, Sendable, Equatable {
    /// A number, formatted by the prose's format (`{{name:%.3f}}`).
    case number(Double)
    /// Text, inserted as is (escaped on the page).
    case text(String)
}

/// The result of one `check(_:_:)`.
public struct CheckResult: Codable, Sendable, Equatable {
    /// Whether the condition held.
    public var passed: Bool
    /// The claim, in words.
    public var claim: String
    /// The snippet file that made the check.
    public var file: String
    /// Its line.
    public var line: Int

    /// Creates a check result.
    public init(passed: Bool, claim: String, file: String, line: Int) {
        self.passed = passed
        self.claim = claim
        self.file = file
        self.line = line
    }
}

/// One thing a snippet showed, in the order shown: what the runner reads from the side channel.
public struct RuntimeEvent: Codable, Sendable, Equatable {
    /// What was shown.
    public enum Payload: Codable, Sendable, Equatable {
        /// A figure (drawn as SVG on pages and ASCII in terminals).
        case figure(Figure)
        /// A table.
        case table(Table)
        /// A check and whether it passed.
        case check(CheckResult)
        /// A named value for the prose.
        case record(name: String, value: RecordedValue)
        /// A figure for each value of a parameter, shown with a slider.
        case sweep(Sweep)
    }

    /// How many bytes the snippet had written to standard output when this was shown, so the
    /// page can interleave text and outputs in order.
    public var stdoutOffset: Int
    /// What was shown.
    public var payload: Payload
    /// The snippet line that showed it (so a page can put it under the slice that holds that
    /// line), or nil when unknown.
    public var line: Int?

    /// Creates an event.
    public init(stdoutOffset: Int, payload: Payload, line: Int? = nil) {
        self.stdoutOffset = stdoutOffset
        self.payload = payload
        self.line = line
    }
}
