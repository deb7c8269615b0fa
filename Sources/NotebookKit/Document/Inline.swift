/// Inline Markdown content, as cmark-gfm parsed it. Not `indirect`: children are held in
/// arrays, so each inline is stored in place rather than in a box of its own.
public enum Inline: Sendable, Equatable {
    /// Plain text (may hold `{{name}}` prose values).
    case text(String)
    /// `code`.
    case code(String)
    /// A DocC-style link to a symbol of the API reference: ``` ``Huber`` ``` or
    /// ``` ``LossCore/Huber/value(_:_:)`` ``` (a code span between double backticks).
    case symbolLink(String)
    /// *emphasis*.
    case emphasis([Inline])
    /// **strong**.
    case strong([Inline])
    /// ~~strikethrough~~.
    case strikethrough([Inline])
    /// A link (autolinks included).
    case link(destination: String, title: String, [Inline])
    /// An image.
    case image(source: String, title: String, alt: [Inline])
    /// A line break in the source that is not a hard break.
    case softBreak
    /// A hard line break.
    case lineBreak
    /// Raw inline HTML (escaped on pages unless the notebook allows raw HTML).
    case html(String)
    /// A formula in TeX (`$...$`, or `$$...$$` inside a paragraph) and its source line.
    case math(String, display: Bool, line: Int)

    /// The plain text of inlines (for titles, ids and search).
    public static func plainText(_ inlines: [Inline]) -> String {
        var text = ""
        appendPlainText(inlines, to: &text)
        return text
    }

    /// ``plainText(_:)`` appended to `text`: one string for the whole run.
    static func appendPlainText(_ inlines: [Inline], to text: inout String) {
        for inline in inlines {
            switch inline {
            case let .text(piece), let .code(piece), let .symbolLink(piece), let .html(piece), let .math(piece, _, _): text += piece
            case let .emphasis(children), let .strong(children), let .strikethrough(children): appendPlainText(children, to: &text)
            case let .link(_, _, children): appendPlainText(children, to: &text)
            case let .image(_, _, alt): appendPlainText(alt, to: &text)
            case .softBreak, .lineBreak: text += " "
            }
        }
    }
}
