extension Document {
    /// Every snippet reference, in order, including those nested in lists and quotes.
    public var snippetReferences: [SnippetReference] {
        struct Collector: DocumentVisitor {
            var references: [SnippetReference] = []
            mutating func visit(block: Block) -> Descent {
                if case let .snippet(reference) = block { references.append(reference) }
                return .children
            }
        }
        var collector = Collector()
        walk(&collector)
        return collector.references
    }

    /// Every link's destination with the line it is on, in order (links in headings, tables,
    /// quotes, lists and emphasis included).
    public var links: [(destination: String, line: Int)] {
        struct Collector: DocumentVisitor {
            var links: [(String, Int)] = []
            mutating func visit(inline: Inline, line: Int) -> Descent {
                if case let .link(destination, _, _) = inline { links.append((destination, line)) }
                return .children
            }
        }
        var collector = Collector()
        walk(&collector)
        return collector.links
    }

    /// Every DocC-style symbol link (``` ``Huber`` ```) with the line it is on, in order.
    public var symbolLinks: [(name: String, line: Int)] {
        struct Collector: DocumentVisitor {
            var links: [(String, Int)] = []
            mutating func visit(inline: Inline, line: Int) -> Descent {
                if case let .symbolLink(name) = inline { links.append((name, line)) }
                return .children
            }
        }
        var collector = Collector()
        walk(&collector)
        return collector.links
    }

    /// Every formula, display or inline, with the line it starts on, in order.
    public var formulas: [(tex: String, display: Bool, line: Int)] {
        struct Collector: DocumentVisitor {
            var formulas: [(String, Bool, Int)] = []
            mutating func visit(block: Block) -> Descent {
                if case let .math(tex, line) = block { formulas.append((tex, true, line)) }
                return .children
            }
            mutating func visit(inline: Inline, line: Int) -> Descent {
                if case let .math(tex, display, mathLine) = inline { formulas.append((tex, display, mathLine)) }
                return .children
            }
        }
        var collector = Collector()
        walk(&collector)
        return collector.formulas
    }

    /// The `id` and `name` attributes in the document's raw HTML (blocks and inline), which
    /// same-page links may point at when the notebook allows raw HTML.
    public var rawHTMLIDs: Set<String> {
        struct Collector: DocumentVisitor {
            var ids: Set<String> = []
            mutating func visit(block: Block) -> Descent {
                if case let .html(raw, _) = block { ids.formUnion(Self.ids(in: raw)) }
                return .children
            }
            mutating func visit(inline: Inline, line: Int) -> Descent {
                if case let .html(raw) = inline { ids.formUnion(Self.ids(in: raw)) }
                return .children
            }
            /// The values of `id=` and `name=` attributes, quoted or not.
            static func ids(in raw: String) -> [String] {
                let pattern = #/(?i)\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/#
                return raw.matches(of: pattern).compactMap { match in
                    (match.output.1 ?? match.output.2 ?? match.output.3).map(String.init)
                }
            }
        }
        var collector = Collector()
        walk(&collector)
        return collector.ids
    }

    /// Every run of prose text (where `{{name}}` values may stand) with its line, in order.
    public var proseTexts: [(text: String, line: Int)] {
        struct Collector: DocumentVisitor {
            var texts: [(String, Int)] = []
            mutating func visit(inline: Inline, line: Int) -> Descent {
                if case let .text(text) = inline { texts.append((text, line)) }
                return .children
            }
        }
        var collector = Collector()
        walk(&collector)
        return collector.texts
    }
}
