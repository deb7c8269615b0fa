import Foundation

/// The part of a symbol graph (`swift symbolgraph-extract`'s JSON, the format DocC reads) that the
/// API reference uses: each public symbol's kind, path, declaration, doc comment and place in
/// the source, and which symbols are members of which.
public struct SymbolGraph: Decodable, Sendable, Equatable {
    /// The module the graph describes.
    public struct Module: Decodable, Sendable, Equatable {
        /// Its name.
        public var name: String
    }

    /// One symbol.
    public struct Symbol: Decodable, Sendable, Equatable {
        /// What kind of declaration it is.
        public struct Kind: Decodable, Sendable, Equatable {
            /// `swift.struct`, `swift.method`, …
            public var identifier: String
            /// "Structure", "Instance Method", …
            public var displayName: String
        }

        /// The symbol's unique identifier (its mangled name).
        public struct Identifier: Decodable, Sendable, Equatable {
            /// The identifier.
            public var precise: String
        }

        /// A piece of a declaration (a keyword, an identifier, text).
        public struct Fragment: Decodable, Sendable, Equatable {
            /// The piece's text.
            public var spelling: String
        }

        /// The doc comment: its lines, without `///`.
        public struct DocComment: Decodable, Sendable, Equatable {
            /// One line of the comment.
            public struct Line: Decodable, Sendable, Equatable {
                /// Where a line starts (0-based).
                public struct Range: Decodable, Sendable, Equatable {
                    /// The start.
                    public struct Position: Decodable, Sendable, Equatable {
                        /// The 0-based line.
                        public var line: Int
                    }
                    /// The start.
                    public var start: Position
                }
                /// The line's text.
                public var text: String
                /// Where it is in the source, when known.
                public var range: Range?
            }
            /// The lines.
            public var lines: [Line]
        }

        /// Where the symbol is declared.
        public struct Location: Decodable, Sendable, Equatable {
            /// A position in a file (0-based line).
            public struct Position: Decodable, Sendable, Equatable {
                /// The 0-based line.
                public var line: Int
            }
            /// The file, as a `file://` URL.
            public var uri: String
            /// The position of its name.
            public var position: Position
        }

        /// The kind.
        public var kind: Kind
        /// The identifier.
        public var identifier: Identifier
        /// Its path from the module: `["Huber", "value(_:_:)"]`.
        public var pathComponents: [String]
        /// The declaration, in pieces.
        public var declarationFragments: [Fragment]?
        /// The doc comment, when it has one.
        public var docComment: DocComment?
        /// Where it is declared: nil for symbols the compiler synthesised (`!=` from `Equatable`).
        public var location: Location?

        /// The declaration's text (`public struct Huber`).
        public var declaration: String {
            (declarationFragments ?? []).map(\.spelling).joined()
        }
    }

    /// A relation between two symbols.
    public struct Relationship: Decodable, Sendable, Equatable {
        /// `memberOf`, `conformsTo`, `requirementOf`, …
        public var kind: String
        /// The symbol the relation starts at.
        public var source: String
        /// The symbol it points at.
        public var target: String
    }

    /// The module.
    public var module: Module
    /// Its public symbols.
    public var symbols: [Symbol]
    /// The relations between them.
    public var relationships: [Relationship]

    /// Reads a symbol graph file's JSON.
    /// - Throws: ``NotebookError`` naming `file` when it is not a symbol graph.
    public init(json data: Data, file: String) throws(NotebookError) {
        do {
            self = try JSONDecoder().decode(SymbolGraph.self, from: data)
        } catch {
            throw NotebookError(file: file, line: nil, "is not a symbol graph: \(error)")
        }
    }
}
