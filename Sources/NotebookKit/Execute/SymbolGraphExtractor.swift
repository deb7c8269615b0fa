import Foundation

/// Reads the API of the library modules that snippets import from the modules the snippet build
/// compiled, with `swift symbolgraph-extract` (the tool DocC uses), keeping each module's graphs
/// in the cache under the digest of its compiled interface, so only a changed module is read
/// again.
struct SymbolGraphExtractor {
    /// The package root.
    let root: URL
    /// The snippet build's scratch folder (its checkouts hold the dependencies' C headers).
    let scratch: URL
    /// The snippet build's products folder (`.build-notebooks/<triple>/debug`).
    let bin: URL
    /// Where graphs are kept.
    let cacheFolder: URL
    /// Runs `swift`.
    let builder: SnippetBuilder

    /// The library modules of the package among `imported` (the modules snippets import),
    /// sorted: those get a reference.
    static func modules(imported: Set<String>, package: PackageManifest) -> [String] {
        imported.intersection(package.libraries.flatMap(\.targets)).sorted()
    }

    /// The reference for `modules`, and a problem for each module whose graph could not be read
    /// (it is then left out).
    func reference(_ modules: [String]) -> (APIReference, [NotebookError]) {
        var graphs: [String: [SymbolGraph]] = [:]
        var problems: [NotebookError] = []
        for module in modules {
            do {
                graphs[module] = try self.graphs(module)
            } catch {
                problems.append(error)
            }
        }
        return (APIReference(graphs: graphs, root: root), problems)
    }

    /// Where `module`'s graphs are kept: a digest of the toolchain, the package, the module's
    /// compiled interface and its documentation files, each file's digest remembered by the
    /// run cache until it changes. The doc comments are in `.swiftdoc` and source positions in
    /// `.swiftsourceinfo`, which the compiler rewrites alone when only a comment changed, so a
    /// key of the interface alone would keep an edited comment's old text.
    static func cacheKey(module: String, modulesFolder: URL, toolchain: String, root: URL, runCache: RunCache) -> String {
        var hash = SHA256()
        hash.update(field: "symbol-graph-v2")
        hash.update(field: toolchain)
        hash.update(field: root.path)
        for suffix in ["swiftmodule", "swiftdoc", "swiftsourceinfo"] {
            let file = modulesFolder.appendingPathComponent("\(module).\(suffix)")
            hash.update(field: FileManager.default.fileExists(atPath: file.path) ? runCache.executableHash(file) : "none")
        }
        return hash.hexDigest()
    }

    /// One module's graphs: its own and one per other module whose types it extends.
    func graphs(_ module: String) throws(NotebookError) -> [SymbolGraph] {
        let modulesFolder = bin.appendingPathComponent("Modules")
        let interface = modulesFolder.appendingPathComponent("\(module).swiftmodule")
        guard FileManager.default.isReadableFile(atPath: interface.path) else {
            throw NotebookError(file: "Sources/\(module)", line: nil, "no API reference: the snippet build left no compiled module \(module)")
        }
        let key = Self.cacheKey(module: module, modulesFolder: modulesFolder, toolchain: builder.toolchainVersion(), root: root,
                                runCache: RunCache(folder: cacheFolder))
        let folder = cacheFolder.appendingPathComponent("symbols/\(key)")
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: folder.path) {
            let temporary = cacheFolder.appendingPathComponent("symbols/.extracting-\(UUID().uuidString)")
            try? fileManager.createDirectory(at: temporary, withIntermediateDirectories: true)
            defer { try? fileManager.removeItem(at: temporary) }
            var arguments = ["symbolgraph-extract", "-module-name", module, "-I", modulesFolder.path]
            arguments += cModuleArguments()
            arguments += ["-target", bin.deletingLastPathComponent().lastPathComponent, "-minimum-access-level", "public",
                          "-output-dir", temporary.path]
            let run = try builder.invoke(arguments)
            guard run.ok else {
                let first = run.output.split(separator: "\n").first { $0.contains("error") } ?? run.output.split(separator: "\n").last ?? ""
                throw NotebookError(file: "Sources/\(module)", line: nil, "swift symbolgraph-extract could not read the module: \(first)")
            }
            try? fileManager.moveItem(at: temporary, to: folder)
        }
        let files = ((try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0 == "\(module).symbols.json" || ($0.hasPrefix("\(module)@") && $0.hasSuffix(".symbols.json")) }.sorted()
        guard !files.isEmpty else {
            throw NotebookError(file: "Sources/\(module)", line: nil, "swift symbolgraph-extract wrote no symbol graph")
        }
        var graphs: [SymbolGraph] = []
        for file in files {
            let url = folder.appendingPathComponent(file)
            guard let data = try? Data(contentsOf: url) else { throw NotebookError(file: url.path, line: nil, "cannot be read") }
            graphs.append(try SymbolGraph(json: data, file: url.path))
        }
        return graphs
    }

    /// What the compiler needs to read the C modules a Swift module is built on: the folders of
    /// hand-written module maps (a C target's `include/module.modulemap`, a system library's
    /// `module.modulemap`) in the package and its dependencies, and the module maps SwiftPM wrote
    /// for C targets without one (`bin/X.build/module.modulemap`).
    func cModuleArguments() -> [String] {
        var arguments: [String] = []
        let fileManager = FileManager.default
        var packages = [root]
        let checkouts = scratch.appendingPathComponent("checkouts")
        packages += ((try? fileManager.contentsOfDirectory(atPath: checkouts.path)) ?? []).sorted().map { checkouts.appendingPathComponent($0) }
        for package in packages {
            let sources = package.appendingPathComponent("Sources")
            for target in ((try? fileManager.contentsOfDirectory(atPath: sources.path)) ?? []).sorted() {
                let folder = sources.appendingPathComponent(target)
                for candidate in [folder.appendingPathComponent("include"), folder]
                where fileManager.fileExists(atPath: candidate.appendingPathComponent("module.modulemap").path) {
                    arguments += ["-I", candidate.path]
                }
            }
        }
        for build in ((try? fileManager.contentsOfDirectory(atPath: bin.path)) ?? []).sorted() where build.hasSuffix(".build") {
            let map = bin.appendingPathComponent(build).appendingPathComponent("module.modulemap")
            if fileManager.fileExists(atPath: map.path) { arguments += ["-Xcc", "-fmodule-map-file=\(map.path)"] }
        }
        return arguments
    }
}
