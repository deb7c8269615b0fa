/// A table a snippet shows: headers and rows of text.
public struct Table: Codable, Sendable, Equatable {
    /// Column headers.
    public var headers: [String]
    /// Rows; each as long as `headers` (shorter rows are padded when drawn).
    public var rows: [[String]]
    /// An optional caption.
    public var caption: String?

    /// Creates a table.
    public init(headers: [String], rows: [[String]], caption: String? = nil) {
        self.headers = headers
        self.rows = rows
        self.caption = caption
    }

    /// The table as fixed-width text, columns separated by two spaces, for terminals.
    public var text: String {
        let columns = max(headers.count, rows.map(\.count).max() ?? 0)
        func cell(_ row: [String], _ i: Int) -> String { i < row.count ? row[i] : "" }
        let widths = (0..<columns).map { i in ([headers] + rows).map { cell($0, i).count }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            var text = ""
            for i in 0..<columns {
                let value = cell(row, i)
                text += value + String(repeating: " ", count: widths[i] - value.count)
                if i < columns - 1 { text += "  " }
            }
            while text.last == " " { text.removeLast() }
            return text
        }
        var lines: [String] = []
        if let caption { lines.append(caption) }
        lines.append(line(headers))
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}
