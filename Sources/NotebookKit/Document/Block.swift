/// Block-level Markdown content with the source line each block starts on.
///
/// Only a snippet reference, much larger than the other cases, is boxed: the others are stored
/// in place, so a document's blocks take one allocation per array, not one per block.
public enum Block: Sendable, Equatable {
    /// A heading, level 1 to 6.
    case heading(level: Int, [Inline], line: Int)
    /// A paragraph.
    case paragraph([Inline], line: Int)
    /// A fenced or indented code block; `info` is the fence's info string.
    case code(info: String, text: String, line: Int)
    /// A block quote.
    case quote([Block], line: Int)
    /// A list; each item is its blocks and, for task lists, whether it is checked. In a tight
    /// list (no blank line between items or their blocks) paragraphs show without `<p>`.
    case list(ordered: Bool, start: Int, tight: Bool, items: [ListItem], line: Int)
    /// A GFM table.
    case table(Table, line: Int)
    /// A horizontal rule.
    case rule(line: Int)
    /// Raw HTML (escaped on pages unless the notebook allows raw HTML).
    case html(String, line: Int)
    /// A `@Snippet(...)` reference on its own line.
    indirect case snippet(SnippetReference)
    /// Display math: `$$...$$` alone in a paragraph, or a fenced block with info string `math`.
    case math(String, line: Int)

    /// The line the block starts on.
    public var line: Int {
        switch self {
        case let .heading(_, _, line), let .paragraph(_, line), let .code(_, _, line), let .quote(_, line),
            let .list(_, _, _, _, line), let .table(_, line), let .rule(line), let .html(_, line), let .math(_, line):
            return line
        case let .snippet(reference): return reference.line
        }
    }

    /// One list item.
    public struct ListItem: Sendable, Equatable {
        /// The item's content.
        public var blocks: [Block]
        /// For a task-list item, whether it is checked; nil for an ordinary item.
        public var task: Bool?
    }

    /// A GFM table.
    public struct Table: Sendable, Equatable {
        /// Column alignment.
        public enum Alignment: Sendable, Equatable { case none, left, center, right }
        /// The alignment of each column.
        public var alignments: [Alignment]
        /// The header cells.
        public var header: [[Inline]]
        /// The body rows.
        public var rows: [[[Inline]]]
    }
}

extension Block {
    /// The text of a speaker-notes block (a fence with info string `notes`), or nil: notes are
    /// for the presenter's window only, not the page, the slides or the walkthrough.
    public var speakerNotes: String? {
        guard case let .code(info, text, _) = self, Self.firstWord(of: info) == "notes" else { return nil }
        return text
    }

    /// The first word of a code fence's info string (its language, or `notes`, `hint`,
    /// `output`, `math`): the text before the first space, leading spaces skipped, as
    /// splitting the string at space characters gives it. ASCII is split on its bytes; other
    /// text by characters, where a space with a combining mark is no space.
    public static func firstWord(of info: String) -> Substring {
        guard ASCIIClass.isASCII(info) else { return info.split(separator: " ").first ?? "" }
        let bytes = info.utf8
        let space = UInt8(ascii: " ")
        let start = bytes.firstIndex { $0 != space } ?? bytes.endIndex
        let end = bytes[start...].firstIndex(of: space) ?? bytes.endIndex
        return info[start..<end]
    }
}
