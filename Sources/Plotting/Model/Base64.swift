/// Standard base64 (RFC 4648 §4, padded): the text `Data.base64EncodedString()` writes and
/// `Data(base64Encoded:)` reads, written here so that Plotting, which every snippet links, does
/// not need Foundation. Loading Foundation's libraries costs a snippet process about 11 million
/// instructions before its first line runs, and makes each of the runtime's first-use
/// conformance lookups scan three times as many records.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The value of each alphabet byte, 0xFF for any other byte.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    /// `bytes` as base64 text, padded with `=` to a multiple of four characters.
    static func encode(_ bytes: [UInt8]) -> String {
        var text = [UInt8](repeating: 0, count: (bytes.count + 2) / 3 * 4)
        alphabet.withUnsafeBufferPointer { alphabet in
            bytes.withUnsafeBufferPointer { input in
                text.withUnsafeMutableBufferPointer { output in
                    var i = 0, o = 0
                    while i + 3 <= input.count {
                        let group = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])
                        output[o] = alphabet[Int(group >> 18)]
                        output[o + 1] = alphabet[Int(group >> 12 & 63)]
                        output[o + 2] = alphabet[Int(group >> 6 & 63)]
                        output[o + 3] = alphabet[Int(group & 63)]
                        i += 3
                        o += 4
                    }
                    let rest = input.count - i
                    if rest > 0 {
                        let group = UInt32(input[i]) << 16 | (rest == 2 ? UInt32(input[i + 1]) << 8 : 0)
                        output[o] = alphabet[Int(group >> 18)]
                        output[o + 1] = alphabet[Int(group >> 12 & 63)]
                        output[o + 2] = rest == 2 ? alphabet[Int(group >> 6 & 63)] : UInt8(ascii: "=")
                        output[o + 3] = UInt8(ascii: "=")
                    }
                }
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes that base64 `text` encodes, or nil when it is not padded base64: a length that
    /// is not a multiple of four, a byte outside the alphabet, `=` anywhere but the last one or
    /// two places, or bits set after the last byte.
    static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { input -> [UInt8]? in
            guard input.count % 4 == 0 else { return nil }
            let padding = input.count == 0 ? 0 : (input[input.count - 1] == UInt8(ascii: "=") ? (input[input.count - 2] == UInt8(ascii: "=") ? 2 : 1) : 0)
            var bytes = [UInt8]()
            bytes.reserveCapacity(input.count / 4 * 3)
            return values.withUnsafeBufferPointer { values -> [UInt8]? in
                var i = 0
                while i < input.count {
                    let last = i + 4 == input.count
                    let count = last ? 4 - padding : 4
                    var group: UInt32 = 0
                    for k in 0..<4 {
                        let value = k < count ? values[Int(input[i + k])] : 0
                        guard value != 0xFF else { return nil }
                        group = group << 6 | UInt32(value)
                    }
                    bytes.append(UInt8(group >> 16))
                    if count > 2 { bytes.append(UInt8(group >> 8 & 0xFF)) } else if group & 0xFFFF != 0 { return nil }
                    if count > 3 { bytes.append(UInt8(group & 0xFF)) } else if group & 0xFF != 0 { return nil }
                    i += 4
                }
                return bytes
            }
        }
    }
}
