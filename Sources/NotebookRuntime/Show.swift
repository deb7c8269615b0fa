import Plotting

/// Shows a figure: inline SVG on the page, an ASCII plot when run by hand.
public func show(_ figure: Figure, line: Int = #line) {
    if RuntimeChannel.send(.figure(figure), line: line) { return }
    let unicode = RuntimeChannel.unicodePlots
    print(ASCIIRenderer(width: 72, height: 16, mode: unicode ? .unicode : .ascii).render(figure))
}

/// Shows a table: an HTML table on the page, aligned text when run by hand.
public func show(table: Table, line: Int = #line) {
    if RuntimeChannel.send(.table(table), line: line) { return }
    print(table.text)
    print()
}

/// Shows a table from headers and rows of any printable values.
public func show(table headers: [String], rows: [[any CustomStringConvertible]], caption: String? = nil, line: Int = #line) {
    show(table: Table(headers: headers, rows: rows.map { $0.map(\.description) }, caption: caption), line: line)
}

/// Checks a claim the notebook makes. A failed check fails the cell (and `notebook test`);
/// the snippet goes on running. By hand it prints `✔ claim` or `✘ claim (file:line)`.
public func check(_ condition: Bool, _ claim: String, file: StaticString = #fileID, line: Int = #line) {
    let result = CheckResult(passed: condition, claim: claim, file: "\(file)", line: line)
    if RuntimeChannel.send(.check(result), line: line) { return }
    print(condition ? "✔ \(claim)" : "✘ \(claim) (\(file):\(line))")
}

/// Records a number for the notebook's prose: `{{name}}` or `{{name:%.3f}}` quotes it.
public func record(_ name: String, _ value: Double, line: Int = #line) {
    if RuntimeChannel.send(.record(name: name, value: .number(value)), line: line) { return }
    print("\(name) = \(value)")
}

/// Records an integer for the notebook's prose.
public func record(_ name: String, _ value: Int, line: Int = #line) {
    if RuntimeChannel.send(.record(name: name, value: .number(Double(value))), line: line) { return }
    print("\(name) = \(value)")
}

/// Records text for the notebook's prose.
public func record(_ name: String, _ value: String, line: Int = #line) {
    if RuntimeChannel.send(.record(name: name, value: .text(value)), line: line) { return }
    print("\(name) = \(value)")
}
