/// A JSON array of numbers as `notebook loss` accepts it: 1-D or 2-D (rows of equal length).
public struct NumberArray: Equatable, Sendable {
    /// The rows; a 1-D array is stored as one row with ``isMatrix`` false.
    public let rows: [[Double]]
    /// Whether the JSON was 2-D.
    public let isMatrix: Bool

    /// The elements of a 1-D array.
    public var flat: [Double] { rows.flatMap { $0 } }

    /// Parses `text` for the option `argument` (for example `--y-true`).
    /// - Throws: ``CLIError/usage(_:)`` naming the argument for invalid JSON, anything but
    ///   numbers, ragged or empty rows, or more than two dimensions.
    public static func parse(_ text: String, argument: String) throws(CLIError) -> NumberArray {
        var parser = NumberArrayParser(text)
        let value: JSONValue
        do {
            value = try parser.parseDocument()
        } catch {
            throw CLIError.usage("\(argument): \(error.message) at character \(error.offset + 1) of '\(text.prefix(60))'")
        }
        guard case let .array(top) = value else {
            throw CLIError.usage("\(argument): expected a JSON array such as [0.5, 1.2], found '\(text.prefix(60))'")
        }
        guard !top.isEmpty else { throw CLIError.usage("\(argument): the array is empty") }
        guard case .array = top[0] else {
            return NumberArray(rows: [try numbers(top, argument: argument)], isMatrix: false)
        }
        var rows: [[Double]] = []
        for (index, item) in top.enumerated() {
            guard case let .array(row) = item else {
                throw CLIError.usage("\(argument)[\(index)]: expected a row (an array), as element 0 is")
            }
            rows.append(try numbers(row, argument: "\(argument)[\(index)]"))
        }
        let width = rows[0].count
        if let bad = rows.firstIndex(where: { $0.count != width }) {
            throw CLIError.usage(
                "\(argument)[\(bad)]: has \(rows[bad].count) element\(rows[bad].count == 1 ? "" : "s"); expected \(width), as row 0 has")
        }
        return NumberArray(rows: rows, isMatrix: true)
    }

    private static func numbers(_ items: [JSONValue], argument: String) throws(CLIError) -> [Double] {
        guard !items.isEmpty else { throw CLIError.usage("\(argument): the array is empty") }
        var result: [Double] = []
        for (index, item) in items.enumerated() {
            guard case let .number(number) = item else {
                throw CLIError.usage("\(argument)[\(index)]: expected a number, found a nested array (at most 2-D)")
            }
            result.append(number)
        }
        return result
    }
}

/// A JSON value restricted to numbers and arrays.
enum JSONValue: Equatable {
    case number(Double)
    case array([JSONValue])
}

/// A small recursive-descent reader for JSON arrays of numbers. It also accepts the Python
/// spellings `1.` and `.5` that students copy from Keras's documentation.
struct NumberArrayParser {
    struct Failure: Error {
        let message: String
        let offset: Int
    }

    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    mutating func parseDocument() throws(Failure) -> JSONValue {
        let value = try parseValue()
        skipSpace()
        guard position == bytes.count else { throw Failure(message: "unexpected text after the array", offset: position) }
        return value
    }

    private mutating func parseValue() throws(Failure) -> JSONValue {
        skipSpace()
        guard position < bytes.count else { throw Failure(message: "unexpected end", offset: position) }
        if bytes[position] == UInt8(ascii: "[") {
            return try parseArray()
        }
        return .number(try parseNumber())
    }

    private mutating func parseArray() throws(Failure) -> JSONValue {
        depth += 1
        guard depth <= 32 else { throw Failure(message: "arrays nested too deeply", offset: position) }
        defer { depth -= 1 }
        position += 1
        var items: [JSONValue] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            items.append(try parseValue())
            skipSpace()
            guard position < bytes.count else { throw Failure(message: "expected ',' or ']'", offset: position) }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
            } else if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            } else {
                throw Failure(message: "expected ',' or ']'", offset: position)
            }
        }
    }

    private mutating func parseNumber() throws(Failure) -> Double {
        let start = position
        let allowed = Set("+-0123456789.eE".utf8)
        while position < bytes.count, allowed.contains(bytes[position]) { position += 1 }
        let token = String(decoding: bytes[start..<position], as: UTF8.self)
        guard !token.isEmpty, token.contains(where: \.isNumber), let number = Double(token), number.isFinite else {
            throw Failure(message: "expected a finite number", offset: start)
        }
        return number
    }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }
}
