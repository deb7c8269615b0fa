import Testing
@testable import NotebookKit
import NotebookRuntime
import Plotting

@Suite("Narrow terminals: tables, headings, display math, figure notes and sweep labels stay within the width")
struct TerminalTableTests {
    let table = Table(headers: ["loss", "problem", "bounded gradient (robust to outliers)"],
                      rows: [["MSE", "regression", "no"], ["Huber (δ = 1)", "regression, outliers", "yes"]])

    @Test("A table that fits is laid out in columns, as a snippet run by hand prints it")
    func columns() {
        let lines = TerminalTable.lines(table, style: TerminalStyle(color: false, unicode: true, width: 80))
        #expect(lines.joined(separator: "\n") == table.text)
    }

    @Test("A table wider than the terminal becomes one record per row: every cell under its header, no line past the width")
    func records() {
        let lines = TerminalTable.lines(table, style: TerminalStyle(color: false, unicode: true, width: 30))
        #expect(lines.allSatisfy { $0.count <= 30 }, "\(lines)")
        #expect(lines == [
            "loss: MSE", "  problem: regression", "  bounded gradient (robust to", "    outliers): no",
            "loss: Huber (δ = 1)", "  problem: regression,", "    outliers", "  bounded gradient (robust to", "    outliers): yes",
        ])
    }

    @Test("Columns line up by visible width when cells carry colour")
    func styledCells() {
        let style = TerminalStyle(color: true, unicode: true, width: 80)
        let styled = Table(headers: ["a", "b"], rows: [[style.bold("x"), "1"], ["yy", "2"]])
        let lines = TerminalTable.lines(styled, style: style)
        #expect(lines.map { TerminalStyle.visibleWidth($0) } == [5, 5, 5, 5], "\(lines)")
        #expect(lines[2].hasSuffix("  1") && lines[3].hasSuffix("  2"))
    }

    @Test("Words wrap at spaces within the width; a longer word stays whole on its own line; newlines are spaces")
    func wordWrap() {
        #expect(WordWrap.lines("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(WordWrap.lines("a\nb  c", width: 80, first: "> ", indent: "  ") == ["> a b c"])
        #expect(WordWrap.lines("tiny supercalifragilistic end", width: 8, indent: " ") == ["tiny", " supercalifragilistic", " end"])
        #expect(WordWrap.lines("", width: 10, first: "x") == ["x"])
        #expect(WordWrap.lines("ab cd", width: 4, measure: { $0.count * 2 }) == ["ab", "cd"])
    }

    @Test("A heading wraps, its underline as wide as its widest line")
    func heading() {
        let style = TerminalStyle(color: false, unicode: true, width: 30)
        #expect(style.heading("MSE and outliers: the house-prices case study", level: 1)
                == "MSE and outliers: the\nhouse-prices case study\n=======================")
        #expect(style.heading("Short", level: 2) == "Short\n-----")
    }

    @Test("Display math too wide for the terminal puts each formula or case on a line of its own")
    func displayMath() {
        let tex = #"\mathrm{MSE}(\hat{y}, y) = \frac{1}{n}\sum_{i=1}^{n} (\hat{y}_i - y_i)^2, \qquad \frac{\partial\,\mathrm{MSE}}{\partial \hat{y}_i} = \frac{2}{n}(\hat{y}_i - y_i)"#
        let wide = Walkthrough.text(of: [.math(tex, line: 1)], style: TerminalStyle(color: false, unicode: true, width: 80))
        #expect(wide.split(separator: "\n").count == 1, "\(wide)")
        let narrow = Walkthrough.text(of: [.math(tex, line: 1)], style: TerminalStyle(color: false, unicode: true, width: 40))
        let lines = narrow.split(separator: "\n")
        #expect(lines.count == 2 && lines.allSatisfy { $0.count <= 40 && $0.hasPrefix("    ") }, "\(narrow)")
        #expect(lines[0].hasSuffix(",") && lines[0] + "  " + lines[1].dropFirst(4) == wide.dropLast(), "\(lines)")
    }

    @Test("An ASCII figure's title and notes wrap at its width; a sweep's label and caption too")
    func figureText() {
        let panel = Panel(title: "p", x: Axis("x"), series: [Series("s", x: [0, 1, 2], y: [1, .nan, 3])])
        let figure = Figure(title: "A long figure title that cannot fit in thirty columns", panels: [panel, panel])
        let text = ASCIIRenderer(width: 30, height: 6, mode: .ascii).render(figure)
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 30 }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Note: Panel 1:") } && lines.contains { $0.hasPrefix("  ") && $0.contains("skipped") })
        let caption = "a caption long enough to need more than one line of thirty columns"
        let sweep = Sweep(parameter: "the minority class's weight", values: [1, 2], initial: 0,
                          frames: [Figure(panel), Figure(panel)], captions: [caption, caption])
        let frame = TerminalOutput.sweepText(sweep, frame: 0, width: 30, mode: .ascii)
        #expect(frame.split(separator: "\n").allSatisfy { $0.count <= 30 }, "\(frame)")
        #expect(frame.contains("(1 of 2;"))
    }
}
