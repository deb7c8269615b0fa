import Plotting

/// HTML escaping (the project's one ``Markup/escape(_:)``) and URL attributes.
public enum HTML {
    /// Text safe in element content and quoted attributes.
    public static func escape(_ text: String) -> String {
        Markup.escape(text)
    }

    /// A link destination as cmark-gfm writes it into `href` and `src`: bytes outside the URL
    /// characters percent-encoded (spaces, quotes, backslashes, brackets, non-ASCII as UTF-8),
    /// existing `%XX` kept, `&` and `'` as character references.
    public static func url(_ destination: String) -> String {
        var buffer = MarkupBuffer()
        url(destination, into: &buffer)
        return buffer.text
    }

    /// ``url(_:)`` appended to `output`; a destination of URL characters only (most are) is
    /// appended as it is.
    public static func url(_ destination: String, into output: inout MarkupBuffer) {
        var destination = destination
        guard destination.withUTF8({ $0.contains { !urlSafe($0) } }) else {
            output.append(destination)
            return
        }
        for byte in destination.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output += "&amp;"
            case UInt8(ascii: "'"): output += "&#x27;"
            case _ where urlSafe(byte): output.append(byte: byte)
            default:
                output += "%"
                output.append(byte: hexDigits[Int(byte >> 4)])
                output.append(byte: hexDigits[Int(byte & 0xF)])
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// The bytes a URL attribute keeps as they are (cmark's `HREF_SAFE`): letters, digits and
    /// `-_.+!*(),%#@?=;:/$~`.
    private static func urlSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "!"), UInt8(ascii: "*"),
            UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "%"), UInt8(ascii: "#"), UInt8(ascii: "@"),
            UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "$"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// The tags GitHub's tagfilter extension disables in raw HTML: they would swallow or take
    /// over the rest of the page.
    static let disallowedTags = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]

    /// Raw HTML with the `<` of each disallowed tag (opening or closing, any case) written as
    /// `&lt;`, as cmark-gfm's tagfilter does, so the tag shows as text.
    public static func filterTags(_ raw: String) -> String {
        let bytes = Array(raw.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "<"), isDisallowedTag(bytes[(index + 1)...]) {
                result += Array("&lt;".utf8)
            } else {
                result.append(bytes[index])
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `rest`, the bytes after a `<`, start a disallowed tag: an optional `/`, the name
    /// in any case, then white space, `>` or `/>`.
    private static func isDisallowedTag(_ rest: ArraySlice<UInt8>) -> Bool {
        var start = rest.startIndex
        if start < rest.endIndex, rest[start] == UInt8(ascii: "/") { start += 1 }
        for name in disallowedTags {
            let end = start + name.utf8.count
            guard end < rest.endIndex,
                  zip(rest[start..<end], name.utf8).allSatisfy({ ($0 | 0x20) == $1 }) else { continue }
            switch rest[end] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C, UInt8(ascii: ">"): return true
            case UInt8(ascii: "/"): return end + 1 < rest.endIndex && rest[end + 1] == UInt8(ascii: ">")
            default: continue
            }
        }
        return false
    }
}
