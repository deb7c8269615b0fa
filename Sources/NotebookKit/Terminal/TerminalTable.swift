import NotebookRuntime
import Plotting

/// A table laid out for a terminal of a given width: in columns when they fit, otherwise one
/// record per row (the first cell under its header, then each other cell indented under its
/// own), so that no line runs past the width and no row is cut across lines by the terminal.
enum TerminalTable {
    /// `table` as lines for `style`'s width (which the caller has already narrowed by any
    /// indent it will add). Widths ignore ANSI styling in cells.
    static func lines(_ table: Table, style: TerminalStyle) -> [String] {
        var lines: [String] = []
        if let caption = table.caption { lines += WordWrap.lines(caption, width: style.width) { TerminalStyle.visibleWidth($0) } }
        let columns = TextColumns.lines([table.headers] + table.rows, ruleUnderFirst: true)
        if columns.allSatisfy({ TerminalStyle.visibleWidth($0) <= style.width }) { return lines + columns }
        for row in table.rows {
            for (index, cell) in row.enumerated() {
                let header = index < table.headers.count ? table.headers[index] : ""
                let field = header.isEmpty ? cell : "\(header): \(cell)"
                lines += WordWrap.lines(field, width: style.width, first: index == 0 ? "" : "  ", indent: index == 0 ? "  " : "    ") {
                    TerminalStyle.visibleWidth($0)
                }
            }
        }
        return lines
    }
}
