import NotebookRuntime
import Plotting

/// Snippet outputs as terminal text: printed text, tables, check marks and ASCII plots in order.
public enum TerminalOutput {
    /// A whole run's outputs, with a note if its output was cut and its stderr if it failed.
    public static func render(_ run: SnippetRun, width: Int, mode: ASCIIRenderer.Mode) -> String {
        render(OutputAttribution.items(run), width: width, mode: mode) + notes(run)
    }

    /// Some outputs, in order.
    public static func render(_ items: [OutputItem], width: Int, mode: ASCIIRenderer.Mode) -> String {
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
                    text += table.text + "\n\n"
                case let .check(check):
                    text += check.passed ? "✔ \(check.claim)\n" : "✘ \(check.claim) (\(check.file):\(check.line))\n"
                case .record:
                    break
                }
            }
        }
        return text
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
