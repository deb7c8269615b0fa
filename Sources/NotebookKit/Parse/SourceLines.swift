import Foundation

/// A text's lines as byte ranges of its UTF-8, found in one pass: the parser reads a line by
/// number without splitting the whole text into strings (a 5 MB notebook has 200,000 lines).
struct SourceLines {
    /// The text's bytes.
    let bytes: [UInt8]
    /// Where each line starts; a line ends before the next one's start, less its newline.
    private let starts: [Int]

    init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// The lines of UTF-8 text.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        // `memchr` finds each newline: one C call per line instead of a generic iterator per
        // byte, which an unoptimised build pays for in metadata lookups.
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = base.distance(to: UnsafeRawPointer(found)) + 1
                starts.append(offset)
            }
        }
        self.starts = starts
    }

    /// How many lines (a text ending in a newline has an empty last line, as `split` gives).
    var count: Int { starts.count }

    /// Where line `index` (0-based) lies in ``bytes``, without its newline.
    func range(_ index: Int) -> Range<Int> {
        starts[index]..<(index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count)
    }

    /// The bytes of line `index` (0-based), without its newline.
    subscript(index: Int) -> ArraySlice<UInt8> {
        bytes[range(index)]
    }

    /// Line `index` (0-based) as text.
    func text(_ index: Int) -> String {
        String(decoding: self[index], as: UTF8.self)
    }
}
