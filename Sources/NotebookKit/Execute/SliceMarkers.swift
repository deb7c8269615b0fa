import Foundation

/// Where a snippet's run was, slice by slice: the snippet build compiles each snippet with a
/// statement at each top-level slice marker that prints a marker to standard output and flushes
/// it, so every byte printed is known to come from one slice's code (or from code outside every
/// slice), and a snippet stopped at its time limit is known to have been in its last slice. The
/// runner takes the markers out of the output again.
///
/// Only markers outside every brace, bracket and parenthesis get a statement (a marker inside a
/// type's body or a function cannot hold one); text printed by a slice whose markers are nested
/// is placed by ``OutputAttribution``'s rule for text between events.
public enum SliceMarkers {
    /// One marker in the output: from `offset` (a byte offset in the output without markers) on,
    /// the snippet ran slice `slice`, or code outside every slice when nil.
    public struct Mark: Codable, Sendable, Equatable {
        /// The slice, or nil after `// snippet.end` (code outside every slice).
        public var slice: String?
        /// The byte offset in standard output (markers taken out) where it starts.
        public var offset: Int

        /// Creates a mark.
        public init(slice: String?, offset: Int) {
            self.slice = slice
            self.offset = offset
        }
    }

    static let open = "\u{1}notebook.slice "
    static let close = "\u{2}"

    /// The source the snippet build compiles for `source` (the snippet at `path`, an absolute
    /// path): a `#sourceLocation` so diagnostics, `#file` and `#line` name the real file and its
    /// lines, and each top-level slice marker line turned into a statement that prints a marker.
    public static func instrument(_ source: String, path: String) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let depths = SwiftNesting.depths(lines).map { $0 == 0 }
        var region = false
        var output: [String] = []
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard depths[index], trimmed.hasPrefix("// snippet.") else {
                output.append(line)
                continue
            }
            let marker = String(trimmed.dropFirst("// snippet.".count)).trimmingCharacters(in: .whitespaces)
            var slice: String??
            switch marker {
            case "hide", "show": slice = nil
            case "solution", "grader": region = true; slice = nil
            case "end":
                if region { region = false; slice = nil } else { slice = .some(nil) }
            default: slice = .some(marker)
            }
            guard let slice, (slice ?? "").allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                output.append(line)
                continue
            }
            let text = open + (slice ?? "") + close
            output.append("Swift.print(\(SwiftLiteral.string(text)), terminator: \"\"); _ = fflush(nil) \(line.trimmingCharacters(in: .whitespaces))")
        }
        let header = """
            #if canImport(Glibc)
            import func Glibc.fflush
            #elseif canImport(Musl)
            import func Musl.fflush
            #elseif canImport(Darwin)
            import func Darwin.fflush
            #endif
            #sourceLocation(file: \(SwiftLiteral.string(path)), line: 1)
            """
        return header + "\n" + output.joined(separator: "\n")
    }

    /// The output without its markers, the marks in order, and the marker bytes taken out (each
    /// at its offset in the output with markers). Text cut off inside a marker (output over the
    /// runner's limit) is dropped.
    public static func strip(_ output: String) -> (text: String, marks: [Mark], removed: [(at: Int, count: Int)]) {
        let bytes = Array(output.utf8)
        let openBytes = Array(open.utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var marks: [Mark] = []
        var removed: [(Int, Int)] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == openBytes[0], bytes[index...].starts(with: openBytes) {
                let start = index + openBytes.count
                guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\u{2}")) else {
                    removed.append((index, bytes.count - index))
                    break
                }
                let name = String(decoding: bytes[start..<end], as: UTF8.self)
                marks.append(Mark(slice: name.isEmpty ? nil : name, offset: text.count))
                removed.append((index, end + 1 - index))
                index = end + 1
                continue
            }
            text.append(bytes[index])
            index += 1
        }
        return (String(decoding: text, as: UTF8.self), marks, removed)
    }

    /// The bytes the markers take in the output file at `url`, read a piece at a time (output
    /// over the runner's limit is never held whole), by ``strip(_:)``'s rule: a marker runs
    /// from its opening to the next `\u{2}`, or to the end.
    static func markerBytes(in url: URL) -> Int {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return 0 }
        defer { try? handle.close() }
        let openBytes = Array(open.utf8), closeByte = UInt8(ascii: "\u{2}")
        var matched = 0, inMarker = 0, total = 0
        while let piece = try? handle.read(upToCount: 1 << 20), !piece.isEmpty {
            piece.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                guard let base = bytes.baseAddress else { return }
                // Between markers and inside one, `memchr` skips to the byte that can change
                // anything: a flood of output is read at memory speed, even in a debug build.
                func next(_ byte: UInt8, from index: Int) -> Int? {
                    memchr(base + index, Int32(byte), bytes.count - index).map { base.distance(to: UnsafeRawPointer($0)) }
                }
                var index = 0
                while index < bytes.count {
                    if inMarker > 0 {
                        guard let end = next(closeByte, from: index) else { inMarker += bytes.count - index; return }
                        total += inMarker + end - index + 1
                        inMarker = 0
                        index = end + 1
                        continue
                    }
                    if matched == 0 {
                        guard let start = next(openBytes[0], from: index) else { return }
                        index = start
                    }
                    let byte = bytes[index]
                    if byte == openBytes[matched] {
                        matched += 1
                        if matched == openBytes.count { inMarker = matched; matched = 0 }
                    } else {
                        matched = byte == openBytes[0] ? 1 : 0
                    }
                    index += 1
                }
            }
        }
        return total + inMarker
    }

    /// `offset`, measured in the output with markers, in the output without them.
    static func cleanOffset(_ offset: Int, removed: [(at: Int, count: Int)]) -> Int {
        var result = offset
        for marker in removed where marker.at < offset {
            result -= min(marker.count, offset - marker.at)
        }
        return max(0, result)
    }
}
