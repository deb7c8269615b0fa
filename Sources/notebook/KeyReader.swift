import Foundation
import NotebookKit

/// The terminal settings to put back, for the signal handlers (which may not capture).
nonisolated(unsafe) private var savedTerminal = termios()

/// Single key presses from a terminal, without Enter and without echo (raw mode). The
/// terminal's settings come back when the reader is done, and on Ctrl-C or a kill.
final class KeyReader {
    /// A key press.
    enum Key: Equatable {
        case enter, space, left, right, up, down, escape, end
        case character(Character)
    }

    /// A reader, or nil when standard input is not a terminal (then lines are read instead).
    init?() {
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &savedTerminal) == 0 else { return nil }
        var raw = savedTerminal
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { number in
                ChildProcessGroups.killAll()
                tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal)
                _exit(128 + number)
            }
        }
    }

    deinit { restore() }

    /// Puts the terminal's settings back.
    func restore() {
        tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal)
    }

    /// The next key press; `.end` at the end of input or on Ctrl-D.
    func read() -> Key {
        guard let byte = readByte() else { return .end }
        switch byte {
        case 0x0A, 0x0D: return .enter
        case 0x20: return .space
        case 0x04: return .end
        case 0x1B:
            // An escape sequence follows at once (arrows: ESC [ C); a lone Escape does not.
            guard ready(), let second = readByte(), second == UInt8(ascii: "[") || second == UInt8(ascii: "O"), let third = readByte() else { return .escape }
            switch third {
            case UInt8(ascii: "A"): return .up
            case UInt8(ascii: "B"): return .down
            case UInt8(ascii: "C"): return .right
            case UInt8(ascii: "D"): return .left
            default: return .escape
            }
        default:
            return .character(Character(Unicode.Scalar(byte)))
        }
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        return Foundation.read(STDIN_FILENO, &byte, 1) == 1 ? byte : nil
    }

    /// Whether another byte arrives within 50 ms.
    private func ready() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 50) > 0
    }
}
