/// A text's lines as byte ranges of its UTF-8, found in one pass: the parser reads a line by
/// number without splitting the whole text into strings (a 5 MB notebook has 200,000 lines).
struct SourceLines {
    /// The text's bytes.
    let bytes: [UInt8]
    /// Where each line starts; a line ends before the next one's start, less its newline.
    private let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        self.starts = starts
    }

    /// How many lines (a text ending in a newline has an empty last line, as `split` gives).
    var count: Int { starts.count }

    /// The bytes of line `index` (0-based), without its newline.
    subscript(index: Int) -> ArraySlice<UInt8> {
        let end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
        return bytes[starts[index]..<end]
    }

    /// Line `index` (0-based) as text.
    func text(_ index: Int) -> String {
        String(decoding: self[index], as: UTF8.self)
    }
}
