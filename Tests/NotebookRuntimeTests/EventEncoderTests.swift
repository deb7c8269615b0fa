import Foundation
import NotebookKit
import NotebookRuntime
import Plotting
import Testing

@Suite("Events in JSON without Foundation: the snippet's encoder against the runner's reader")
struct EventEncoderTests {
    /// Foundation's encoder with the settings the snippets used before ``EventEncoder``.
    func foundationJSON<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return Array(try encoder.encode(value))
    }

    /// Reads one encoded event back as the runner does.
    func readBack(_ bytes: [UInt8]) -> [RuntimeEvent] {
        let (events, unreadable) = RuntimeChannel.readEvents(Data(bytes + [UInt8(ascii: "\n")]))
        return unreadable == 0 ? events : []
    }

    static let text = "tab\there, \"quoted\" \\ back/slash, é, ∑, 🙂, e\u{301}, \u{0}\u{1}\u{8}\u{b}\u{c}\u{1f}\u{7f}\r\n"

    static var events: [RuntimeEvent] {
        let panel = Panel(title: text, x: Axis("x", lower: 0), y: Axis("y", scale: .log),
                          series: [Series("s", kind: .scatter, x: [0, -0.0, .leastNonzeroMagnitude, .infinity], y: [1, 2, .nan, -1e300]),
                                   Series("step", kind: .step, x: [], y: [])],
                          referenceLines: [.vertical(0.3, label: "θ = 0.3"), .horizontal(-2, label: nil)],
                          annotations: [Annotation(x: 1, y: -2.5, text: text)], showsLegend: false)
        var withMap = panel
        withMap.heatMap = HeatMap(x: [0, 1], y: [0, 1], values: [1, 2, 3, .infinity], style: .contours, label: nil, logValues: true)
        let figure = Figure(title: text, panels: [panel, withMap], columns: 2)
        let sweep = Sweep(parameter: "δ", values: [0.5, 1], initial: 1, frames: [figure, Figure(panel)], captions: ["a", text])
        return [
            RuntimeEvent(stdoutOffset: 0, payload: .figure(figure), line: 7),
            RuntimeEvent(stdoutOffset: 12, payload: .table(Table(headers: ["a", text], rows: [["1", "2"], [], [text]], caption: nil)), line: nil),
            RuntimeEvent(stdoutOffset: 3, payload: .table(Table(headers: [], rows: [], caption: text))),
            RuntimeEvent(stdoutOffset: 4, payload: .check(CheckResult(passed: false, claim: text, file: "x/y.swift", line: 41)), line: 41),
            RuntimeEvent(stdoutOffset: .max, payload: .record(name: "x", value: .number(-.infinity)), line: 1),
            RuntimeEvent(stdoutOffset: 5, payload: .record(name: text, value: .text(text)), line: 2),
            RuntimeEvent(stdoutOffset: 6, payload: .sweep(sweep), line: 3),
        ]
    }

    @Test("Every kind of event reads back equal through the runner's reader, NaN aside")
    func everyKind() throws {
        for event in Self.events {
            let bytes = try EventEncoder.encode(event)
            let back = readBack(bytes)
            #expect(back.count == 1, "\(String(decoding: bytes, as: UTF8.self))")
            // NaN is not equal to itself: compare the JSON the two values make instead.
            #expect(try back.map(foundationJSON) == [foundationJSON(event)])
        }
    }

    @Test("Byte for byte the JSON that Foundation's encoder writes with the same settings, 20,000 numbers included")
    func sameBytes() throws {
        let numbers = Self.numbers().map { RuntimeEvent(stdoutOffset: 0, payload: .record(name: "v", value: .number($0))) }
        var differ = 0
        for event in numbers where try EventEncoder.encode(event) != foundationJSON(event) { differ += 1 }
        #expect(differ == 0)
        for event in Self.events {
            let ours = try EventEncoder.encode(event), theirs = try foundationJSON(event)
            #expect(ours == theirs, "\(String(decoding: ours, as: UTF8.self))\n\(String(decoding: theirs, as: UTF8.self))")
        }
    }

    /// 20,000 finite numbers: random bit patterns, subnormals, −0 and the extremes.
    static func numbers() -> [Double] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {   // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var values = [0.0, -0.0, .leastNonzeroMagnitude, -.leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                      0.1, 1.0 / 3, 1e-5, 1e21, 123456789012345680, .ulpOfOne, .pi]
        while values.count < 20_000 {
            let value = Double(bitPattern: next())
            if value.isFinite { values.append(value) }
        }
        return values
    }

    @Test("Numbers read back bit for bit: 20,000 random bit patterns, subnormals, −0 and the extremes")
    func numbersReadBack() throws {
        let values = Self.numbers()
        let events = values.enumerated().map { RuntimeEvent(stdoutOffset: $0.offset, payload: .record(name: "v", value: .number($0.element))) }
        let lines = try events.flatMap { try EventEncoder.encode($0) + [UInt8(ascii: "\n")] }
        let (back, unreadable) = RuntimeChannel.readEvents(Data(lines))
        #expect(unreadable == 0 && back.count == values.count)
        let mismatches = zip(back, values).filter { event, value in
            guard case .record(_, .number(let read)) = event.payload else { return true }
            return read.bitPattern != value.bitPattern
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
        for (value, text) in [(Double.infinity, "\"Infinity\""), (-.infinity, "\"-Infinity\""), (.nan, "\"NaN\"")] {
            let json = String(decoding: try EventEncoder.encode(RuntimeEvent(stdoutOffset: 0, payload: .record(name: "v", value: .number(value)))), as: UTF8.self)
            #expect(json.contains(#""_0":\#(text)"#), "\(json)")
        }
    }

    @Test("Strings: every control character escaped, quotes and backslashes too, '/' and non-ASCII text as they are")
    func strings() throws {
        let all = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self) + "é∑🙂e\u{301}/"
        let event = RuntimeEvent(stdoutOffset: 0, payload: .record(name: all, value: .text(all)))
        let bytes = try EventEncoder.encode(event)
        #expect(readBack(bytes) == [event])
        #expect(!bytes.contains { $0 < 0x20 }, "no raw control character")
        let json = String(decoding: bytes, as: UTF8.self)
        #expect(json.contains(#"\u0000\u0001"#) && json.contains(#"\b\t\n\u000b\f\r"#) && json.contains(##" !\"#"##) && json.contains(#"\\]"#))
        #expect(json.contains("é∑🙂e\u{301}/"))
    }

    /// A value encoded twice under one key, to check the second replaces the first.
    struct Twice: Encodable {
        enum Key: String, CodingKey { case a, b }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(["x": 1], forKey: .a)
            try container.encode(["y": 2], forKey: .a)
            try container.encode([1, 2], forKey: .b)
            try container.encode([3], forKey: .b)
        }
    }

    @Test("Beyond the events: keys not in normal form sort by their bytes, a key encoded twice keeps the second value, 128-bit integers")
    func otherShapes() throws {
        let keys = ["e\u{301}": 0, "z": 1, "\u{F93B}": 2, "\u{B6C6}": 3, "Å": 4, "A\u{30A}x": 5, "a/b": 6, "\"q\"": 7]
        #expect(try EventEncoder.encode(keys) == foundationJSON(keys))
        #expect(try EventEncoder.encode(Twice()) == foundationJSON(Twice()))
        #expect(String(decoding: try EventEncoder.encode(Twice()), as: UTF8.self) == #"{"a":{"y":2},"b":[3]}"#)
        let wide: [Int128] = [.max, .min, 0]
        #expect(try EventEncoder.encode(wide) == foundationJSON(wide))
        #expect(try EventEncoder.encode([UInt128.max]) == foundationJSON([UInt128.max]))
    }
}
