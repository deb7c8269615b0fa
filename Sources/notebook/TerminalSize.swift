import Foundation

/// The size of the terminal standard output is on: the window size, else `COLUMNS` and `LINES`.
enum TerminalSize {
    /// Columns, or nil when neither the window nor `COLUMNS` says.
    static func columns() -> Int? {
        window().map { Int($0.ws_col) } ?? ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init)
    }

    /// Rows, or nil when neither the window nor `LINES` says.
    static func rows() -> Int? {
        window().map { Int($0.ws_row) } ?? ProcessInfo.processInfo.environment["LINES"].flatMap(Int.init)
    }

    /// The window size, when standard output is a terminal that knows it.
    private static func window() -> winsize? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return size
    }
}
