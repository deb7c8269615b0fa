import Foundation

/// Builds versions of exercises that are not the package's own snippets (a starter, a student's
/// file, a submission) with the hidden checks put back, as snippets of a shadow package.
///
/// SwiftPM builds snippets only from a package's `Snippets/` folder, which belongs to the author.
/// The ``ShadowPackage`` (`exercises/package` in the execution service's scratch folder) links
/// every top-level entry of the real package except `Snippets/`, and has a `Snippets/` of its own
/// holding the files to build; it builds into `exercises/build`, so the real package's snippet
/// build is never touched. Each file is built as its own product, so one that does not compile
/// never stops another.
struct ExerciseBuilder {
    /// The real package.
    let root: URL
    /// The folder holding the shadow package and its build.
    let folder: URL
    /// Told which version is being built, and SwiftPM's compile steps while it builds.
    var progress: (@Sendable (ExecutionProgress) -> Void)? = nil

    var package: URL { folder.appendingPathComponent("package") }
    var build: URL { folder.appendingPathComponent("build") }
    var stamps: URL { folder.appendingPathComponent("stamps") }

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
    /// - Throws: ``NotebookError`` when the package itself does not build.
    func build(_ items: [ExecutionService.ExerciseJob], toolchain: String) throws(NotebookError) -> (executables: [String: URL], errors: [String: [String]]) {
        try preparePackage(keeping: items.map { Self.product($0.id) })
        var builder = try SnippetBuilder(root: package, scratch: build)
        builder.progress = progress
        let sources = SourceFingerprint.of(root)
        var executables: [String: URL] = [:]
        var errors: [String: [String]] = [:]
        var binPath = try? String(contentsOf: stamps.appendingPathComponent("bin-path"), encoding: .utf8)
        for item in items {
            let product = Self.product(item.id)
            let file = package.appendingPathComponent("Snippets/\(product).swift")
            if (try? String(contentsOf: file, encoding: .utf8)) != item.graded.text {
                do {
                    try item.graded.text.write(to: file, atomically: true, encoding: .utf8)
                } catch {
                    throw NotebookError(file: file.path, line: nil, "cannot write: \(error.localizedDescription)")
                }
            }
            var key = SHA256()
            key.update(field: "exercise-build-v1")
            key.update(field: sources)
            key.update(field: toolchain)
            key.update(field: item.graded.text)
            let stamp = stamps.appendingPathComponent(product)
            if let binPath, (try? String(contentsOf: stamp, encoding: .utf8)) == key.hexDigest() {
                let executable = URL(fileURLWithPath: binPath).appendingPathComponent(product)
                if FileManager.default.isExecutableFile(atPath: executable.path) {
                    executables[item.id] = executable
                    continue
                }
            }
            progress?(.buildingExercise(item.studentFile))
            let outcome = try builder.invoke(["build", "--scratch-path", build.path, "--product", product], watching: true)
            if !outcome.ok {
                errors[item.id] = try studentErrors(outcome.output, item: item, product: product)
                continue
            }
            if binPath == nil {
                let shown = try builder.invoke(["build", "--scratch-path", build.path, "--show-bin-path"])
                binPath = shown.output.split(separator: "\n").last.map(String.init)
                try? FileManager.default.createDirectory(at: stamps, withIntermediateDirectories: true)
                try? binPath?.write(to: stamps.appendingPathComponent("bin-path"), atomically: true, encoding: .utf8)
            }
            let executable = URL(fileURLWithPath: binPath ?? "").appendingPathComponent(product)
            guard FileManager.default.isExecutableFile(atPath: executable.path) else {
                errors[item.id] = ["\(item.studentFile): no executable after the build"]
                continue
            }
            try? FileManager.default.createDirectory(at: stamps, withIntermediateDirectories: true)
            try? key.hexDigest().write(to: stamp, atomically: true, encoding: .utf8)
            executables[item.id] = executable
        }
        return (executables, errors)
    }

    /// The compiler's errors in an item's file, at the student's lines; an error anywhere else
    /// means the package does not build.
    func studentErrors(_ output: String, item: ExecutionService.ExerciseJob, product: String) throws(NotebookError) -> [String] {
        let diagnostics = SnippetBuilder.errors(in: output, root: package)
        var result: [String] = []
        for diagnostic in diagnostics {
            guard diagnostic.file.hasSuffix("/Snippets/\(product).swift") else {
                throw NotebookError(file: SnippetBuilder.relative(diagnostic.file, root: package), line: diagnostic.line,
                                    "the package does not build, so no exercise can be checked: \(diagnostic.message)")
            }
            if let line = item.graded.studentLine(diagnostic.line) {
                result.append("\(item.studentFile):\(line): error: \(diagnostic.message)")
            } else {
                result.append("\(item.studentFile): error in the hidden checks, which use your code: \(diagnostic.message)")
            }
        }
        if result.isEmpty {
            let tail = output.split(separator: "\n").suffix(3).joined(separator: " | ")
            result.append("\(item.studentFile): swift build failed: \(tail)")
        }
        return result
    }

    /// Makes the shadow package: a link to each entry of the real package and a `Snippets/`
    /// folder holding only the given products.
    func preparePackage(keeping products: [String]) throws(NotebookError) {
        let shadow = ShadowPackage(root: root, folder: package)
        try shadow.link()
        shadow.removeSnippets(except: Set(products.map { "\($0).swift" }))
    }
}
