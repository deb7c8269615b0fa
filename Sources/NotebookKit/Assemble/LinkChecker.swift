import Foundation
import Support

/// Finds links between notebooks that point nowhere: a missing `.md` file or a missing heading.
/// Addresses are read percent-decoded, as a browser follows them.
enum LinkChecker {
    /// Broken internal links of `document`, each with file:line. `allNotebooks` holds every
    /// notebook path of the package; `anchorsByPath` the heading ids of the notebooks whose
    /// headings can be checked.
    static func problems(in document: Document, allNotebooks: Set<String>, anchorsByPath: [String: Set<String>]) -> [NotebookError] {
        var errors: [NotebookError] = []
        let folder = document.path.split(separator: "/").dropLast().joined(separator: "/")
        for (destination, line) in document.links {
            guard !destination.contains("://"), !destination.hasPrefix("mailto:") else { continue }
            let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            // Addresses may be percent-encoded (`04%20notes.md`, `05-%C3%BC.md`), as GitHub
            // and browsers read them; the page keeps the address, which the browser decodes.
            let target = parts[0].removingPercentEncoding ?? parts[0]
            let fragment = parts.count > 1 ? (parts[1].removingPercentEncoding ?? parts[1]) : nil
            var path = document.path
            if !target.isEmpty {
                guard target.hasSuffix(".md") else { continue }
                path = normalize(folder + "/" + target)
                guard allNotebooks.contains(path) else {
                    let names = allNotebooks.map { String($0.split(separator: "/").last ?? "") }
                    errors.append(NotebookError(file: document.path, line: line, "link to a missing notebook '\(target)'\(Suggestions.didYouMean(target, in: names))"))
                    continue
                }
            }
            if let fragment, let anchors = anchorsByPath[path], !anchors.contains(fragment) {
                errors.append(NotebookError(file: document.path, line: line, "link to a missing heading '#\(fragment)' in \(path)\(Suggestions.didYouMean(fragment, in: Array(anchors)))"))
            }
        }
        return errors
    }

    /// A path with `.` and `..` parts resolved (`a/./b/../c` → `a/c`).
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", !parts.isEmpty { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}
