import Foundation

/// The public API of the library modules snippets import, read from their symbol graphs: what
/// the site's reference pages show and what ``` ``Symbol`` ``` links in prose point at.
public struct APIReference: Sendable, Equatable {
    /// One documented declaration.
    public struct Symbol: Sendable, Equatable {
        /// Its module.
        public var module: String
        /// Its path from the module: `["Huber", "value(_:_:)"]`.
        public var path: [String]
        /// Its kind: `swift.struct`, `swift.method`, … (`extension` for a type of another module
        /// that this one extends).
        public var kind: String
        /// Its kind, for readers: "Structure", "Instance Method", …
        public var kindName: String
        /// Its declaration (`public struct Huber`).
        public var declaration: String
        /// Its doc comment, Markdown, or nil when it has none.
        public var documentation: String?
        /// The file it is declared in, relative to the package, and the 1-based line.
        public var file: String
        /// The line of its name.
        public var line: Int
        /// The 1-based line of the doc comment's first line.
        public var documentationLine: Int

        /// Whether it is a type (or an extension of one): it gets a section of its own.
        public var isType: Bool {
            ["swift.struct", "swift.class", "swift.enum", "swift.protocol", "swift.actor", "extension"].contains(kind)
        }

        /// `Huber.value(_:_:)`.
        public var dottedPath: String { path.joined(separator: ".") }
    }

    /// One module's symbols.
    public struct Module: Sendable, Equatable {
        /// The module's name.
        public var name: String
        /// Its symbols, in source order (file, then line), overloads included.
        public var symbols: [Symbol]
    }

    /// The modules, by name.
    public var modules: [Module]

    /// No modules.
    public static let empty = APIReference(modules: [])

    /// Creates a reference.
    public init(modules: [Module]) {
        self.modules = modules.sorted { $0.name < $1.name }
    }

    /// The reference from each module's symbol graphs (its own and those of the extensions it
    /// declares on other modules' types). Symbols the compiler made (no place in the source)
    /// are left out; a type extended but not declared here gets an `extension` entry.
    /// - Parameter root: the package root, to which source paths are made relative.
    public init(graphs: [String: [SymbolGraph]], root: URL) {
        var modules: [Module] = []
        for (name, moduleGraphs) in graphs {
            var symbols: [Symbol] = []
            for graph in moduleGraphs {
                for symbol in graph.symbols {
                    guard let location = symbol.location else { continue }
                    let file = URL(string: location.uri).map { Project.relative($0, to: root) } ?? location.uri
                    let lines = symbol.docComment?.lines ?? []
                    let text = lines.map(\.text).joined(separator: "\n")
                    symbols.append(Symbol(
                        module: name, path: symbol.pathComponents, kind: symbol.kind.identifier, kindName: symbol.kind.displayName,
                        declaration: symbol.declaration,
                        documentation: text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text,
                        file: file, line: location.position.line + 1,
                        documentationLine: (lines.first?.range?.start.line).map { $0 + 1 } ?? location.position.line))
                }
            }
            // Members of a type declared elsewhere (`extension Double`) hang under an entry for it.
            let declared = Set(symbols.map(\.path))
            var extended: [[String]: Symbol] = [:]
            for symbol in symbols where symbol.path.count > 1 {
                let parent = Array(symbol.path.dropLast())
                guard !declared.contains(parent), extended[parent] == nil else { continue }
                extended[parent] = Symbol(module: name, path: parent, kind: "extension", kindName: "Extension",
                                          declaration: "extension \(parent.joined(separator: "."))", documentation: nil,
                                          file: symbol.file, line: symbol.line, documentationLine: symbol.line)
            }
            symbols += extended.values
            symbols.sort { ($0.file, $0.line, $0.dottedPath, $0.declaration) < ($1.file, $1.line, $1.dottedPath, $1.declaration) }
            modules.append(Module(name: name, symbols: symbols))
        }
        self.init(modules: modules)
    }

    /// The public symbols, declared in the package, that have no doc comment, each as an error at
    /// its declaration (extensions of other modules' types need none).
    public var undocumented: [NotebookError] {
        modules.flatMap(\.symbols).filter { $0.documentation == nil && $0.kind != "extension" }.map {
            NotebookError(file: $0.file, line: $0.line, "public \($0.kindName.lowercased()) \($0.dottedPath) in \($0.module) has no doc comment")
        }
    }
}
