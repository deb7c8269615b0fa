/// How figures store their long arrays of numbers in JSON (the snippet's event channel and the
/// run cache): the IEEE 754 bits of each number, little-endian, base64-encoded in one string.
/// Exact (NaN and infinities included) and an order of magnitude faster to decode than a JSON
/// array of numbers; plain arrays are still read, so hand-written or older JSON stays valid.
enum PackedDoubles {
    /// Encodes `values` under `key`.
    static func encode<Key: CodingKey>(_ values: [Double], forKey key: Key, in container: inout KeyedEncodingContainer<Key>) throws {
        try container.encode(Base64.encode(littleEndianBytes(values)), forKey: key)
    }

    /// Decodes the values under `key`: a packed string, or a plain array of numbers.
    static func decode<Key: CodingKey>(forKey key: Key, in container: KeyedDecodingContainer<Key>) throws -> [Double] {
        guard let text = try? container.decode(String.self, forKey: key) else {
            return try container.decode([Double].self, forKey: key)
        }
        guard let data = Base64.decode(text), data.count % 8 == 0 else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not packed numbers (base64 of 8-byte little-endian doubles)")
        }
        return doubles(littleEndian: data)
    }

    /// The numbers' bits, little-endian: on a little-endian machine the array's own bytes, copied
    /// at once (in a debug build, which is what `swift run` makes of the tool, a loop over the
    /// numbers would take several calls each).
    static func littleEndianBytes(_ values: [Double]) -> [UInt8] {
        #if _endian(little)
        return values.withUnsafeBytes { Array($0) }
        #else
        return values.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
        #endif
    }

    /// The numbers whose little-endian bits `bytes` holds (a multiple of 8 bytes).
    static func doubles(littleEndian bytes: [UInt8]) -> [Double] {
        let count = bytes.count / 8
        #if _endian(little)
        return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[..<(count * 8)])) }
            initialized = count
        }
        #else
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self))) }
        }
        #endif
    }
}

extension Series {
    private enum CodingKeys: String, CodingKey { case label, kind, x, y }

    /// Reads a series; `x` and `y` packed (``PackedDoubles``) or as plain arrays.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(String.self, forKey: .label), kind: try container.decode(SeriesKind.self, forKey: .kind),
                  x: try PackedDoubles.decode(forKey: .x, in: container), y: try PackedDoubles.decode(forKey: .y, in: container))
    }

    /// Writes a series with `x` and `y` packed.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(kind, forKey: .kind)
        try PackedDoubles.encode(x, forKey: .x, in: &container)
        try PackedDoubles.encode(y, forKey: .y, in: &container)
    }
}

extension HeatMap {
    private enum CodingKeys: String, CodingKey { case x, y, values, style, label, logValues }

    /// Reads a heat map; its grids and values packed (``PackedDoubles``) or as plain arrays.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(x: try PackedDoubles.decode(forKey: .x, in: container), y: try PackedDoubles.decode(forKey: .y, in: container),
                  values: try PackedDoubles.decode(forKey: .values, in: container), style: try container.decode(Style.self, forKey: .style),
                  label: try container.decodeIfPresent(String.self, forKey: .label), logValues: try container.decode(Bool.self, forKey: .logValues))
    }

    /// Writes a heat map with its grids and values packed.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try PackedDoubles.encode(x, forKey: .x, in: &container)
        try PackedDoubles.encode(y, forKey: .y, in: &container)
        try PackedDoubles.encode(values, forKey: .values, in: &container)
        try container.encode(style, forKey: .style)
        try container.encodeIfPresent(label, forKey: .label)
        try container.encode(logValues, forKey: .logValues)
    }
}
