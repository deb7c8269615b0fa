/// Writes an `Encodable` value as one line of JSON, the form the runner's `JSONDecoder` reads:
/// object keys sorted by their UTF-8 bytes, `/` not escaped, and non-finite numbers as the strings `"Infinity"`,
/// `"-Infinity"` and `"NaN"` (the decoder's `convertFromString` strategy).
///
/// Snippets write their events with it instead of Foundation's `JSONEncoder`, so that a snippet
/// that does not import Foundation does not load it: Foundation's libraries cost a snippet
/// process about 11 million instructions before its first line runs.
public enum EventEncoder {
    /// The JSON text of `value`, without a trailing newline.
    public static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let root = JSONNode()
        try value.encode(to: TreeEncoder(node: root, codingPath: []))
        var output: [UInt8] = []
        root.write(into: &output)
        return output
    }

    /// The serialised text of a number: the shortest text that reads back as the same value
    /// (Swift's `description`), without a trailing `.0`, as `JSONEncoder` writes it.
    static func number<Number: BinaryFloatingPoint & LosslessStringConvertible>(_ value: Number) -> [UInt8] {
        if value.isNaN { return Array(#""NaN""#.utf8) }
        if value.isInfinite { return Array((value < 0 ? #""-Infinity""# : #""Infinity""#).utf8) }
        var text = Array(value.description.utf8)
        if text.count > 2, text[text.count - 2] == UInt8(ascii: "."), text[text.count - 1] == UInt8(ascii: "0") { text.removeLast(2) }
        return text
    }

    static func quoted(_ string: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(string.utf8.count + 2)
        JSONNode.appendQuoted(string, into: &output)
        return output
    }
}

/// The `Encoder` that fills one node of the tree.
struct TreeEncoder: Encoder {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return UnkeyedTreeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueTreeContainer(node: node, base: codingPath, key: nil)
    }
}

/// What the single-value and unkeyed containers share: each value goes into the next node.
protocol TreeScalarWriter {
    /// Where the next value goes.
    mutating func nextNode() -> JSONNode
    /// The coding key of the next value: its index in an array, nil for a single value.
    var nextKey: (any CodingKey)? { get }
    var codingPath: [any CodingKey] { get }
}

extension TreeScalarWriter {
    private mutating func write(_ text: [UInt8]) { nextNode().set(scalar: text) }
    mutating func encodeNil() throws { write(Array("null".utf8)) }
    mutating func encode(_ value: Bool) throws { write(Array((value ? "true" : "false").utf8)) }
    mutating func encode(_ value: String) throws { write(EventEncoder.quoted(value)) }
    mutating func encode(_ value: Double) throws { write(EventEncoder.number(value)) }
    mutating func encode(_ value: Float) throws { write(EventEncoder.number(value)) }
    mutating func encode(_ value: Int) throws { write(Array(String(value).utf8)) }
    mutating func encode(_ value: Int8) throws { write(Array(String(value).utf8)) }
    mutating func encode(_ value: Int16) throws { write(Array(String(value).utf8)) }
    mutating func encode(_ value: Int32) throws { write(Array(String(value).utf8)) }
    mutating func encode(_ value: Int64) throws { write(Array(String(value).utf8)) }
    mutating func encode(_ value: UInt) throws { write(Array(String(value).utf8)) }
    mutating func encode(_ value: UInt8) throws { write(Array(String(value).utf8)) }
    mutating func encode(_ value: UInt16) throws { write(Array(String(value).utf8)) }
    mutating func encode(_ value: UInt32) throws { write(Array(String(value).utf8)) }
    mutating func encode(_ value: UInt64) throws { write(Array(String(value).utf8)) }
    /// 128-bit integers, whose `encode` the containers declare themselves: the standard
    /// library's protocols give them a default that throws.
    mutating func encodeWide(_ value: some BinaryInteger) { write(Array(String(value).utf8)) }
    mutating func encode<Value: Encodable>(_ value: Value) throws {
        let path = codingPath + (nextKey.map { [$0] } ?? [])
        try value.encode(to: TreeEncoder(node: nextNode(), codingPath: path))
    }
}

struct SingleValueTreeContainer: SingleValueEncodingContainer, TreeScalarWriter {
    let node: JSONNode
    /// The container's path is `base` and `key`, joined only when asked for: a keyed
    /// container writes each scalar member through one of these.
    let base: [any CodingKey]
    let key: (any CodingKey)?
    var codingPath: [any CodingKey] { key.map { base + [$0] } ?? base }
    var nextKey: (any CodingKey)? { nil }

    mutating func nextNode() -> JSONNode { node }
    mutating func encode(_ value: Int128) throws { encodeWide(value) }
    mutating func encode(_ value: UInt128) throws { encodeWide(value) }
}

struct UnkeyedTreeContainer: UnkeyedEncodingContainer, TreeScalarWriter {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var count: Int { node.itemCount }
    var nextKey: (any CodingKey)? { IndexKey(intValue: count) }

    mutating func nextNode() -> JSONNode { node.appendItem() }
    mutating func encode(_ value: Int128) throws { encodeWide(value) }
    mutating func encode(_ value: UInt128) throws { encodeWide(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [IndexKey(intValue: count)]
        return TreeEncoder(node: node.appendItem(), codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [IndexKey(intValue: count)]
        return TreeEncoder(node: node.appendItem(), codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [IndexKey(intValue: count)]
        return TreeEncoder(node: node.appendItem(), codingPath: path)
    }
}

struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let codingPath: [any CodingKey]

    private func at(_ key: Key) -> SingleValueTreeContainer {
        SingleValueTreeContainer(node: node.replaceMember(key.stringValue), base: codingPath, key: key)
    }

    mutating func encodeNil(forKey key: Key) throws { var c = at(key); try c.encodeNil() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { var c = at(key); try c.encode(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { var c = at(key); try c.encode(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { var c = at(key); try c.encode(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { var c = at(key); try c.encode(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { var c = at(key); try c.encode(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { var c = at(key); try c.encode(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { var c = at(key); try c.encode(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { var c = at(key); try c.encode(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { var c = at(key); try c.encode(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { var c = at(key); try c.encode(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { var c = at(key); try c.encode(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { var c = at(key); try c.encode(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { var c = at(key); try c.encode(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { var c = at(key); try c.encode(value) }
    mutating func encode(_ value: Int128, forKey key: Key) throws { var c = at(key); try c.encode(value) }
    mutating func encode(_ value: UInt128, forKey key: Key) throws { var c = at(key); try c.encode(value) }
    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws { var c = at(key); try c.encode(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.member("super"), codingPath: codingPath + [IndexKey(stringValue: "super")])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }
}

/// A coding key for an array index or the `super` member.
struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(intValue: Int) { (stringValue, self.intValue) = ("Index \(intValue)", intValue) }
    init(stringValue: String) { (self.stringValue, intValue) = (stringValue, nil) }
}
