import Foundation

/// Builds versions of exercises that are not the package's own snippets (a starter, a student's
/// file, a submission) with the hidden checks put back, as snippets of a shadow package.
///
/// SwiftPM builds snippets only from a package's `Snippets/` folder, which belongs to the author.
/// The versions are written to `Snippets/notebook-exercises/` of the snippet build's own
/// ``ShadowPackage`` (`snippets/package` in the execution service's scratch folder) and built
/// there, into the same scratch folder: the libraries the snippet build compiled are not
/// compiled again (when the versions had a package and a build folder of their own, this
/// package's first check after its site was built took 21.8 s instead of 6.9 s). The lesson
/// snippets there are left as the snippet build wrote them. One version that does not compile
/// never stops another.
struct ExerciseBuilder {
    /// The real package.
    let root: URL
    /// The execution service's scratch folder, shared with the snippet build.
    let scratch: URL
    /// Told which version is being built, and SwiftPM's compile steps while it builds.
    var progress: (@Sendable (ExecutionProgress) -> Void)? = nil
    /// The shadow package's own manifest (``ShadowManifest``: only the libraries the items
    /// import), or nil to link the package's and build each item as its own product.
    var manifest: String? = nil
    /// The compiler's module cache, shared with the snippet build (``SnippetBuilder/moduleCache``).
    var moduleCache: URL? = nil
    /// The folders outside `Sources/` that the build reads (``SnippetBuilder/outsideSources``).
    var outsideSources: [URL] = []

    /// The folder under the shadow package's `Snippets/` that holds the versions.
    static let subfolder = "notebook-exercises"

    var package: URL { scratch.appendingPathComponent("snippets/package") }
    var stamps: URL { scratch.appendingPathComponent("exercises/stamps") }

    /// The product for an item: `exercise_` and the item's key with anything but letters and
    /// digits turned into `_`, with a short hash so that keys that differ stay different.
    static func product(_ id: String) -> String {
        let safe = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        var hash = SHA256()
        hash.update(field: id)
        return "exercise_\(safe)_\(hash.hexDigest().prefix(8))"
    }

    /// Builds every item; returns each executable or the item's compiler errors, named in the
    /// student's file (`Exercises/x.swift:12: error: ...`).
    ///
    /// With a cut-down ``manifest`` the items that changed are built by one `swift build` (one
    /// start of SwiftPM, the compiler's jobs in parallel); when that fails, again without the
    /// items it faulted, so that one that does not compile never stops another. Without a
    /// manifest, for a single item, or after a failure that names no item, each item is built
    /// as its own product.
    /// - Throws: ``NotebookError`` when the package itself does not build.
    func build(_ items: [ExecutionService.ExerciseJob], toolchain: String) throws(NotebookError) -> (executables: [String: URL], errors: [String: [String]]) {
        // The package and build folder versions had of their own before (now only disk space).
        for old in ["exercises/package", "exercises/build"] { try? FileManager.default.removeItem(at: scratch.appendingPathComponent(old)) }
        try preparePackage(keeping: items.map { Self.product($0.id) })
        var builder = try SnippetBuilder(root: package, scratch: scratch)
        builder.progress = progress
        builder.moduleCache = moduleCache
        let sources = SourceFingerprint.of(root, outside: outsideSources)
        var executables: [String: URL] = [:]
        var errors: [String: [String]] = [:]
        var pending: [(item: ExecutionService.ExerciseJob, product: String, key: String)] = []
        // SwiftPM's products folder, asked for (from its memo) once.
        var bin: URL?
        func binFolder() throws(NotebookError) -> URL {
            if let bin { return bin }
            let folder = try builder.binPath(in: package)
            bin = folder
            return folder
        }
        for item in items {
            let product = Self.product(item.id)
            let file = package.appendingPathComponent("Snippets/\(Self.subfolder)/\(product).swift")
            if (try? String(contentsOf: file, encoding: .utf8)) != item.graded.text {
                do {
                    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try item.graded.text.write(to: file, atomically: true, encoding: .utf8)
                } catch {
                    throw NotebookError(file: file.path, line: nil, "cannot write: \(error.localizedDescription)")
                }
            }
            var key = SHA256()
            key.update(field: "exercise-build-v3")
            key.update(field: sources)
            key.update(field: toolchain)
            key.update(field: manifest ?? "")
            key.update(field: item.graded.text)
            if (try? String(contentsOf: stamps.appendingPathComponent(product), encoding: .utf8)) == key.hexDigest() {
                let executable = try binFolder().appendingPathComponent(product)
                if FileManager.default.isExecutableFile(atPath: executable.path) {
                    executables[item.id] = executable
                    continue
                }
            }
            // Forgotten until this build ends well: one stopped after SwiftPM replaced the
            // executable must not leave a stamp that an earlier text would match.
            try? FileManager.default.removeItem(at: stamps.appendingPathComponent(product))
            pending.append((item, product, key.hexDigest()))
        }
        guard !pending.isEmpty else { return (executables, errors) }
        var alone = pending
        // One version (a student's save) is built as its own product: SwiftPM then looks only at
        // what it needs, not at every lesson snippet of the package.
        if manifest != nil, pending.count > 1 {
            for entry in pending { progress?(.buildingExercise(entry.item.studentFile)) }
            // The products a failed build faults, their errors recorded at the students' lines.
            func fault(_ output: String) throws(NotebookError) -> Set<String> {
                let diagnostics = SnippetBuilder.errors(in: output, root: package)
                var faulted: Set<String> = []
                // A lesson snippet the last snippet build left here that no longer compiles (the
                // package's code changed since) is set aside: the next snippet build writes it again.
                let stale = Set(diagnostics.compactMap { lessonSnippet($0.file) })
                for file in stale {
                    try? FileManager.default.removeItem(at: package.appendingPathComponent(file))
                    faulted.insert(file)
                }
                if let outside = diagnostics.first(where: { diagnostic in
                    lessonSnippet(diagnostic.file) == nil && !pending.contains { Self.isFile(diagnostic.file, of: $0.product) }
                }) {
                    throw Self.packageError(outside, root: package)
                }
                for entry in pending where errors[entry.item.id] == nil {
                    let own = diagnostics.filter { Self.isFile($0.file, of: entry.product) }
                    if !own.isEmpty {
                        errors[entry.item.id] = studentErrors(own, item: entry.item)
                        faulted.insert(entry.product)
                    }
                }
                return faulted
            }
            let whole = try builder.invoke(builder.buildArguments(), watching: true)
            if whole.ok {
                alone = []
            } else {
                // Again without the versions that failed, as the snippet build does.
                let failed = try fault(whole.output)
                var builtTheRest = false
                if !failed.isEmpty {
                    builtTheRest = try builder.buildWithout(failed, in: package, leaveOut: { failed throws(NotebookError) in
                        guard pending.contains(where: { errors[$0.item.id] == nil }) else { return false }
                        try preparePackage(keeping: items.map { Self.product($0.id) }.filter { !failed.contains($0) })
                        return true
                    }, fault: fault)
                }
                alone = builtTheRest ? [] : pending.filter { errors[$0.item.id] == nil }
            }
        }
        for entry in alone {
            if manifest == nil || pending.count == 1 { progress?(.buildingExercise(entry.item.studentFile)) }
            let outcome = try builder.invoke(builder.buildArguments(["--product", entry.product]), watching: true)
            guard !outcome.ok else { continue }
            let diagnostics = SnippetBuilder.errors(in: outcome.output, root: package)
            if let outside = diagnostics.first(where: { !Self.isFile($0.file, of: entry.product) }) {
                throw Self.packageError(outside, root: package)
            }
            let tail = outcome.output.split(separator: "\n").suffix(3).joined(separator: " | ")
            errors[entry.item.id] = diagnostics.isEmpty ? ["\(entry.item.studentFile): swift build failed: \(tail)"] : studentErrors(diagnostics, item: entry.item)
        }
        let products = try binFolder()
        for entry in pending where errors[entry.item.id] == nil {
            let executable = products.appendingPathComponent(entry.product)
            guard FileManager.default.isExecutableFile(atPath: executable.path) else {
                errors[entry.item.id] = ["\(entry.item.studentFile): no executable after the build"]
                continue
            }
            try? FileManager.default.createDirectory(at: stamps, withIntermediateDirectories: true)
            try? entry.key.write(to: stamps.appendingPathComponent(entry.product), atomically: true, encoding: .utf8)
            executables[entry.item.id] = executable
        }
        return (executables, errors)
    }

    /// Whether a diagnostic's file is the product's source.
    static func isFile(_ file: String, of product: String) -> Bool {
        file.hasSuffix("/Snippets/\(subfolder)/\(product).swift")
    }

    /// The shadow package's copy of a lesson snippet a diagnostic names (`Snippets/x.swift`,
    /// relative to the shadow package), or nil when the file is not one. The snippet build's
    /// copies report the real package's paths (``SliceMarkers``).
    func lessonSnippet(_ file: String) -> String? {
        for folder in [root, package] {
            let prefix = folder.standardizedFileURL.path + "/Snippets/"
            if file.hasPrefix(prefix), !file.dropFirst(prefix.count).hasPrefix(Self.subfolder + "/") {
                return "Snippets/" + file.dropFirst(prefix.count)
            }
        }
        return nil
    }

    /// An error in the package's own code: no exercise can be checked.
    static func packageError(_ diagnostic: SnippetBuilder.Diagnostic, root: URL) -> NotebookError {
        NotebookError(file: SnippetBuilder.relative(diagnostic.file, root: root), line: diagnostic.line,
                      "the package does not build, so no exercise can be checked: \(diagnostic.message)")
    }

    /// The compiler's errors in an item's file, at the student's lines.
    func studentErrors(_ diagnostics: [SnippetBuilder.Diagnostic], item: ExecutionService.ExerciseJob) -> [String] {
        diagnostics.map { diagnostic in
            if let line = item.graded.studentLine(diagnostic.line) {
                return "\(item.studentFile):\(line): error: \(diagnostic.message)"
            }
            return "\(item.studentFile): error in the hidden checks, which use your code: \(diagnostic.message)"
        }
    }

    /// Makes the shadow package: a link to each entry of the real package, and in
    /// `Snippets/notebook-exercises/` only the given products (the lesson snippets are left).
    func preparePackage(keeping products: [String]) throws(NotebookError) {
        let shadow = ShadowPackage(root: root, folder: package)
        try shadow.link(manifest: manifest)
        shadow.removeSnippets(except: Set(products.map { "\(Self.subfolder)/\($0).swift" }), under: Self.subfolder)
    }
}
