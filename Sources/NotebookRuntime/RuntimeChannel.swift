import Foundation
import Synchronization

/// Where a snippet's outputs go: to the runner's side channel when the runner started it (the
/// environment names a file in ``RuntimeChannel/environmentKey``), else to standard output as
/// text and ASCII plots, for `swift run NAME` by hand.
public enum RuntimeChannel {
    /// The environment variable the runner sets to the path of the event file (JSON lines).
    public static let environmentKey = "NOTEBOOK_EVENTS"
    /// The environment variable that picks the plot style by hand: `ascii` (default) or `unicode`.
    public static let plotStyleKey = "NOTEBOOK_PLOT"

    /// The encoder for events: sorted keys, non-finite numbers as strings, one line each.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    /// The decoder matching ``makeEncoder()``.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }

    /// Reads an event file written by a snippet. Lines that do not decode (a snippet killed
    /// mid-write) are skipped; their count is returned too.
    public static func readEvents(_ data: Data) -> (events: [RuntimeEvent], unreadable: Int) {
        let decoder = makeDecoder()
        var events: [RuntimeEvent] = []
        var unreadable = 0
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            if let event = try? decoder.decode(RuntimeEvent.self, from: Data(line)) {
                events.append(event)
            } else {
                unreadable += 1
            }
        }
        return (events, unreadable)
    }

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
        guard let path = ProcessInfo.processInfo.environment[RuntimeChannel.environmentKey], !path.isEmpty else {
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
        guard var data = try? RuntimeChannel.makeEncoder().encode(event) else { return }
        data.append(UInt8(ascii: "\n"))
        data.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result <= 0 { break }
                written += result
            }
        }
    }
}
