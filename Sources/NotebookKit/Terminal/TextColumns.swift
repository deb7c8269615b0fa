/// Rows of text cells lined up in columns for a terminal: each cell padded to its column's
/// widest, two spaces between columns, no trailing spaces. Widths ignore ANSI styling.
public enum TextColumns {
    /// One line per row (rows may have fewer cells than the widest); with `ruleUnderFirst`, a
    /// line of dashes as wide as each column follows the first row (a header).
    public static func lines(_ rows: [[String]], ruleUnderFirst: Bool = false) -> [String] {
        let count = rows.map(\.count).max() ?? 0
        let widths = (0..<count).map { column in rows.map { column < $0.count ? TerminalStyle.visibleWidth($0[column]) : 0 }.max() ?? 0 }
        var lined = rows
        if ruleUnderFirst, !rows.isEmpty { lined.insert(widths.map { String(repeating: "-", count: $0) }, at: 1) }
        return lined.map { row in
            zip(row, widths).map { $0 + String(repeating: " ", count: $1 - TerminalStyle.visibleWidth($0)) }.joined(separator: "  ").trimmingTrailingSpace
        }
    }
}
