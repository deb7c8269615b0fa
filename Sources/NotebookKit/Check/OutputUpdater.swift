import Foundation

/// `notebook test --update`: rewrites the content of `output` blocks in place, leaving every
/// other byte of the notebook as it was.
enum OutputUpdater {
    static func rewrite(_ url: URL, changes: [(ExpectedOutput, String)]) throws(NotebookError) {
        let path = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw NotebookError(file: path, line: nil, "cannot read the notebook to update it")
        }
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: newline)
        // From the bottom up, so earlier line numbers stay valid.
        for (expected, output) in changes.sorted(by: { $0.0.line > $1.0.line }) {
            guard let end = expected.endLine, end - 1 <= lines.count else {
                throw NotebookError(file: path, line: expected.line, "the output block is not closed; close it with a fence before updating")
            }
            let fence = lines[expected.line - 1]
            let indent = String(fence.prefix { $0 == " " })
            let marker = fence.trimmingCharacters(in: " ").prefix { $0 == "`" || $0 == "~" }
            var body = output.components(separatedBy: "\n")
            if body.last == "" { body.removeLast() }
            if body.contains(where: { $0.trimmingCharacters(in: " ").hasPrefix(String(marker)) }) {
                throw NotebookError(file: path, line: expected.line, "the snippet's output contains the fence '\(marker)'; use a longer fence")
            }
            lines.replaceSubrange(expected.line..<(end - 1), with: body.map { $0.isEmpty ? "" : indent + $0 })
        }
        do {
            try Data(lines.joined(separator: newline).utf8).write(to: url, options: .atomic)
        } catch {
            throw NotebookError(file: path, line: nil, "cannot write the updated notebook: \(error.localizedDescription)")
        }
    }
}
