import CCmarkGFM
import Synchronization

/// The one place that talks to cmark-gfm: parses Markdown with the GFM extensions and hands
/// out the tree, freeing all C memory when done.
struct CMarkTree: ~Copyable {
    private let root: OpaquePointer

    /// Parses `markdown`, UTF-8, with tables, strikethrough, autolinks and task lists (the tag
    /// filter, GitHub's fifth extension, acts on output: ``HTML/filterTags(_:)``).
    ///
    /// One parse at a time in the process: cmark-gfm keeps the inline parser's special
    /// characters in a table of its own for the whole process, which each parse adds its
    /// extensions' characters to and a finished parse clears, so parses on two threads lost
    /// strikethrough and autolinks now and then (github/cmark-gfm#176, unmerged). Parsing is a
    /// small part of a build (a 5 MB notebook in about 0.3 s).
    init(utf8 markdown: [UInt8]) {
        Self.registerExtensions
        root = Self.parsing.withLock { _ in
            let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8)!
            defer { cmark_parser_free(parser) }
            for name in ["table", "strikethrough", "autolink", "tasklist"] {
                if let extension_ = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, extension_)
                }
            }
            markdown.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                    cmark_parser_feed(parser, pointer, buffer.count)
                }
            }
            return cmark_parser_finish(parser)
        }
    }

    /// Held for the whole of each parse (see ``init(utf8:)``).
    private static let parsing = Mutex(())

    deinit {
        cmark_node_free(root)
    }

    /// Registers the core extensions once per process.
    private static let registerExtensions: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// The node types of the table and strikethrough extensions, numbered when they registered.
    static let extensionKinds: [(type: UInt32, kind: Kind)] = {
        registerExtensions
        return [(ccmark_node_type_table().rawValue, .table), (ccmark_node_type_table_row().rawValue, .tableRow),
                (ccmark_node_type_table_cell().rawValue, .tableCell), (ccmark_node_type_strikethrough().rawValue, .strikethrough)]
    }()

    /// Gives `body` the root node; nodes are valid only inside it.
    func withRoot<R, E: Error>(_ body: (Node) throws(E) -> R) throws(E) -> R {
        try body(Node(pointer: root))
    }

    /// The node kinds the notebook parser reads, after cmark-gfm's node types.
    enum Kind: Sendable {
        case document, heading, paragraph, blockQuote, list, item, taskItem
        case codeBlock, htmlBlock, thematicBreak
        case table, tableRow, tableCell
        case text, code, emphasis, strong, strikethrough, link, image
        case softBreak, lineBreak, htmlInline
        /// Any other node (custom blocks and inlines, footnotes): read as its text or children.
        case other
    }

    /// A borrowed view of one cmark node.
    struct Node {
        let pointer: OpaquePointer

        /// The node's kind, from its type: core types are constants; the extensions' types are
        /// numbered when the extensions register, once per process (``extensionKinds``).
        var kind: Kind {
            // Compared as integers: an unoptimised build would reach `==` of the imported C enum
            // through a generic witness, once per case.
            let type = cmark_node_get_type(pointer).rawValue
            if type == CMARK_NODE_TEXT.rawValue { return .text }
            if type == CMARK_NODE_PARAGRAPH.rawValue { return .paragraph }
            if type == CMARK_NODE_SOFTBREAK.rawValue { return .softBreak }
            if type == CMARK_NODE_CODE.rawValue { return .code }
            if type == CMARK_NODE_EMPH.rawValue { return .emphasis }
            if type == CMARK_NODE_STRONG.rawValue { return .strong }
            if type == CMARK_NODE_LINK.rawValue { return .link }
            if type == CMARK_NODE_HEADING.rawValue { return .heading }
            if type == CMARK_NODE_LIST.rawValue { return .list }
            // A task item is an item that the tasklist extension claimed, the only extension
            // attached to the parser that claims items.
            if type == CMARK_NODE_ITEM.rawValue { return cmark_node_get_syntax_extension(pointer) == nil ? .item : .taskItem }
            if type == CMARK_NODE_CODE_BLOCK.rawValue { return .codeBlock }
            if type == CMARK_NODE_BLOCK_QUOTE.rawValue { return .blockQuote }
            if type == CMARK_NODE_LINEBREAK.rawValue { return .lineBreak }
            if type == CMARK_NODE_IMAGE.rawValue { return .image }
            if type == CMARK_NODE_HTML_INLINE.rawValue { return .htmlInline }
            if type == CMARK_NODE_HTML_BLOCK.rawValue { return .htmlBlock }
            if type == CMARK_NODE_THEMATIC_BREAK.rawValue { return .thematicBreak }
            if type == CMARK_NODE_DOCUMENT.rawValue { return .document }
            return CMarkTree.extensionKinds.first { $0.type == type }?.kind ?? .other
        }
        var line: Int { Int(cmark_node_get_start_line(pointer)) }
        var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
        /// The 1-based byte column the node starts at.
        var column: Int { Int(cmark_node_get_start_column(pointer)) }
        var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
        var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
        var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
        var title: String { cmark_node_get_title(pointer).map { String(cString: $0) } ?? "" }
        var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
        var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }
        var listStart: Int { Int(cmark_node_get_list_start(pointer)) }
        var isTightList: Bool { cmark_node_get_list_tight(pointer) != 0 }
        var isTaskChecked: Bool { cmark_gfm_extensions_get_tasklist_item_checked(pointer) }
        var isHeaderRow: Bool { cmark_gfm_extensions_get_table_row_is_header(pointer) != 0 }

        var tableAlignments: [UInt8] {
            let count = Int(cmark_gfm_extensions_get_table_columns(pointer))
            guard let alignments = cmark_gfm_extensions_get_table_alignments(pointer) else { return [] }
            return (0..<count).map { alignments[$0] }
        }

        /// The node's children, in order, read from cmark's list as they are visited.
        var children: Children { Children(first: cmark_node_first_child(pointer)) }
    }

    /// A node's children: a walk along cmark's sibling links, with no array made.
    struct Children: Sequence {
        let first: OpaquePointer?

        var isEmpty: Bool { first == nil }

        func makeIterator() -> Iterator { Iterator(upcoming: first) }

        struct Iterator: IteratorProtocol {
            var upcoming: OpaquePointer?

            mutating func next() -> Node? {
                guard let current = upcoming else { return nil }
                upcoming = cmark_node_next(current)
                return Node(pointer: current)
            }
        }
    }
}
