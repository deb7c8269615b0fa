import Foundation
import NotebookRuntime
import Support

/// `{{name}}` and `{{name:%.3f}}` in prose: numbers quoted from the run, never typed by hand.
public enum ProseValues {
    /// One placeholder found in text.
    struct Placeholder: Equatable {
        let range: Range<String.Index>
        let name: String
        let format: String?
    }

    /// A piece of prose with its values filled in.
    public enum Piece: Sendable, Equatable {
        /// Text as written.
        case text(String)
        /// A recorded value, formatted.
        case value(name: String, formatted: String)
        /// A value that is not available (not recorded, or its format does not apply).
        case missing(name: String)
    }

    /// Whether `text` has a `{{` at all (most prose has none).
    static func mayHoldPlaceholder(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let brace = UInt8(ascii: "{")
            var index = 1
            // Looks at every other byte: a `{{` has a `{` at one of them, then checks around it.
            while index < bytes.count {
                if bytes[index] == brace, bytes[index - 1] == brace || (index + 1 < bytes.count && bytes[index + 1] == brace) { return true }
                index += 2
            }
            return false
        }
    }

    /// `text` with every `{{name}}` filled in from `values`: the one substitution every
    /// output uses.
    public static func fill(_ text: String, values: [String: RecordedValue]) -> [Piece] {
        guard mayHoldPlaceholder(text) else { return [.text(text)] }
        var pieces: [Piece] = []
        var index = text.startIndex
        for placeholder in placeholders(in: text) {
            if index < placeholder.range.lowerBound { pieces.append(.text(String(text[index..<placeholder.range.lowerBound]))) }
            index = placeholder.range.upperBound
            if let value = values[placeholder.name], let formatted = try? format(value, placeholder.format) {
                pieces.append(.value(name: placeholder.name, formatted: formatted))
            } else {
                pieces.append(.missing(name: placeholder.name))
            }
        }
        if index < text.endIndex || pieces.isEmpty { pieces.append(.text(String(text[index...]))) }
        return pieces
    }

    /// The problems with the values in `text` on `line` of `file`: names no snippet recorded
    /// (only when `complete`, that is when every snippet ran), and formats that do not apply.
    static func problems(in text: String, line: Int, file: String, values: [String: RecordedValue], complete: Bool) -> [NotebookError] {
        var errors: [NotebookError] = []
        for placeholder in placeholders(in: text) {
            guard let value = values[placeholder.name] else {
                if complete {
                    let suggestion = Suggestions.didYouMean(placeholder.name, in: Array(values.keys))
                    let advice = values.isEmpty ? "the notebook's snippets record no values" : "record it in a snippet with record(\"\(placeholder.name)\", value)"
                    errors.append(NotebookError(
                        file: file, line: line,
                        "unknown value '{{\(placeholder.name)}}'" + (suggestion.isEmpty ? "; \(advice)" : "\(suggestion) Or \(advice)")))
                }
                continue
            }
            do {
                _ = try format(value, placeholder.format)
            } catch {
                errors.append(NotebookError(file: file, line: line, "{{\(placeholder.name):\(placeholder.format ?? "")}}: \(error.message)"))
            }
        }
        return errors
    }

    /// The placeholders in a text.
    static func placeholders(in text: String) -> [Placeholder] {
        guard mayHoldPlaceholder(text) else { return [] }
        var result: [Placeholder] = []
        var searchStart = text.startIndex
        while let open = text.range(of: "{{", range: searchStart..<text.endIndex),
            let close = text.range(of: "}}", range: open.upperBound..<text.endIndex)
        {
            let inside = text[open.upperBound..<close.lowerBound].trimmingCharacters(in: " ")
            let parts = inside.split(separator: ":", maxSplits: 1).map(String.init)
            if let name = parts.first, !name.isEmpty,
                name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" })
            {
                result.append(Placeholder(range: open.lowerBound..<close.upperBound, name: name, format: parts.count > 1 ? parts[1] : nil))
            }
            searchStart = close.upperBound
        }
        return result
    }

    /// Formats a value: numbers by a printf format among `%.Nf`, `%.Ne`, `%.Ng`, `%d` (default: up
    /// to 6 significant digits), text as is.
    /// - Throws: a message for a format that is not one of those.
    static func format(_ value: RecordedValue, _ format: String?) throws(FormatError) -> String {
        switch value {
        case let .text(text):
            guard format == nil else { throw FormatError(message: "a format applies to numbers, and this value is text") }
            return text
        case let .number(number):
            guard let format else { return String(format: "%g", number) }
            let body = format.dropFirst()
            guard format.hasPrefix("%"), let kind = body.last, "fegd".contains(kind) else {
                throw FormatError(message: "unknown format '\(format)'; expected %.Nf, %.Ne, %.Ng or %d")
            }
            let precision = body.dropLast()
            if kind == "d" {
                guard precision.isEmpty else { throw FormatError(message: "unknown format '\(format)'; %d takes no precision") }
                guard number.isFinite, abs(number) < 9e18 else { return String(format: "%g", number) }
                return String(Int(number.rounded()))
            }
            guard precision.isEmpty || (precision.hasPrefix(".") && Int(precision.dropFirst()).map({ $0 >= 0 && $0 <= 17 }) == true) else {
                throw FormatError(message: "unknown format '\(format)'; expected %.Nf, %.Ne, %.Ng or %d with N from 0 to 17")
            }
            return String(format: format, number)
        }
    }

    /// A format problem.
    struct FormatError: Error {
        let message: String
    }
}
