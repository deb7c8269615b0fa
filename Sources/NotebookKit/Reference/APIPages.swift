import Foundation

/// The API reference as pages of the site, one per module (`api/LossCore.html`), made as
/// documents of our own block model, so the page renderer, the search index and the walkthrough
/// treat them as they treat notebooks: the same style, search and links. Doc comments are
/// Markdown, parsed by cmark-gfm with math; the symbol links in them resolve from the symbol's
/// own scope outwards.
public enum APIPages {
    /// The site folder of the reference pages.
    public static let folder = "api"

    /// What the reference gives the site.
    public struct Result: Sendable {
        /// A page per module, in module order, as executed notebooks without cells.
        public var pages: [ExecutedNotebook]
        /// Where each symbol is, for symbol links in notebooks.
        public var links: SymbolLinks
        /// Problems in doc comments (formulas that do not parse, Markdown the parser refuses),
        /// at their file:line; they do not stop a build.
        public var problems: [NotebookError]
        /// SHA-256 of everything the pages are made from, for the page cache.
        public var digest: String = ""
    }

    /// The site path of a module's page.
    public static func page(of module: String) -> String {
        "\(folder)/\(module).html"
    }

    /// The kinds of section a page has, in order, by the kinds of symbol they hold.
    static let groups: [(title: String, kinds: Set<String>)] = [
        ("Protocols", ["swift.protocol"]),
        ("Structures", ["swift.struct"]),
        ("Classes and actors", ["swift.class", "swift.actor"]),
        ("Enumerations", ["swift.enum"]),
        ("Functions", ["swift.func", "swift.func.op"]),
        ("Variables and constants", ["swift.var", "swift.let"]),
        ("Type aliases", ["swift.typealias"]),
        ("Extensions of other modules' types", ["extension"]),
    ]

    /// The order of members within a type: initialisers, cases, properties, methods, operators.
    static let memberOrder = ["swift.init", "swift.enum.case", "swift.property", "swift.type.property", "swift.method",
                              "swift.type.method", "swift.subscript", "swift.func.op", "swift.typealias", "swift.associatedtype"]

    /// The pages, links and problems of `reference`.
    public static func make(_ reference: APIReference) -> Result {
        var pages: [ExecutedNotebook] = []
        var entries: [SymbolLinks.Entry] = []
        var problems: [NotebookError] = []
        var drafts: [(module: APIReference.Module, document: Document, headingOf: [Int: Int])] = []
        // First pass: each page's blocks, with each symbol's heading; ids come from the outline.
        for module in reference.modules {
            var builder = Builder(module: module)
            builder.build()
            problems += builder.problems
            let document = Document(path: page(of: module.name), frontMatter: FrontMatter(title: "\(module.name) API reference"),
                                    blocks: builder.blocks)
            let outline = Outline(document)
            for (index, symbol) in module.symbols.enumerated() {
                guard let line = builder.headingLine[index], let id = outline.id(ofHeadingAt: line) else { continue }
                entries.append(SymbolLinks.Entry(module: module.name, path: symbol.path, sitePath: page(of: module.name) + "#" + id))
            }
            drafts.append((module, document, builder.scopeOfLine))
        }
        let links = SymbolLinks(entries: entries)
        // Second pass: symbol links in doc comments become links (from their scope outwards), or
        // stay code when they name nothing documented here.
        for (module, document, scopes) in drafts {
            var scope: [String] = []
            let blocks = document.blocks.map { block -> Block in
                if let index = scopes[block.line] { scope = module.symbols[index].isType ? module.symbols[index].path : Array(module.symbols[index].path.dropLast()) }
                return block.mapInlines { inline in
                    guard case let .symbolLink(name) = inline else { return inline }
                    guard case let .found(target) = links.resolve(name, scope: (module.name, scope)) else { return .code(name) }
                    // Pages of the reference sit side by side in `api/`.
                    return .link(destination: String(target.dropFirst(folder.count + 1)), title: "", [.code(name)])
                }
            }
            let final = Document(path: document.path, frontMatter: document.frontMatter, blocks: blocks)
            pages.append(ExecutedNotebook(document: final, page: document.path, cells: [], values: [:], valuesComplete: true,
                                          outline: Outline(final), problems: []))
        }
        var hash = SHA256()
        hash.update(field: "api-pages-v1")
        for module in reference.modules {
            hash.update(field: module.name)
            for symbol in module.symbols {
                for field in [symbol.path.joined(separator: "/"), symbol.kind, symbol.kindName, symbol.declaration, symbol.documentation ?? "\u{0}",
                              symbol.file, "\(symbol.line)", "\(symbol.documentationLine)"] { hash.update(field: field) }
            }
        }
        var result = Result(pages: pages, links: links, problems: problems)
        result.digest = hash.hexDigest()
        return result
    }

    /// Makes one module's blocks.
    private struct Builder {
        let module: APIReference.Module
        var blocks: [Block] = []
        var problems: [NotebookError] = []
        /// The heading line of each symbol, by its index in the module.
        var headingLine: [Int: Int] = [:]
        /// The symbol (by index) whose heading is on a line.
        var scopeOfLine: [Int: Int] = [:]
        /// Lines of the blocks made here, far from any doc comment's own lines.
        var nextLine = 10_000_000

        init(module: APIReference.Module) {
            self.module = module
        }

        mutating func line() -> Int {
            nextLine += 1
            return nextLine
        }

        mutating func build() {
            let symbols = module.symbols
            let types = symbols.indices.filter { symbols[$0].isType }
            let typePaths = Set(types.map { symbols[$0].path })
            let declared = symbols.filter { $0.kind != "extension" }
            let documented = declared.filter { $0.documentation != nil }.count
            blocks.append(.heading(level: 1, [.text("\(module.name) API reference")], line: line()))
            blocks.append(.paragraph([.text("The public API of "), .code(module.name), .text(", from its doc comments: \(declared.count) declarations, \(documented) documented.")],
                                     line: line()))
            // Members of each type, by the type's path.
            var members: [[String]: [Int]] = [:]
            for index in symbols.indices where !symbols[index].isType && symbols[index].path.count > 1 {
                let parent = Array(symbols[index].path.dropLast())
                if typePaths.contains(parent) { members[parent, default: []].append(index) }
            }
            for group in APIPages.groups {
                let sections = symbols.indices.filter { index in
                    group.kinds.contains(symbols[index].kind) && (symbols[index].isType || !typePaths.contains(Array(symbols[index].path.dropLast())))
                }.sorted { (symbols[$0].dottedPath, $0) < (symbols[$1].dottedPath, $1) }
                guard !sections.isEmpty else { continue }
                blocks.append(.heading(level: 2, [.text(group.title)], line: line()))
                for index in sections {
                    symbol(index, level: 3, title: symbols[index].dottedPath)
                    let own = (members[symbols[index].path] ?? []).sorted { a, b in
                        let rank = { (kind: String) in APIPages.memberOrder.firstIndex(of: kind) ?? APIPages.memberOrder.count }
                        return (rank(symbols[a].kind), symbols[a].path.last ?? "", a) < (rank(symbols[b].kind), symbols[b].path.last ?? "", b)
                    }
                    for member in own {
                        symbol(member, level: 4, title: symbols[member].path.last ?? "")
                    }
                }
            }
        }

        /// A symbol's heading, declaration and documentation.
        mutating func symbol(_ index: Int, level: Int, title: String) {
            let symbol = module.symbols[index]
            let heading = line()
            headingLine[index] = heading
            scopeOfLine[heading] = index
            blocks.append(.heading(level: level, [.code(title)], line: heading))
            blocks.append(.paragraph([.emphasis([.text(symbol.kindName)])], line: line()))
            blocks.append(.code(info: "swift", text: symbol.declaration + "\n", line: line()))
            guard let documentation = symbol.documentation else { return }
            do {
                let parsed = try NotebookParser.markdownBlocks(documentation, path: symbol.file, packageName: "", lineOffset: symbol.documentationLine - 1)
                problems += Formula.problems(in: Document(path: symbol.file, frontMatter: FrontMatter(), blocks: parsed))
                // Doc comment headings sit under the symbol's.
                blocks += parsed.map { block in
                    guard case let .heading(own, content, line) = block else { return block }
                    return .heading(level: min(6, level + own), content, line: line)
                }
            } catch {
                problems.append(error)
                blocks.append(.paragraph([.text(documentation)], line: line()))
            }
        }
    }
}
