import Support
/// Reads the front matter block: `key: value` lines between a first line `---` and the next `---`.
///
/// A small format of our own rather than full YAML: a few keys, each one line, values plain or
/// quoted, and comments as in YAML (a line starting with `#`, or ` # ...` after a value).
/// Errors name the line and the closest valid key.
enum FrontMatterParser {
    /// The front matter and the source with its lines blanked (so cmark's line numbers stay true).
    static func split(_ source: String, path: String) throws(NotebookError) -> (FrontMatter, String) {
        // Only the front matter's lines are read; the rest of the text is kept as it is.
        guard source.hasPrefix("---") else { return (FrontMatter(), source) }
        var lines: [String] = []
        var position = source.startIndex
        var newlines = 0
        var closed: Int?
        while closed == nil, position < source.endIndex || lines.isEmpty {
            let newline = source[position...].firstIndex(of: "\n") ?? source.endIndex
            let line = String(source[position..<newline])
            lines.append(line)
            position = newline
            if newline < source.endIndex {
                position = source.index(after: newline)
                newlines += 1
            }
            if lines.count == 1, line.trimmingTrailingSpace != "---" { return (FrontMatter(), source) }
            if lines.count > 1, line.trimmingTrailingSpace == "---" { closed = lines.count - 1 }
            if newline == source.endIndex { break }
        }
        guard let end = closed else {
            throw NotebookError(file: path, line: 1, "front matter opened with '---' is never closed; expected a line '---'")
        }
        var matter = FrontMatter()
        var seen: Set<String> = []
        for index in 1..<end {
            let line = lines[index]
            let number = index + 1
            let content = line.trimmingCharacters(in: " \t\r")
            if content.isEmpty || content.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw NotebookError(file: path, line: number, "front matter: expected 'key: value', found '\(line)'")
            }
            let key = line[..<colon].trimmingCharacters(in: " \t")
            let value = try Self.value(line[line.index(after: colon)...], path: path, line: number)
            guard FrontMatter.keys.contains(key) else {
                throw NotebookError(
                    file: path, line: number,
                    "front matter: unknown key '\(key)'\(Suggestions.didYouMean(key, in: FrontMatter.keys)) (keys: \(FrontMatter.keys.joined(separator: ", ")))")
            }
            guard seen.insert(key).inserted else {
                throw NotebookError(file: path, line: number, "front matter: '\(key)' is given twice")
            }
            switch key {
            case "title": matter.title = value
            case "summary": matter.summary = value
            case "order":
                guard let order = Int(value) else {
                    throw NotebookError(file: path, line: number, "front matter: order '\(value)' is not an integer")
                }
                matter.order = order
            case "timeout":
                guard let timeout = Double(value), timeout > 0, timeout <= 3600 else {
                    throw NotebookError(file: path, line: number, "front matter: timeout '\(value)' is not a number of seconds in (0, 3600]")
                }
                matter.timeout = timeout
            case "memory", "output-files":
                guard let bytes = SandboxLimits.parseSize(value), bytes >= 1 << 20 else {
                    throw NotebookError(file: path, line: number, "front matter: \(key) '\(value)' is not a size of at least 1 MiB, such as 512 MiB or 4 GiB")
                }
                if key == "memory" { matter.memory = bytes } else { matter.outputFiles = bytes }
            case "processes":
                guard let count = Int(value), count >= 1, count <= 100_000 else {
                    throw NotebookError(file: path, line: number, "front matter: processes '\(value)' is not a number from 1 to 100000")
                }
                matter.processes = count
            case "network":
                guard let allowed = Bool(value) else {
                    throw NotebookError(file: path, line: number, "front matter: network '\(value)' is not true or false")
                }
                matter.network = allowed
            default:
                guard let allowed = Bool(value) else {
                    throw NotebookError(file: path, line: number, "front matter: raw-html '\(value)' is not true or false")
                }
                matter.allowsRawHTML = allowed
            }
        }
        // The front matter's lines blanked, so cmark's line numbers stay true.
        return (matter, String(repeating: "\n", count: newlines) + source[position...])
    }

    /// `text` as a value this parser reads back unchanged: plain when it can be, else in double
    /// quotes with `"` and `\\` escaped. `text` is one line (no line breaks).
    static func quoted(_ text: String) -> String {
        let plain = text == text.trimmingCharacters(in: " \t") && !text.isEmpty && !text.contains(" #") && !text.contains("\t#")
            && !(text.first == "\"" || text.first == "'" || text.first == "#")
        if plain { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A value as YAML reads a one-line scalar: `"..."` with `\"` and `\\` escapes, `'...'` with
    /// `''` for a quote, or plain text up to a comment (`#` after a space or tab).
    static func value(_ text: Substring, path: String, line: Int) throws(NotebookError) -> String {
        let text = Substring(text.trimmingCharacters(in: " \t\r"))
        guard let quote = text.first, quote == "\"" || quote == "'" else {
            var plain = text.startIndex
            var previous: Character = " "
            while plain < text.endIndex, !(text[plain] == "#" && (previous == " " || previous == "\t")) {
                previous = text[plain]
                plain = text.index(after: plain)
            }
            return text[..<plain].trimmingCharacters(in: " \t")
        }
        var result = ""
        var position = text.index(after: text.startIndex)
        while position < text.endIndex {
            let character = text[position]
            position = text.index(after: position)
            if character == quote {
                // '' inside single quotes is one quote.
                if quote == "'", position < text.endIndex, text[position] == "'" {
                    result.append("'")
                    position = text.index(after: position)
                    continue
                }
                let rest = text[position...].trimmingCharacters(in: " \t")
                guard rest.isEmpty || (rest.hasPrefix("#") && position < text.endIndex && (text[position] == " " || text[position] == "\t")) else {
                    throw NotebookError(file: path, line: line, "front matter: unexpected '\(rest)' after the closing \(quote); expected the end of the line or ' # comment'")
                }
                return result
            }
            if quote == "\"", character == "\\", position < text.endIndex, text[position] == "\"" || text[position] == "\\" {
                result.append(text[position])
                position = text.index(after: position)
                continue
            }
            result.append(character)
        }
        throw NotebookError(file: path, line: line, "front matter: the value's \(quote) is never closed; expected a closing \(quote) on the same line")
    }
}

extension StringProtocol {
    /// The text without trailing spaces, tabs and carriage returns.
    var trimmingTrailingSpace: String {
        var result = String(self)
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return result
    }

    /// The text without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        var result = Substring(self)
        while let first = result.first, set.contains(first) { result.removeFirst() }
        while let last = result.last, set.contains(last) { result.removeLast() }
        return String(result)
    }
}
