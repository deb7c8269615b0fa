import Foundation

/// What a snippet build left when it finished: the sources' fingerprint, where the executables
/// are, each product a run or the API reference reads as the build wrote it and, when some
/// snippets did not compile, their errors (every other snippet was built). The last ``kept``
/// builds are kept in the scratch folder, newest first.
///
/// A build whose sources match the fingerprint of one of them, and whose products are all still
/// the files it wrote (path, size and modification time), needs no `swift build`: sources put
/// back as they were (`cp -a`, a stash popped with its times) find the build of them. A product
/// written since (a later build linked an executable again, compiled a module again or copied a
/// resource, from other sources) fails that check, so such sources are built again, never taken
/// for the build before.
struct BuildStamp: Codable, Equatable {
    let fingerprint: String
    let binPath: String
    /// Compiler errors by snippet name; nil after a clean build.
    let errors: [String: [String]]?
    /// The products, by path in the products folder (``SourceFingerprint/stamp(_:)``): the
    /// executables, the compiled modules (`Modules/`, which the API reference reads) and the
    /// resource bundles (`*.resources`).
    let products: [String: String]

    /// How many builds are remembered.
    static let kept = 8

    static func file(_ scratch: URL) -> URL { scratch.appendingPathComponent("notebook-build-stamp.json") }

    /// The builds remembered, newest first (none when the file is missing or from an older
    /// version of this tool).
    static func history(_ scratch: URL) -> [BuildStamp] {
        (try? Data(contentsOf: file(scratch))).flatMap { try? JSONDecoder().decode([BuildStamp].self, from: $0) } ?? []
    }

    /// The newest build of sources with `fingerprint` whose products are unchanged.
    static func find(_ scratch: URL, fingerprint: String) -> BuildStamp? {
        history(scratch).first { $0.fingerprint == fingerprint && $0.productsUnchanged }
    }

    /// Whether every product the build left is still the file it wrote.
    var productsUnchanged: Bool {
        let bin = URL(fileURLWithPath: binPath)
        return products.allSatisfy { SourceFingerprint.stamp(bin.appendingPathComponent($0.key)) == $0.value }
    }

    /// A stamp for a build of sources with `fingerprint` into `bin` that left the executables
    /// `executables` (those that are there are recorded), with the modules and resource bundles
    /// in `bin`.
    init(fingerprint: String, bin: URL, errors: [String: [String]]?, executables: [String]) {
        self.fingerprint = fingerprint
        binPath = bin.path
        self.errors = errors
        var products: [String: String] = [:]
        for path in executables + RunCache.files(under: "Modules", in: bin) + RunCache.resourceFiles(in: bin) {
            products[path] = SourceFingerprint.stamp(bin.appendingPathComponent(path))
        }
        self.products = products
    }

    /// Remembers this build first, in place of an older one of the same sources, dropping the
    /// oldest past ``kept``.
    func record(_ scratch: URL) {
        let history = [self] + Self.history(scratch).filter { $0.fingerprint != fingerprint }.prefix(Self.kept - 1)
        if let data = try? JSONEncoder().encode(history) { try? data.write(to: Self.file(scratch), options: .atomic) }
    }
}
