/// Standard base64 (RFC 4648 §4, padded): the text `Data.base64EncodedString()` writes, and of
/// what `Data(base64Encoded:)` reads only that canonical text (Foundation also takes "====" or
/// set bits after the last byte). Written here so that Plotting, which every snippet links, does
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
    /// two places, or bits set after the last byte. Written for debug builds too (the tool that
    /// `swift run` builds reads every cached figure with it): one pass with plain `while` loops
    /// into a buffer of the final size.
    static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { input -> [UInt8]? in
            let count = input.count
            guard count % 4 == 0 else { return nil }
            guard count > 0 else { return [] }
            let equals = UInt8(ascii: "=")
            let padding = input[count - 1] == equals ? (input[count - 2] == equals ? 2 : 1) : 0
            var bytes = [UInt8](repeating: 0, count: count / 4 * 3 - padding)
            let valid = values.withUnsafeBufferPointer { values in
                bytes.withUnsafeMutableBufferPointer { output -> Bool in
                    var i = 0, o = 0
                    // Every group but the last: four alphabet bytes, three bytes out.
                    while i < count - 4 {
                        let a = values[Int(input[i])], b = values[Int(input[i + 1])]
                        let c = values[Int(input[i + 2])], d = values[Int(input[i + 3])]
                        if (a | b | c | d) & 0xC0 != 0 { return false }
                        output[o] = a << 2 | b >> 4
                        output[o + 1] = b << 4 | c >> 2
                        output[o + 2] = c << 6 | d
                        i += 4
                        o += 3
                    }
                    // The last group, with its padding.
                    let a = values[Int(input[i])], b = values[Int(input[i + 1])]
                    let c = padding == 2 ? 0 : values[Int(input[i + 2])], d = padding >= 1 ? 0 : values[Int(input[i + 3])]
                    if (a | b | c | d) & 0xC0 != 0 { return false }
                    output[o] = a << 2 | b >> 4
                    if padding == 2 { return b & 0x0F == 0 }
                    output[o + 1] = b << 4 | c >> 2
                    if padding == 1 { return c & 0x03 == 0 }
                    output[o + 2] = c << 6 | d
                    return true
                }
            }
            return valid ? bytes : nil
        }
    }
}
