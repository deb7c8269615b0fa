import Foundation

/// What the package says about itself (`swift package dump-package`): its name, which starts
/// every `@Snippet` path, and its products, whose library modules snippets may import.
public struct PackageManifest: Codable, Sendable, Equatable {
    /// One product of the package.
    public struct Product: Codable, Sendable, Equatable {
        /// The product's name.
        public var name: String
        /// Whether it is a library (snippets can import only library modules).
        public var isLibrary: Bool
        /// The targets (modules) it is made of.
        public var targets: [String]

        /// Creates a product.
        public init(name: String, isLibrary: Bool, targets: [String]) {
            self.name = name
            self.isLibrary = isLibrary
            self.targets = targets
        }
    }

    /// The package's name.
    public var name: String
    /// Its products, in manifest order.
    public var products: [Product]
    /// The whole description `swift package dump-package` printed (targets, dependencies,
    /// settings), from which the snippet build's own manifest is made (``ShadowManifest``);
    /// nil when not read from SwiftPM.
    public var description: Data?

    /// Creates a manifest.
    public init(name: String, products: [Product], description: Data? = nil) {
        self.name = name
        self.products = products
        self.description = description
    }

    /// The library products.
    public var libraries: [Product] { products.filter(\.isLibrary) }

    /// The library products that have a module among `imported` (the modules snippets import).
    public func libraries(importing imported: Set<String>) -> [Product] {
        libraries.filter { !imported.isDisjoint(with: $0.targets) }
    }

    /// Reads the JSON that `swift package dump-package` prints.
    /// - Throws: ``NotebookError`` naming `Package.swift` when the JSON is not a package description.
    public init(dumpPackageJSON data: Data) throws(NotebookError) {
        struct Dump: Decodable {
            struct Product: Decodable {
                let name: String
                let type: [String: DecodableIgnored]
                let targets: [String]
            }
            let name: String
            let products: [Product]
        }
        /// Any JSON value, skipped.
        struct DecodableIgnored: Decodable {
            init(from decoder: Decoder) throws {}
        }
        guard let dump = try? JSONDecoder().decode(Dump.self, from: data) else {
            throw NotebookError(file: "Package.swift", line: nil, "swift package dump-package did not print a package description")
        }
        name = dump.name
        products = dump.products.map { Product(name: $0.name, isLibrary: $0.type.keys.contains("library"), targets: $0.targets) }
        description = data
    }
}
