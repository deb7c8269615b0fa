/// Parses a notebook's Markdown (front matter, then GitHub-flavoured Markdown by cmark-gfm)
/// into a ``Document``, finding `@Snippet` references and their expected-output blocks.
public enum NotebookParser {
    /// The deepest nesting of lists and quotes accepted (deeper input is an error, not a crash).
    public static let maximumDepth = 100

    /// Parses `source`, the content of the notebook at `path` (used in error messages), in the
    /// package named `packageName` (the first part of every `@Snippet` path).
    /// - Throws: ``NotebookError`` naming `path` and the line.
    public static func parse(_ source: String, path: String, packageName: String) throws(NotebookError) -> Document {
        let (frontMatter, withMath) = try FrontMatterParser.split(source, path: path)
        let blocks = try markdownBlocks(withMath, path: path, packageName: packageName, lineOffset: 0)
        return Document(path: path, frontMatter: frontMatter, blocks: blocks)
    }

    /// The blocks of Markdown that starts `lineOffset` lines into the file at `path` (a hint's
    /// text starts after its fence).
    static func markdownBlocks(_ text: String, path: String, packageName: String, lineOffset: Int) throws(NotebookError) -> [Block] {
        let (markdown, formulas) = MathExtractor.extract(text)
        let lines = SourceLines(bytes: markdown)
        let tree = CMarkTree(utf8: markdown)
        return try tree.withRoot { root throws(NotebookError) in
            try Converter(path: path, packageName: packageName, lines: lines, formulas: formulas, lineOffset: lineOffset)
                .blocks(root.children, depth: 0)
        }
    }
}

/// Turns cmark nodes into ``Block`` and ``Inline`` values.
private struct Converter {
    let path: String
    let packageName: String
    let lines: SourceLines
    let formulas: [MathExtractor.Span]
    /// Lines before the text parsed (for a hint, its fence and what comes before it).
    let lineOffset: Int

    func blocks(_ nodes: CMarkTree.Children, depth: Int) throws(NotebookError) -> [Block] {
        guard depth <= NotebookParser.maximumDepth else {
            throw NotebookError(file: path, line: nodes.first.map { CMarkTree.Node(pointer: $0).line + lineOffset }, "lists or quotes nested more than \(NotebookParser.maximumDepth) levels deep")
        }
        var result: [Block] = []
        for node in nodes {
            guard let block = try block(node, depth: depth) else { continue }
            if case var .snippet(reference) = block, reference.exercise != nil {
                reference.exercise?.statement = try statement(taking: &result, exerciseLine: reference.line)
                result.append(.snippet(reference))
                continue
            }
            if case let .code(info, text, line) = block, Block.firstWord(of: info) == "hint" {
                guard case var .snippet(reference)? = result.last, reference.exercise != nil else {
                    throw NotebookError(file: path, line: line, "a 'hint' block must follow an @Exercise line (or another hint) directly")
                }
                reference.exercise?.hints.append(try NotebookParser.markdownBlocks(text, path: path, packageName: packageName, lineOffset: line))
                result[result.count - 1] = .snippet(reference)
                continue
            }
            // An `output` fence right after a snippet reference is its expected output.
            if case let .code(info, _, line) = block, case let .snippet(reference)? = result.last, reference.exercise != nil,
                try outputInfo(info, line: line) != nil
            {
                throw NotebookError(file: path, line: line, "an @Exercise has no 'output' block: its checks grade it")
            }
            if case let .code(info, text, line) = block, case var .snippet(reference)? = result.last,
                let output = try outputInfo(info, line: line), reference.expectedOutput == nil
            {
                reference.expectedOutput = ExpectedOutput(
                    text: text, line: line, tolerance: output.tolerance, endLine: closingFence(after: line - lineOffset, lastLine: node.endLine).map { $0 + lineOffset })
                result[result.count - 1] = .snippet(reference)
                continue
            }
            if case let .code(info, _, line) = block, try outputInfo(info, line: line) != nil {
                throw NotebookError(file: path, line: line, "an 'output' block must follow a @Snippet line directly")
            }
            result.append(block)
        }
        return result
    }

    /// The statement of the exercise on `exerciseLine`: the blocks at the end of `result` back to
    /// the previous heading, rule, raw HTML, cell or speaker notes, which move into the exercise.
    func statement(taking result: inout [Block], exerciseLine: Int) throws(NotebookError) -> [Block] {
        var start = result.count
        while start > 0, Self.continuesStatement(result[start - 1]) { start -= 1 }
        guard start < result.count else {
            throw NotebookError(file: path, line: exerciseLine, "an @Exercise needs a statement: write the task as prose right before it")
        }
        let statement = Array(result[start...])
        result.removeSubrange(start...)
        return statement
    }

    /// Whether a block can be part of an exercise's statement (prose, lists, quotes, tables,
    /// formulas and code other than speaker notes).
    static func continuesStatement(_ block: Block) -> Bool {
        switch block {
        case .paragraph, .list, .quote, .table, .math: return true
        case .code: return block.speakerNotes == nil
        case .heading, .rule, .html, .snippet: return false
        }
    }

    /// The closing fence's line of a fenced block opened at `line` and ending at `lastLine`
    /// (cmark's end line is the closing fence, or the last content line when unclosed).
    func closingFence(after line: Int, lastLine: Int) -> Int? {
        guard lastLine > line, lastLine <= lines.count else { return nil }
        let open = lines.text(line - 1).trimmingCharacters(in: " \t")
        let fence = open.prefix { $0 == "`" || $0 == "~" }
        let close = lines.text(lastLine - 1).trimmingCharacters(in: " \t\r")
        return close.hasPrefix(fence) && close.allSatisfy({ $0 == fence.first }) ? lastLine : nil
    }

    /// The settings of an expected-output fence on `line`: info string `output`, optionally
    /// `output tolerance=1e-6` (a relative tolerance from 0 to 1); nil for any other info string.
    /// - Throws: ``NotebookError`` for a tolerance that is not such a number.
    func outputInfo(_ info: String, line: Int) throws(NotebookError) -> OutputFence? {
        let words = info.split(separator: " ")
        guard words.first == "output" else { return nil }
        guard let setting = words.dropFirst().first(where: { $0.hasPrefix("tolerance=") }) else { return OutputFence(tolerance: nil) }
        let text = setting.dropFirst("tolerance=".count)
        guard let tolerance = Double(text), tolerance >= 0, tolerance <= 1 else {
            throw NotebookError(file: path, line: line, "output tolerance '\(text)' is not a relative tolerance from 0 to 1 (such as tolerance=1e-6)")
        }
        return OutputFence(tolerance: tolerance)
    }

    /// What an `output` fence's info string says.
    struct OutputFence {
        let tolerance: Double?
    }

    func block(_ node: CMarkTree.Node, depth: Int) throws(NotebookError) -> Block? {
        let line = node.line + lineOffset
        switch node.kind {
        case .heading:
            return .heading(level: node.headingLevel, inlines(node.children), line: line)
        case .paragraph:
            // The paragraph's own text on its first line (after any list marker or '>').
            let whole = node.line >= 1 && node.line <= lines.count ? lines[node.line - 1] : []
            let start = min(max(0, node.column - 1), whole.count)
            let rest = whole.dropFirst(start)
            let source = rest.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } == UInt8(ascii: "@")
                ? String(decoding: rest, as: UTF8.self) : ""
            if SnippetDirective.isDirective(source) {
                guard node.endLine == node.line else {
                    throw NotebookError(file: path, line: line, "a @Snippet directive must stand alone on its line, with a blank line after it")
                }
                return .snippet(try SnippetDirective(packageName: packageName).parse(source, number: line, file: path))
            }
            let content = inlines(node.children)
            if content.count == 1, case let .math(tex, true, mathLine) = content[0] {
                return .math(tex, line: mathLine)
            }
            return .paragraph(content, line: line)
        case .codeBlock:
            if Block.firstWord(of: node.fenceInfo) == "math" {
                return .math(node.literal, line: line + 1)
            }
            return .code(info: node.fenceInfo, text: node.literal, line: line)
        case .blockQuote:
            return .quote(try blocks(node.children, depth: depth + 1), line: line)
        case .list:
            var items: [Block.ListItem] = []
            for item in node.children {
                let task: Bool? = item.kind == .taskItem ? item.isTaskChecked : nil
                items.append(Block.ListItem(blocks: try blocks(item.children, depth: depth + 1), task: task))
            }
            return .list(ordered: node.isOrderedList, start: node.listStart, tight: node.isTightList, items: items, line: line)
        case .table:
            let alignments: [Block.Table.Alignment] = node.tableAlignments.map { code in
                switch code {
                case UInt8(ascii: "l"): return .left
                case UInt8(ascii: "c"): return .center
                case UInt8(ascii: "r"): return .right
                default: return .none
                }
            }
            var header: [[Inline]] = []
            var rows: [[[Inline]]] = []
            for row in node.children {
                let cells = row.children.map { inlines($0.children) }
                if row.isHeaderRow { header = cells } else { rows.append(cells) }
            }
            return .table(Block.Table(alignments: alignments, header: header, rows: rows), line: line)
        case .thematicBreak:
            return .rule(line: line)
        case .htmlBlock:
            return .html(node.literal, line: line)
        default:
            return nil
        }
    }

    func inlines(_ nodes: CMarkTree.Children) -> [Inline] {
        var result: [Inline] = []
        for node in nodes {
            let kind = node.kind
            if kind == .text {
                textWithMath(node.literal, into: &result)
            } else if let inline = inline(node, kind: kind) {
                result.append(inline)
            }
        }
        return result
    }

    /// Text with its math placeholders turned back into formulas. A placeholder is an opening
    /// character (U+E000 or U+E002), the formula's number and the closing one (U+E001 or
    /// U+E003); each is three UTF-8 bytes starting 0xEE 0x80, so the scan works on bytes.
    func textWithMath(_ text: String, into result: inout [Inline]) {
        guard !formulas.isEmpty, text.containsByte(0xEE) else {
            result.append(.text(text))
            return
        }
        var text = text
        text.withUTF8 { buffer in
            let count = buffer.count
            guard let p = buffer.baseAddress else { return }
            /// The placeholder character (0 to 3 for U+E000 to U+E003) at `i`, if any.
            func marker(_ i: Int) -> UInt8? {
                i + 2 < count && p[i] == 0xEE && p[i + 1] == 0x80 && p[i + 2] & 0xFC == 0x80 ? p[i + 2] & 0x03 : nil
            }
            var textStart = 0
            var i = 0
            while i < count {
                guard let open = marker(i), open == 0 || open == 2 else {
                    i += 1
                    continue
                }
                // The digits up to the matching closing character.
                var j = i + 3
                var number = 0, digits = 0
                while j < count, p[j] >= UInt8(ascii: "0"), p[j] <= UInt8(ascii: "9"), digits < 18 {
                    number = number * 10 + Int(p[j] - UInt8(ascii: "0"))
                    digits += 1
                    j += 1
                }
                guard digits > 0, marker(j) == open + 1, number < formulas.count else {
                    i += 1
                    continue
                }
                if textStart < i { result.append(.text(String(decoding: UnsafeBufferPointer(rebasing: buffer[textStart..<i]), as: UTF8.self))) }
                let formula = formulas[number]
                result.append(.math(formula.tex, display: formula.display, line: formula.line + lineOffset))
                i = j + 3
                textStart = i
            }
            if textStart < count { result.append(.text(String(decoding: UnsafeBufferPointer(rebasing: buffer[textStart..<count]), as: UTF8.self))) }
        }
    }

    /// Whether a code span is a DocC symbol link: opened by exactly two backticks, with no space
    /// inside (cmark gives the column its text starts at, after the backticks).
    func isSymbolLink(_ node: CMarkTree.Node) -> Bool {
        guard node.line >= 1, node.line <= lines.count else { return false }
        let line = lines[node.line - 1]
        // Offsets from the line's start (a slice keeps the text's indices).
        let start = node.column - 1
        let backtick = UInt8(ascii: "`")
        func byte(_ offset: Int) -> UInt8 { line[line.startIndex + offset] }
        guard start >= 2, start <= line.count, byte(start - 1) == backtick, byte(start - 2) == backtick,
            start < 3 || byte(start - 3) != backtick
        else { return false }
        let literal = node.literal
        return !literal.isEmpty && !literal.contains(where: { $0.isWhitespace || $0 == "`" })
    }

    /// The inline for `node`, of `kind` (its kind, asked once by the caller).
    func inline(_ node: CMarkTree.Node, kind: CMarkTree.Kind) -> Inline? {
        switch kind {
        case .text: return nil
        case .code: return isSymbolLink(node) ? .symbolLink(node.literal) : .code(node.literal)
        case .emphasis: return .emphasis(inlines(node.children))
        case .strong: return .strong(inlines(node.children))
        case .strikethrough: return .strikethrough(inlines(node.children))
        case .link: return .link(destination: node.url, title: node.title, inlines(node.children))
        case .image: return .image(source: node.url, title: node.title, alt: inlines(node.children))
        case .softBreak: return .softBreak
        case .lineBreak: return .lineBreak
        case .htmlInline: return .html(node.literal)
        default: return node.children.isEmpty ? .text(node.literal) : .emphasis(inlines(node.children))
        }
    }
}
