import NotebookRuntime
import Plotting

/// A snippet run as terminal text: its output with tables, check marks and ASCII plots in order.
public enum TerminalOutput {
    /// The run's outputs, interleaved as they were shown.
    public static func render(_ run: SnippetRun, width: Int, mode: ASCIIRenderer.Mode) -> String {
        let bytes = Array(run.stdout.utf8)
        var position = 0
        var text = ""
        func flush(upTo offset: Int) {
            let end = min(max(position, offset), bytes.count)
            if end > position { text += String(decoding: bytes[position..<end], as: UTF8.self) }
            position = end
        }
        for event in run.events {
            flush(upTo: event.stdoutOffset)
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
        flush(upTo: bytes.count)
        if run.stdoutTruncated {
            text += "[output cut: \(run.stdoutBytes) bytes printed, the first \(bytes.count) shown]\n"
        }
        if !run.stderr.isEmpty, run.failed {
            text += run.stderr.hasSuffix("\n") ? run.stderr : run.stderr + "\n"
        }
        return text
    }
}
