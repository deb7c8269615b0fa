extension Block {
    /// This block with every inline run inside it (nested blocks included) passed through
    /// `transform`, which sees each inline after its children were transformed. Snippet
    /// references are left as they are.
    func mapInlines(_ transform: (Inline) -> Inline) -> Block {
        func map(_ inlines: [Inline]) -> [Inline] {
            inlines.map { inline in
                switch inline {
                case let .emphasis(children): return transform(.emphasis(map(children)))
                case let .strong(children): return transform(.strong(map(children)))
                case let .strikethrough(children): return transform(.strikethrough(map(children)))
                case let .link(destination, title, children): return transform(.link(destination: destination, title: title, map(children)))
                default: return transform(inline)
                }
            }
        }
        switch self {
        case let .heading(level, content, line): return .heading(level: level, map(content), line: line)
        case let .paragraph(content, line): return .paragraph(map(content), line: line)
        case let .quote(children, line): return .quote(children.map { $0.mapInlines(transform) }, line: line)
        case let .list(ordered, start, tight, items, line):
            return .list(ordered: ordered, start: start, tight: tight,
                         items: items.map { Block.ListItem(blocks: $0.blocks.map { $0.mapInlines(transform) }, task: $0.task) }, line: line)
        case let .table(table, line):
            return .table(Block.Table(alignments: table.alignments, header: table.header.map(map), rows: table.rows.map { $0.map(map) }), line: line)
        case .code, .rule, .html, .snippet, .math:
            return self
        }
    }
}
