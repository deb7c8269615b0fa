import Support
/// Reads the front matter block: `key: value` lines between a first line `---` and the next `---`.
///
/// A small format of our own rather than full YAML: five keys, each one line, values plain or
/// quoted. Errors name the line and the closest valid key.
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
            if line.trimmingCharacters(in: " \t").isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw NotebookError(file: path, line: number, "front matter: expected 'key: value', found '\(line)'")
            }
            let key = line[..<colon].trimmingCharacters(in: " \t")
            let value = unquote(line[line.index(after: colon)...].trimmingCharacters(in: " \t"))
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

    private static func unquote(_ value: String) -> String {
        for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
            return String(value.dropFirst().dropLast())
        }
        return value
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
