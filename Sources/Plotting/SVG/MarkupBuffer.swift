/// Markup being written: UTF-8 bytes appended in place, for pages of many megabytes.
///
/// Appending to a `String` checks and updates the string's flags and capacity on every call,
/// hundreds of instructions for a three-byte tag; appending here is a capacity check and a
/// copy. Tags are appended as `StaticString` literals with `+=`, text with ``append(_:)``
/// or ``append(escaping:)``, and ``text`` gives the finished markup.
///
/// A buffer is a value: copies share their bytes until one of them is changed.
public struct MarkupBuffer: @unchecked Sendable {
    // Sendable by value semantics: `storage` is written only when this buffer holds the only
    // reference to it (`makeRoom` copies it first otherwise), so no two buffers ever share
    // bytes that change.

    /// How many bytes are written and how many fit.
    @usableFromInline struct Header {
        @usableFromInline var count: Int
        @usableFromInline var capacity: Int

        @inlinable init(count: Int, capacity: Int) {
            self.count = count
            self.capacity = capacity
        }
    }

    /// The bytes, after their header in one allocation; freed with the last buffer that refers
    /// to them. Reached through pointers, which (unlike a class's stored properties) carry no
    /// run-time exclusivity checks.
    @usableFromInline final class Storage: ManagedBuffer<Header, UInt8> {
        @usableFromInline static func make(capacity: Int) -> Storage {
            let capacity = Swift.max(capacity, 16)
            return unsafeDowncast(create(minimumCapacity: capacity) { _ in Header(count: 0, capacity: capacity) }, to: Storage.self)
        }
    }

    @usableFromInline var storage: Storage

    /// An empty buffer.
    @inlinable public init() {
        storage = Storage.make(capacity: 16)
    }

    /// An empty buffer with room for `capacity` bytes.
    @inlinable public init(capacity: Int) {
        storage = Storage.make(capacity: capacity)
    }

    /// The number of bytes written.
    @inlinable public var count: Int { storage.withUnsafeMutablePointerToHeader { $0.pointee.count } }

    /// Removes a line feed written last, if there is one (a line feed is one byte, never part
    /// of a longer character).
    @inlinable public mutating func removeTrailingNewline() {
        let endsWithNewline = storage.withUnsafeMutablePointers { header, bytes in
            header.pointee.count > 0 && bytes[header.pointee.count - 1] == UInt8(ascii: "\n")
        }
        guard endsWithNewline else { return }
        makeRoom(for: 0)
        storage.withUnsafeMutablePointerToHeader { $0.pointee.count -= 1 }
    }

    /// Calls `body` with the markup's UTF-8 bytes, valid only inside it: valid UTF-8 by
    /// construction (strings and literals go in whole, single bytes only as ASCII, and only a
    /// line feed is ever taken back), so a file can be written from them without decoding.
    @inlinable public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try storage.withUnsafeMutablePointers { header, bytes in try body(UnsafeBufferPointer(start: bytes, count: header.pointee.count)) }
    }

    /// The markup's UTF-8 bytes, copied.
    public var utf8: [UInt8] { withUTF8 { Array($0) } }

    /// The markup as a string.
    public var text: String { withUTF8 { String(decoding: $0, as: UTF8.self) } }

    /// Makes the storage this buffer's own, with room for `extra` more bytes.
    @inlinable mutating func makeRoom(for extra: Int) {
        let fits = storage.withUnsafeMutablePointerToHeader { $0.pointee.count + extra <= $0.pointee.capacity }
        if _slowPath(!fits || !isKnownUniquelyReferenced(&storage)) {
            grow(for: extra)
        }
    }

    /// A storage of its own with at least twice the room, the bytes copied.
    @usableFromInline mutating func grow(for extra: Int) {
        let (count, capacity) = storage.withUnsafeMutablePointerToHeader { ($0.pointee.count, $0.pointee.capacity) }
        let wanted = count + extra
        let fresh = Storage.make(capacity: wanted > capacity ? Swift.max(wanted, 2 * capacity) : capacity)
        storage.withUnsafeMutablePointerToElements { old in
            fresh.withUnsafeMutablePointers { header, bytes in
                bytes.initialize(from: old, count: count)
                header.pointee.count = count
            }
        }
        storage = fresh
    }

    /// Appends `count` bytes from `source`.
    @inlinable mutating func appendBytes(_ source: UnsafePointer<UInt8>, count: Int) {
        makeRoom(for: count)
        storage.withUnsafeMutablePointers { header, bytes in
            (bytes + header.pointee.count).initialize(from: source, count: count)
            header.pointee.count += count
        }
    }

    /// Appends a literal (a tag, an attribute) as it is.
    @inlinable public static func += (buffer: inout MarkupBuffer, literal: StaticString) {
        buffer.appendBytes(literal.utf8Start, count: literal.utf8CodeUnitCount)
    }

    /// Appends text as it is: markup already, or text known to need no escaping.
    @inlinable public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            appendBytes(base, count: bytes.count)
        }
    }

    /// Appends what another buffer holds.
    @inlinable public mutating func append(_ other: MarkupBuffer) {
        other.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            appendBytes(base, count: bytes.count)
        }
    }

    /// Appends one ASCII byte.
    @inlinable public mutating func append(byte: UInt8) {
        precondition(byte < 0x80, "MarkupBuffer.append(byte:) takes ASCII only")
        makeRoom(for: 1)
        storage.withUnsafeMutablePointers { header, bytes in
            bytes[header.pointee.count] = byte
            header.pointee.count += 1
        }
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
        guard let base = text.baseAddress else { return }
        var runStart = 0
        for index in 0..<text.count {
            let byte = base[index]
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
            if runStart < index { appendBytes(base + runStart, count: index - runStart) }
            self += reference
            runStart = index + 1
        }
        if runStart < text.count { appendBytes(base + runStart, count: text.count - runStart) }
    }
}
