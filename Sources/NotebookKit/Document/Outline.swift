/// A document's headings with their ids: the one place ids are made, so the page's anchors, its
/// table of contents, the search index and the link checker agree.
public struct Outline: Sendable, Equatable {
    /// One heading.
    public struct Heading: Sendable, Equatable {
        /// 1 to 6.
        public var level: Int
        /// Its plain text.
        public var text: String
        /// The id on the page: lowercase letters and digits joined by '-', unique in the page.
        public var id: String
        /// The line it is on.
        public var line: Int
    }

    /// The headings, in document order.
    public let headings: [Heading]
    private let idsByLine: [Int: String]

    /// The outline of `document`.
    public init(_ document: Document) {
        struct Collector: DocumentVisitor {
            var slugs = SlugMaker()
            var headings: [Heading] = []
            mutating func visit(block: Block) -> Descent {
                if case let .heading(level, content, line) = block {
                    let text = Inline.plainText(content)
                    headings.append(Heading(level: level, text: text, id: slugs.slug(text), line: line))
                }
                // Headings hold no blocks, and inline content holds no headings.
                return .childBlocks
            }
        }
        var collector = Collector()
        document.walk(&collector)
        headings = collector.headings
        idsByLine = Dictionary(collector.headings.map { ($0.line, $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    /// The id of the heading on `line`.
    public func id(ofHeadingAt line: Int) -> String? {
        idsByLine[line]
    }

    /// Every id, for checking `#fragment` links.
    public var ids: Set<String> {
        Set(headings.map(\.id))
    }
}
