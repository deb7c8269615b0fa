/// Finds links between notebooks that point nowhere: a missing `.md` file or a missing heading.
enum LinkChecker {
    /// The heading ids of a document, as its page gives them.
    static func anchors(_ document: Document) -> Set<String> {
        var slugs = SlugMaker()
        var ids: Set<String> = []
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case let .heading(_, inlines, _): ids.insert(slugs.slug(Inline.plainText(inlines)))
                case let .quote(children, _): walk(children)
                case let .list(_, _, items, _): items.forEach { walk($0.blocks) }
                default: break
                }
            }
        }
        walk(document.blocks)
        return ids
    }

    /// Every link in a document with the line of its block.
    static func links(_ document: Document) -> [(destination: String, line: Int)] {
        var result: [(String, Int)] = []
        func inlines(_ content: [Inline], line: Int) {
            for inline in content {
                switch inline {
                case let .link(destination, _, children):
                    result.append((destination, line))
                    inlines(children, line: line)
                case let .emphasis(children), let .strong(children), let .strikethrough(children):
                    inlines(children, line: line)
                default: break
                }
            }
        }
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case let .heading(_, content, line), let .paragraph(content, line): inlines(content, line: line)
                case let .quote(children, _): walk(children)
                case let .list(_, _, items, _): items.forEach { walk($0.blocks) }
                case let .table(table, line):
                    (table.header + table.rows.flatMap { $0 }).forEach { inlines($0, line: line) }
                default: break
                }
            }
        }
        walk(document.blocks)
        return result
    }

    /// Broken internal links of `documents` (paths relative to the package), each with file:line.
    static func check(_ documents: [Document], allNotebooks: Set<String>, anchorsByPath: [String: Set<String>]) -> [NotebookError] {
        var errors: [NotebookError] = []
        for document in documents {
            let folder = document.path.split(separator: "/").dropLast().joined(separator: "/")
            for (destination, line) in links(document) {
                guard !destination.contains("://"), !destination.hasPrefix("mailto:") else { continue }
                let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0]
                let fragment = parts.count > 1 ? parts[1] : nil
                var path = document.path
                if !target.isEmpty {
                    guard target.hasSuffix(".md") else { continue }
                    path = normalize(folder + "/" + target)
                    guard allNotebooks.contains(path) else {
                        let names = allNotebooks.map { String($0.split(separator: "/").last ?? "") }
                        errors.append(NotebookError(file: document.path, line: line, "link to a missing notebook '\(target)'\(suggestion(for: target, in: names))"))
                        continue
                    }
                }
                if let fragment, let anchors = anchorsByPath[path], !anchors.contains(fragment) {
                    errors.append(NotebookError(file: document.path, line: line, "link to a missing heading '#\(fragment)' in \(path)\(suggestion(for: fragment, in: Array(anchors)))"))
                }
            }
        }
        return errors
    }

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
