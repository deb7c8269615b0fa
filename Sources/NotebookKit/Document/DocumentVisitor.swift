/// Whether a walk goes into a node's children after visiting it.
public enum Descent: Sendable {
    /// Visit the node's children (the default).
    case children
    /// Visit the blocks inside a block (a quote's, a list's), but not its inline content: for
    /// analyses of block structure alone, such as the outline of headings.
    case childBlocks
    /// Skip them.
    case skipChildren
}

/// An analysis of a document: the one traversal (``Document/walk(_:)``) calls it for every
/// block and every inline, in document order, going into children unless told not to.
///
/// Every method has a default that does nothing and descends, so a visitor implements only what
/// it looks at. Containers list their children in one place (``Block/childBlocks``,
/// ``Block/inlineRuns``, ``Inline/children``), so a new container is seen by every analysis.
public protocol DocumentVisitor {
    /// Called for each block before its children.
    mutating func visit(block: Block) -> Descent
    /// Called for each block after its children.
    mutating func leave(block: Block)
    /// Called for each inline, with the source line it is on, before its children.
    mutating func visit(inline: Inline, line: Int) -> Descent
}

extension DocumentVisitor {
    /// By default, descend into every block.
    public mutating func visit(block: Block) -> Descent { .children }
    /// By default, nothing happens after a block's children.
    public mutating func leave(block: Block) {}
    /// By default, descend into every inline.
    public mutating func visit(inline: Inline, line: Int) -> Descent { .children }
}

extension Document {
    /// Walks every block and inline of the document with `visitor`, in document order.
    public func walk<V: DocumentVisitor>(_ visitor: inout V) {
        Self.walk(blocks, &visitor)
    }

    private static func walk<V: DocumentVisitor>(_ blocks: [Block], _ visitor: inout V) {
        for block in blocks {
            let descent = visitor.visit(block: block)
            if descent == .children {
                for run in block.inlineRuns {
                    var line = run.line
                    walk(run.inlines, line: &line, &visitor)
                }
            }
            if descent != .skipChildren {
                walk(block.childBlocks, &visitor)
            }
            visitor.leave(block: block)
        }
    }

    /// Inlines, counting line breaks so each inline knows its line (breaks inside an inline
    /// count whether or not the walk goes into it).
    private static func walk<V: DocumentVisitor>(_ inlines: [Inline], line: inout Int, _ visitor: inout V) {
        for inline in inlines {
            let start = line
            if visitor.visit(inline: inline, line: line) != .skipChildren {
                walk(inline.children, line: &line, &visitor)
            }
            line = start + inline.lineBreaks
        }
    }
}

extension Block {
    /// The blocks directly inside this one: a quote's, each list item's in order, an exercise's
    /// statement and then its hints.
    public var childBlocks: [Block] {
        switch self {
        case let .quote(children, _): return children
        case let .list(_, _, _, items, _): return items.flatMap(\.blocks)
        case let .snippet(reference): return (reference.exercise?.statement ?? []) + (reference.exercise?.hints.flatMap { $0 } ?? [])
        case .heading, .paragraph, .code, .table, .rule, .html, .math: return []
        }
    }

    /// The runs of inline content directly in this block, each with the line it starts on: a
    /// heading's or paragraph's content; a table's header cells, then its rows' cells.
    public var inlineRuns: [(inlines: [Inline], line: Int)] {
        switch self {
        case let .heading(_, content, line), let .paragraph(content, line): return [(content, line)]
        case let .table(table, line): return (table.header + table.rows.flatMap { $0 }).map { ($0, line) }
        case .code, .quote, .list, .rule, .html, .snippet, .math: return []
        }
    }
}

extension Inline {
    /// The line breaks in this inline and everything inside it (image descriptions and raw HTML
    /// included): how many source lines it moves on.
    var lineBreaks: Int {
        switch self {
        case .softBreak, .lineBreak: return 1
        case let .html(raw): return raw.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        case let .emphasis(children), let .strong(children), let .strikethrough(children), let .link(_, _, children), let .image(_, _, children):
            return children.reduce(0) { $0 + $1.lineBreaks }
        case .text, .code, .symbolLink, .math: return 0
        }
    }

    /// The inlines directly inside this one: emphasised, strong or struck text, a link's text.
    ///
    /// An image has none: every output shows its description as plain alt text, so links,
    /// formulas and values written there are not links, formulas or values.
    public var children: [Inline] {
        switch self {
        case let .emphasis(children), let .strong(children), let .strikethrough(children), let .link(_, _, children):
            return children
        case .image, .text, .code, .symbolLink, .softBreak, .lineBreak, .html, .math: return []
        }
    }
}
