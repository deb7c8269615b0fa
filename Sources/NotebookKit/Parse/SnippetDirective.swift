import Support

/// Parses the Swift-DocC directive `@Snippet(path: "PACKAGE/Snippets/NAME", slice: "S")`, and
/// `@Exercise(path: "PACKAGE/Snippets/NAME")` (same path rules, no slice).
struct SnippetDirective {
    /// The package's name, which a snippet path must start with.
    let packageName: String

    /// Whether a source line is meant as a snippet directive.
    static func isDirective(_ line: String) -> Bool {
        let text = line.trimmingCharacters(in: " \t")
        return text.hasPrefix("@Snippet") || text.hasPrefix("@Exercise")
    }

    /// The reference on `line` (number `number` of `file`).
    func parse(_ line: String, number: Int, file: String) throws(NotebookError) -> SnippetReference {
        let text = line.trimmingCharacters(in: " \t\r")
        let isExercise = text.hasPrefix("@Exercise")
        let labels = isExercise ? ["path"] : ["path", "slice"]
        func fail(_ message: String) -> NotebookError {
            let expected = isExercise
                ? "@Exercise(path: \"\(packageName)/Snippets/NAME\")"
                : "@Snippet(path: \"\(packageName)/Snippets/NAME\", slice: \"SLICE\") with slice optional"
            return NotebookError(file: file, line: number, "\(message); expected \(expected)")
        }
        let opening = isExercise ? "@Exercise(" : "@Snippet("
        guard text.hasPrefix(opening), text.hasSuffix(")") else {
            throw fail("malformed \(isExercise ? "exercise" : "snippet") directive '\(text)'")
        }
        var rest = Substring(text.dropFirst(opening.count).dropLast())
        var arguments: [String: String] = [:]
        while true {
            rest = rest.drop { $0 == " " }
            if rest.isEmpty { break }
            guard let colon = rest.firstIndex(of: ":") else { throw fail("malformed argument '\(rest)'") }
            let label = rest[..<colon].trimmingCharacters(in: " ")
            rest = rest[rest.index(after: colon)...].drop { $0 == " " }
            guard rest.first == "\"", let close = rest.dropFirst().firstIndex(of: "\"") else {
                throw fail("the value of '\(label)' must be a quoted string")
            }
            let value = String(rest[rest.index(after: rest.startIndex)..<close])
            guard labels.contains(label) else {
                throw fail("unknown argument '\(label)'\(Suggestions.didYouMean(label, in: labels))")
            }
            guard arguments.updateValue(value, forKey: label) == nil else { throw fail("'\(label)' is given twice") }
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
            if rest.first == "," { rest = rest.dropFirst() } else if !rest.isEmpty { throw fail("expected ',' after '\(label)'") }
        }
        guard let path = arguments["path"] else { throw fail("missing path") }
        let name = try snippetName(path, number: number, file: file)
        if let slice = arguments["slice"], slice.isEmpty || !slice.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) {
            throw fail("slice '\(slice)' must be a name of letters, digits, '_' or '-'")
        }
        var reference = SnippetReference(path: path, name: name, slice: arguments["slice"], line: number, expectedOutput: nil)
        if isExercise { reference.exercise = ExerciseText(statement: [], hints: []) }
        return reference
    }

    /// The snippet name from a path: `LossNotebooks/Snippets/a/b` gives `a/b`. References stay
    /// inside the package's Snippets folder: absolute paths, `..`, `.` and empty parts are refused.
    func snippetName(_ path: String, number: Int, file: String) throws(NotebookError) -> String {
        let prefix = "\(packageName)/Snippets/"
        guard !path.hasPrefix("/") else {
            throw NotebookError(file: file, line: number, "snippet path '\(path)' is absolute; references must stay inside the package, as '\(prefix)NAME'")
        }
        guard path.hasPrefix(prefix) else {
            throw NotebookError(file: file, line: number, "snippet path '\(path)' must start with '\(prefix)'")
        }
        var name = String(path.dropFirst(prefix.count))
        if name.hasSuffix(".swift") { name = String(name.dropLast(6)) }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.hasPrefix(".") }),
            name.allSatisfy({ $0.isLetter || $0.isNumber || "_-/".contains($0) })
        else {
            throw NotebookError(file: file, line: number, "snippet path '\(path)' leaves the Snippets folder or has an invalid name; references must stay inside the package")
        }
        return name
    }
}
