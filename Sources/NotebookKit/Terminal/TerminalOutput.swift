import NotebookRuntime
import Plotting

/// Snippet outputs as terminal text: printed text, tables, check marks and ASCII plots in order.
public enum TerminalOutput {
    /// A whole run's outputs, with a note if its output was cut and its stderr if it failed;
    /// failed checks point into `file`, the snippet's path.
    public static func render(_ run: SnippetRun, file: String, width: Int, mode: ASCIIRenderer.Mode) -> String {
        render(OutputAttribution.items(run), file: file, width: width, mode: mode) + notes(run)
    }

    /// Some outputs, in order; each sweep shows the frame `sweepStep` steps from its initial one;
    /// failed checks point into `file`, the snippet's path.
    public static func render(_ items: [OutputItem], file: String, width: Int, mode: ASCIIRenderer.Mode, sweepStep: Int = 0) -> String {
        var text = ""
        for item in items {
            switch item {
            case let .text(printed):
                text += printed
            case let .event(event):
                switch event.payload {
                case let .figure(figure):
                    text += ASCIIRenderer(width: width, height: 16, mode: mode).render(figure) + "\n"
                case let .table(table):
                    let style = TerminalStyle(color: false, unicode: mode == .unicode, width: width)
                    text += TerminalTable.lines(table, style: style).joined(separator: "\n") + "\n\n"
                case let .check(check):
                    // A long claim wraps under itself rather than running past the width.
                    let line = check.passed ? check.claim : "\(check.claim) (\(file):\(check.line))"
                    text += TerminalStyle(color: false, unicode: mode == .unicode, width: width).wrapWords(line, first: check.passed ? "✔ " : "✘ ", indent: "  ") + "\n"
                case let .sweep(sweep):
                    let frame = min(max(0, sweep.initial + sweepStep), sweep.frames.count - 1)
                    text += sweepText(sweep, frame: frame, width: width, mode: mode)
                case .record:
                    break
                }
            }
        }
        return text
    }

    /// One frame of a sweep: its plot, caption, and where it stands among the values.
    public static func sweepText(_ sweep: Sweep, frame: Int, width: Int, mode: ASCIIRenderer.Mode) -> String {
        let arrows = mode == .ascii ? "< and >" : "← and →"
        let label = "\(sweep.label(frame)) (\(frame + 1) of \(sweep.frames.count); \(arrows) step through \(sweep.parameter))"
        return sweep.frameText(frame, width: width, mode: mode) + WordWrap.lines(label, width: width, indent: "  ").joined(separator: "\n") + "\n"
    }

    /// The cut-output note and, for a failed run, its stderr.
    public static func notes(_ run: SnippetRun) -> String {
        var text = ""
        if run.stdoutTruncated {
            text += "[output cut: \(run.stdoutBytes) bytes printed, the first \(run.stdout.utf8.count) shown]\n"
        }
        if !run.stderr.isEmpty, run.failed {
            text += run.stderr.hasSuffix("\n") ? run.stderr : run.stderr + "\n"
        }
        return text
    }
}
