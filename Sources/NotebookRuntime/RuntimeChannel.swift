import Glibc
import Synchronization

/// Where a snippet's outputs go: to the runner's side channel when the runner started it (the
/// environment names a file in ``RuntimeChannel/environmentKey``), else to standard output as
/// text and ASCII plots, for `swift run NAME` by hand.
public enum RuntimeChannel {
    /// The environment variable the runner sets to the path of the event file (JSON lines).
    public static let environmentKey = "NOTEBOOK_EVENTS"
    /// The environment variable that picks the plot style by hand: `ascii` (default) or `unicode`.
    public static let plotStyleKey = "NOTEBOOK_PLOT"

    /// The value of an environment variable, or nil when it is not set.
    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Whether the plot style asked for by hand is `unicode`.
    static var unicodePlots: Bool { environment(plotStyleKey) == "unicode" }

    static let sink = Mutex<EventSink?>(EventSink.fromEnvironment())

    /// Sends an event to the runner, or returns false when running by hand.
    static func send(_ payload: RuntimeEvent.Payload, line: Int) -> Bool {
        sink.withLock { sink in
            guard let sink else { return false }
            sink.write(payload, line: line)
            return true
        }
    }
}

/// The open event file.
struct EventSink: Sendable {
    let descriptor: Int32

    static func fromEnvironment() -> EventSink? {
        guard let path = RuntimeChannel.environment(RuntimeChannel.environmentKey), !path.isEmpty else {
            return nil
        }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        return descriptor >= 0 ? EventSink(descriptor: descriptor) : nil
    }

    func write(_ payload: RuntimeEvent.Payload, line: Int) {
        // Flush buffered print output first, so the offset counts everything printed so far.
        fflush(nil)
        let offset = Int(lseek(STDOUT_FILENO, 0, SEEK_CUR))
        let event = RuntimeEvent(stdoutOffset: max(0, offset), payload: payload, line: line)
        guard var data = try? EventEncoder.encode(event) else { return }
        data.append(UInt8(ascii: "\n"))
        data.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result <= 0 { break }
                written += result
            }
        }
    }
}
