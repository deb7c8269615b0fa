/// Escaping for XML and HTML text, shared by every renderer in the project.
public enum Markup {
    /// Text safe in element content and in single- or double-quoted attributes; control
    /// characters that XML 1.0 forbids are dropped (tabs and newlines are kept). The rule is
    /// written once, in ``MarkupBuffer``'s `append(escaping:)`.
    public static func escape(_ text: String) -> String {
        // Most text has nothing to escape: it is returned as it is.
        var text = text
        let plain = text.withUTF8 { bytes in
            !bytes.contains(where: MarkupBuffer.isEscaped)
        }
        guard !plain else { return text }
        var buffer = MarkupBuffer(capacity: text.utf8.count + 16)
        buffer.append(escaping: text)
        return buffer.text
    }
}
