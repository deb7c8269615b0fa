/// One value of the JSON tree that ``EventEncoder`` builds: a class, so that a container handed
/// out by the encoder can still fill its object or array after the call that made it returns.
final class JSONNode {
    enum Kind { case unset, scalar, object, array }

    private(set) var kind = Kind.unset
    /// The serialised text of a scalar (`null`, `true`, a number, a quoted string).
    private var text: [UInt8] = []
    private var members: [String: JSONNode] = [:]
    private var items: [JSONNode] = []

    init() {}

    /// Makes this node an object, keeping its members when it is one already.
    func becomeObject() {
        if kind != .object { (kind, text, items) = (.object, [], []) }
    }

    /// Makes this node an array, keeping its items when it is one already.
    func becomeArray() {
        if kind != .array { (kind, text, members) = (.array, [], [:]) }
    }

    /// Makes this node a scalar with the given serialised text.
    func set(scalar text: [UInt8]) {
        (kind, self.text, members, items) = (.scalar, text, [:], [])
    }

    /// A new (unset) member under `key`, in place of any member there: a value encoded twice
    /// under one key is the second, as with `JSONEncoder`. The node must be an object.
    func replaceMember(_ key: String) -> JSONNode {
        let node = JSONNode()
        members[key] = node
        return node
    }

    /// The member under `key`, made (unset) when missing, for a nested container or a super
    /// encoder, which add to what is there. The node must be an object.
    func member(_ key: String) -> JSONNode {
        if let node = members[key] { return node }
        let node = JSONNode()
        members[key] = node
        return node
    }

    /// A new item at the end. The node must be an array.
    func appendItem() -> JSONNode {
        let node = JSONNode()
        items.append(node)
        return node
    }

    /// How many items an array has.
    var itemCount: Int { items.count }

    /// Writes the value: object members sorted by their keys' UTF-8 bytes (as `JSONEncoder` sorts them), no spaces, `/` not escaped; a value that
    /// was never set writes as `{}`, as `JSONEncoder` writes a nested encodable that encoded
    /// nothing (at the top level `JSONEncoder` throws instead).
    func write(into output: inout [UInt8]) {
        switch kind {
        case .unset:
            output += [UInt8(ascii: "{"), UInt8(ascii: "}")]
        case .scalar:
            output += text
        case .array:
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                item.write(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object:
            output.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONNode.appendQuoted(key, into: &output)
                output.append(UInt8(ascii: ":"))
                members[key]!.write(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `string` as a JSON string: `"` and `\` escaped, control characters as `\n`, `\t`
    /// and so on or `\u00XX`, everything else as its UTF-8 bytes.
    static func appendQuoted(_ string: String, into output: inout [UInt8]) {
        var string = string
        output.append(UInt8(ascii: "\""))
        string.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\n"): output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case UInt8(ascii: "\t"): output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case 0x08: output += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
                case 0x0C: output += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    output += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
