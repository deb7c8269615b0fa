/// Markup being written: UTF-8 bytes appended in place, for pages of many megabytes.
///
/// Appending to a `String` checks and updates the string's flags and capacity on every call,
/// hundreds of instructions for a three-byte tag; appending to bytes is a copy. Tags are
/// appended as `StaticString` literals with `+=`, text with ``append(_:)`` or
/// ``append(escaping:)``, and ``text`` gives the finished markup.
public struct MarkupBuffer: Sendable {
    /// The markup's UTF-8 bytes so far.
    @usableFromInline var bytes: [UInt8] = []

    /// An empty buffer.
    @inlinable public init() {}

    /// An empty buffer with room for `capacity` bytes.
    @inlinable public init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The number of bytes written.
    @inlinable public var count: Int { bytes.count }

    /// Whether nothing has been written.
    @inlinable public var isEmpty: Bool { bytes.isEmpty }

    /// Whether the last byte written is `byte`.
    @inlinable public func ends(with byte: UInt8) -> Bool { bytes.last == byte }

    /// Removes the last byte written, if any.
    @inlinable public mutating func removeLastByte() {
        if !bytes.isEmpty { bytes.removeLast() }
    }

    /// The markup as a string.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The markup's UTF-8 bytes, for a file: valid UTF-8 by construction (strings and literals
    /// go in whole, single bytes only as ASCII), so they need no decoding on the way out.
    @inlinable public var utf8: [UInt8] { bytes }

    /// Appends a literal (a tag, an attribute) as it is.
    @inlinable public static func += (buffer: inout MarkupBuffer, literal: StaticString) {
        buffer.bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends text as it is: markup already, or text known to need no escaping.
    @inlinable public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends what another buffer holds.
    @inlinable public mutating func append(_ other: MarkupBuffer) {
        bytes.append(contentsOf: other.bytes)
    }

    /// Appends one ASCII byte.
    @inlinable public mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends a number in decimal.
    public mutating func append(_ number: Int) {
        append(String(number))
    }

    /// Appends text escaped by ``Markup/escape(_:)``'s rule.
    @inlinable public mutating func append(escaping text: String) {
        var text = text
        text.withUTF8 { append(escaping: $0) }
    }

    /// Whether escaping changes `byte`: `& < > " '` and the control characters other than tab,
    /// line feed and carriage return.
    static func isEscaped(_ byte: UInt8) -> Bool {
        // Every such byte is at most '>' (0x3E): letters and most text fail the first test.
        guard byte <= UInt8(ascii: ">") else { return false }
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        case 0x09, 0x0A, 0x0D: return false
        default: return byte < 0x20
        }
    }

    /// Appends UTF-8 text escaped: `& < > " '` as character references, and the control
    /// characters XML 1.0 forbids dropped (tabs, line feeds and carriage returns kept). Each of
    /// those is one ASCII byte, never part of a longer character, so the text is copied a run
    /// at a time between them.
    public mutating func append(escaping text: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in 0..<text.count {
            let byte = text[index]
            guard Self.isEscaped(byte) else { continue }
            let reference: StaticString
            switch byte {
            case UInt8(ascii: "&"): reference = "&amp;"
            case UInt8(ascii: "<"): reference = "&lt;"
            case UInt8(ascii: ">"): reference = "&gt;"
            case UInt8(ascii: "\""): reference = "&quot;"
            case UInt8(ascii: "'"): reference = "&#39;"
            default: reference = "" // a control character XML forbids: dropped
            }
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index])) }
            self += reference
            runStart = index + 1
        }
        if runStart < text.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...])) }
    }
}
