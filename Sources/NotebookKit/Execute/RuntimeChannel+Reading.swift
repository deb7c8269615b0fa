import Foundation
import NotebookRuntime

extension RuntimeChannel {
    /// The decoder for the events a snippet writes with ``EventEncoder``: non-finite numbers
    /// come as the strings `"Infinity"`, `"-Infinity"` and `"NaN"`.
    private static func makeDecoder() -> JSONDecoder {
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
}
