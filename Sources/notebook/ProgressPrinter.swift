import Foundation
import NotebookKit
import Synchronization

/// Prints the execution service's progress: on a terminal, SwiftPM's compile steps overwrite one
/// status line; in a log (CI), plain lines, with a compile step at most every five seconds.
final class ProgressPrinter: Sendable {
    private let terminal = isatty(STDOUT_FILENO) == 1
    private let state = Mutex<(statusShown: Bool, lastCompile: Date)>((false, .distantPast))

    /// The closure to put in ``ExecutionService/Settings/progress``.
    var report: @Sendable (ExecutionProgress) -> Void {
        { [self] event in show(event) }
    }

    private func show(_ event: ExecutionProgress) {
        state.withLock { state in
            if case let .compiling(line) = event {
                if terminal {
                    print("\r\u{1B}[2K" + String(line.prefix((TerminalSize.columns() ?? 80) - 1)), terminator: "")
                    state.statusShown = true
                } else if Date().timeIntervalSince(state.lastCompile) >= 5 {
                    print(line)
                    state.lastCompile = Date()
                }
            } else {
                if state.statusShown { print("\r\u{1B}[2K", terminator: "") }
                state.statusShown = false
                print(event.text)
            }
            fflush(nil)
        }
    }
}
