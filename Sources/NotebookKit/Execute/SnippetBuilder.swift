import Foundation

/// Builds the package's snippets with SwiftPM into a scratch folder of their own (the execution
/// service's, never the default `.build`, which `swift test` keeps locked).
public struct SnippetBuilder: Sendable {
    /// What a build produced.
    public struct Result: Sendable {
        /// Executables by snippet name.
        public var executables: [String: URL]
        /// Compiler errors by snippet name (`Snippets/x.swift:12:5: error: ...`).
        public var errors: [String: [String]]
        /// The folder the build wrote its products to (`.build-notebooks/<triple>/debug`), with
        /// the compiled library modules in `Modules/`; nil when nothing was built.
        public var bin: URL?
    }

    /// The package root.
    public let root: URL
    /// The scratch path for the build.
    public let scratch: URL
    /// The `swift` program.
    public let swift: String
    /// Seconds a build may take.
    public var timeout: Double = 1800
    /// Told when a build starts and ends, and SwiftPM's progress lines while it runs.
    public var progress: (@Sendable (ExecutionProgress) -> Void)?
    /// Whether snippets are built with slice markers (``SliceMarkers``), from a
    /// ``ShadowPackage`` in `scratch/snippets/package`, so a run tells which slice printed what.
    public var marksSlices = false
    /// The shadow package's own manifest (``ShadowManifest``), or nil to link the package's.
    public var shadowManifest: String?
    /// The compiler's module cache (the system's and Foundation's modules, compiled once), which
    /// builds that name the same folder share; nil leaves SwiftPM's own in the scratch folder.
    public var moduleCache: URL?
    /// The folders outside `Sources/` and `Snippets/` that the build reads (targets' custom
    /// paths, local dependencies: ``PackageManifest/sourceFolders(root:)``), which the sources'
    /// fingerprint covers too.
    public var outsideSources: [URL] = []
    /// Whether the errors of the last build, when the sources have not changed since, are
    /// reported again without building (`--no-cache` builds again: a cause outside the
    /// sources, such as a local dependency, may have gone).
    public var reusesFailedBuild = true

    /// The shadow package that builds marked snippets.
    var shadowFolder: URL { scratch.appendingPathComponent("snippets/package") }

    /// A builder for the package at `root`, building into `scratch`.
    /// - Throws: ``NotebookError`` when `swift` is not on the PATH.
    public init(root: URL, scratch: URL) throws(NotebookError) {
        self.root = root
        self.scratch = scratch
        guard let swift = ChildProcess.find("swift") else {
            throw NotebookError(file: "swift", line: nil, "the Swift toolchain is not on the PATH")
        }
        self.swift = swift
    }

    /// The toolchain's `usr` folder (the one holding `bin/swift`), whose libraries snippets load.
    public var toolchainRoot: URL {
        URL(fileURLWithPath: swift).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// `swift --version`, part of every cache key; remembered per `swift` binary (by its path,
    /// size and modification time) so a warm build does not start the compiler.
    public func toolchainVersion() -> String {
        let resolved = URL(fileURLWithPath: swift).resolvingSymlinksInPath()
        let attributes = try? FileManager.default.attributesOfItem(atPath: resolved.path)
        let identity = "\(resolved.path)|\((attributes?[.size] as? NSNumber)?.intValue ?? 0)|\((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        let memo = scratch.appendingPathComponent("notebook-toolchain.txt")
        if let saved = try? String(contentsOf: memo, encoding: .utf8), let newline = saved.firstIndex(of: "\n"),
            saved[..<newline] == identity
        {
            return String(saved[saved.index(after: newline)...])
        }
        let version = (try? invoke(["--version"]).output) ?? "unknown"
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try? (identity + "\n" + version).write(to: memo, atomically: true, encoding: .utf8)
        return version
    }

    /// Builds the snippets `names` (the catalog maps names to executables).
    /// - Throws: ``NotebookError`` when code outside `Snippets/` fails to compile (no snippet can
    ///   then run), naming the first error's file and line.
    public func build(_ names: [String], catalog: SnippetCatalog) throws(NotebookError) -> Result {
        var result = Result(executables: [:], errors: [:], bin: nil)
        guard !names.isEmpty else { return result }
        // The same sources as a build that finished (clean, or with every snippet either built
        // or failed), whose products are still those it wrote (``BuildStamp``): its executables
        // are current and its errors stand. (The build arguments name the module cache.)
        let settings = (marksSlices ? "+slice-markers-v1" : "") + (shadowManifest.map { "+manifest " + SHA256.hex(Data($0.utf8)) } ?? "")
            + "+toolchain " + toolchainVersion() + "+stamp-v2 " + buildArguments().joined(separator: " ")
        // Everything but the snippets (``KnownFailures``' context), then the snippets: each
        // folder read once.
        let context = SourceFingerprint.of(root, folders: ["Sources"], outside: outsideSources) + settings
        let fingerprint = context + "+snippets " + SourceFingerprint.of(root, folders: ["Snippets"])
        if let stamp = BuildStamp.find(scratch, fingerprint: fingerprint), stamp.errors == nil || reusesFailedBuild {
            let bin = URL(fileURLWithPath: stamp.binPath)
            let failed = stamp.errors ?? [:]
            let executables = names.filter { failed[$0] == nil }.map { (name: $0, url: bin.appendingPathComponent(catalog.executableName($0))) }
            if executables.allSatisfy({ FileManager.default.isExecutableFile(atPath: $0.url.path) }) {
                for executable in executables { result.executables[executable.name] = executable.url }
                for name in names { result.errors[name] = failed[name] }
                result.bin = bin
                return result
            }
        }
        // Snippets that failed before, in the same context and unchanged since, are left out
        // from the start (``KnownFailures``): only the shadow package can leave a snippet out.
        let known = marksSlices && reusesFailedBuild
            ? KnownFailures.read(scratch)?.unchanged(catalog.names, context: context, file: { root.appendingPathComponent(catalog.relativePath($0)) }) ?? [:]
            : [:]
        KnownFailures.remove(scratch)
        // Each snippet's file as it is before the build reads it: one saved while SwiftPM runs
        // must not be recorded with errors it may not have.
        var sourceStamps: [String: String] = [:]
        for name in catalog.names { sourceStamps[name] = SourceFingerprint.stamp(root.appendingPathComponent(catalog.relativePath(name))) }
        progress?(.buildStarted(snippets: names.count, first: Self.linkedProducts(scratch) == nil))
        let started = Date()
        let package = marksSlices ? shadowFolder : root
        if marksSlices { try prepareShadow(catalog, leavingOut: Set(known.keys)) }
        let whole = try invoke(buildArguments(), in: package, watching: true)
        progress?(.built(seconds: Date().timeIntervalSince(started)))
        // Every snippet's errors, asked for or not, and whether every other snippet was built.
        var errors = known
        var restBuilt = whole.ok && !known.isEmpty
        if whole.ok {
            for name in names { result.errors[name] = errors[name] }
        } else {
            let failed = try record(whole.output, into: &errors).union(known.keys)
            let shadow = ShadowPackage(root: root, folder: shadowFolder)
            var builtTheRest = false
            if marksSlices {
                builtTheRest = try buildWithout(failed, in: package, leaveOut: { failed throws(NotebookError) in
                    let kept = catalog.names.filter { !failed.contains($0) }
                    restBuilt = kept.contains(where: names.contains)
                    guard restBuilt else { return false }
                    shadow.removeSnippets(except: Set(kept.map { String(catalog.relativePath($0).dropFirst("Snippets/".count)) }))
                    return true
                }, fault: { output throws(NotebookError) in
                    Self.errors(in: output, root: root).isEmpty ? [] : try record(output, into: &errors)
                })
            }
            restBuilt = builtTheRest && restBuilt
            for name in names { result.errors[name] = errors[name] }
            if !builtTheRest { try buildEach(names, catalog: catalog, in: package, into: &result) }
        }
        let bin = try binPath(in: package)
        let built = catalog.names.filter { errors[$0] == nil }.map(catalog.executableName)
        if whole.ok, known.isEmpty {
            BuildStamp(fingerprint: fingerprint, bin: bin, errors: nil, executables: built).record(scratch)
        } else if restBuilt, !errors.values.joined().contains(where: { $0.contains("module") }) {
            // The package built without the snippets that failed: the same sources give the same
            // errors, so the next build of them need not start SwiftPM twice to find them again.
            // Not an error about a module, which a cause outside the sources may give (a
            // module cache, a dependency, a system library).
            BuildStamp(fingerprint: fingerprint, bin: bin, errors: errors, executables: built).record(scratch)
            if marksSlices {
                var entries: [String: KnownFailures.Entry] = [:]
                for (name, texts) in errors {
                    guard let file = sourceStamps[name] else { continue }
                    entries[name] = KnownFailures.Entry(file: file, errors: texts)
                }
                KnownFailures(context: context, snippets: entries).write(scratch)
            }
        }
        result.bin = bin
        for name in names where result.errors[name] == nil {
            let executable = bin.appendingPathComponent(catalog.executableName(name))
            if FileManager.default.isExecutableFile(atPath: executable.path) {
                result.executables[name] = executable
            } else {
                result.errors[name] = ["no executable \(executable.lastPathComponent) after the build"]
            }
        }
        return result
    }

    /// Records a failed build's errors in `errors` under the snippets they are in; returns the
    /// snippets with an error in this output.
    /// - Throws: ``NotebookError`` for an error outside `Snippets/`, or a failure without one.
    func record(_ output: String, into errors: inout [String: [String]]) throws(NotebookError) -> Set<String> {
        let diagnostics = Self.errors(in: output, root: root)
        var failed: Set<String> = []
        for diagnostic in diagnostics {
            guard let name = Self.snippetName(diagnostic.file, root: root) else {
                throw NotebookError(file: Self.relative(diagnostic.file, root: root), line: diagnostic.line,
                                    "the package does not build, so no snippet can run: \(diagnostic.message)")
            }
            failed.insert(name)
            errors[name, default: []].append(diagnostic.text)
        }
        if diagnostics.isEmpty {
            let tail = output.split(separator: "\n").suffix(3).joined(separator: " | ")
            throw NotebookError(file: "Package.swift", line: nil, "swift build failed: \(tail)")
        }
        return failed
    }

    /// Builds the rest after a failed build of a shadow package (the snippets' or the
    /// exercises'): the package is built again without the sources that failed (one
    /// `swift build`, not one per source), and again without any that fail then, until it
    /// builds. `failed` holds the keys the first failure faulted; `leaveOut` makes the package
    /// leave out the keys given (its next preparation puts them back) and says whether anything
    /// wanted is left to build; `fault` reads a failed build's output, records its errors and
    /// returns the keys it faults. Returns false when a failure faults no new key (a link error,
    /// say): the caller then builds what is left one by one.
    func buildWithout(
        _ failed: Set<String>, in package: URL,
        leaveOut: (Set<String>) throws(NotebookError) -> Bool,
        fault: (String) throws(NotebookError) -> Set<String>
    ) throws(NotebookError) -> Bool {
        var failed = failed
        while try leaveOut(failed) {
            progress?(.buildingAgain(without: failed.count))
            let again = try invoke(buildArguments(), in: package, watching: true)
            if again.ok { return true }
            let more = try fault(again.output).subtracting(failed)
            if more.isEmpty { return false }
            failed.formUnion(more)
        }
        return true
    }

    /// Builds each of `names` without errors yet as its own product, so that the failure of one
    /// never stops another.
    func buildEach(_ names: [String], catalog: SnippetCatalog, in package: URL, into result: inout Result) throws(NotebookError) {
        for name in names where result.errors[name] == nil {
            let product = try invoke(buildArguments(["--product", catalog.executableName(name)]), in: package)
            if !product.ok {
                let errors = Self.errors(in: product.output, root: root).filter { Self.snippetName($0.file, root: root) == name }
                result.errors[name] = errors.isEmpty ? ["swift build --product \(catalog.executableName(name)) failed"] : errors.map(\.text)
            }
        }
    }

    /// `swift build` into the scratch folder with the shared module cache, and `extra` arguments.
    /// Without SwiftPM's index store: nothing reads an index of the shadow package, and writing
    /// one took about a tenth of a first snippet build's processor time. Without debug
    /// information (`-gnone` for Swift and `-g0` for C, after SwiftPM's `-g`, and
    /// `-debug-info-format none`): nothing reads it, since runs turn Swift's backtracer off, and
    /// a cold build spent 2–5 s of its 40–45 s writing and linking it. (The C targets' DWARF 5,
    /// two units of it, also stopped valgrind 3.19 from reading a snippet at all.) SwiftPM's
    /// debug configuration still wraps each module for a debugger (`swiftc -modulewrap`, two
    /// compiler starts per module, about 4 s of a cold test run's processor time); only its
    /// release configuration does not, and that changes what a snippet sees (no
    /// `@testable import`, manifests' `.when(configuration:)` settings, C's `DEBUG`, build tools
    /// and macros compiled with `-O`), so snippets stay in the debug configuration, as
    /// `swift run NAME` builds them. Each Swift module in one compiler job
    /// (``wholeModuleArguments``), linked by the toolchain's `lld` when it has one
    /// (``linkerArguments``).
    func buildArguments(_ extra: [String] = []) -> [String] {
        var arguments = ["build", "--scratch-path", scratch.path, "--disable-index-store", "-debug-info-format", "none", "-Xswiftc", "-gnone", "-Xcc", "-g0"]
            + Self.wholeModuleArguments + linkerArguments + extra
        if let moduleCache { arguments += ["-Xswiftc", "-module-cache-path", "-Xswiftc", moduleCache.path] }
        return arguments
    }

    /// `-use-ld=lld` when the toolchain ships `ld.lld` beside `swift` (Swift's Linux
    /// toolchains do): a lesson snippet's link, which takes every object of the libraries it
    /// imports, took a fifth less processor time than with gold, the default (0.14 s against
    /// 0.17 s, the compiler driver and clang included; five links each way).
    var linkerArguments: [String] {
        let lld = URL(fileURLWithPath: swift).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("ld.lld")
        return FileManager.default.isExecutableFile(atPath: lld.path) ? ["-Xswiftc", "-use-ld=lld"] : []
    }

    /// Compiles each Swift module in one compiler job, still without optimisation: `-wmo` with
    /// one thread (which still writes the object file per source file that SwiftPM links), and
    /// the module file written by that job instead of a second one
    /// (`-no-emit-module-separately-wmo`). SwiftPM's debug default starts two jobs per snippet
    /// (the module file, then the code), each loading the imported modules, and type-checks a
    /// library's files in batches that each check the declarations the others use. A cold
    /// snippet build of this package's curriculum took 62 s of processor time this way against
    /// 90 s (32 s against 48 s on two cores). A snippet is one file, so an edit to one compiles
    /// just that file either way; an edit to a library compiles all of it again.
    static let wholeModuleArguments = ["-Xswiftc", "-wmo", "-Xswiftc", "-num-threads", "-Xswiftc", "1", "-Xswiftc", "-no-emit-module-separately-wmo"]

    /// The folder SwiftPM writes products to in the scratch folder, remembered there per
    /// toolchain. After a build it is where SwiftPM's `debug` link in the scratch folder points;
    /// before the first build SwiftPM is asked (`--show-bin-path`), which costs a start of SwiftPM.
    func binPath(in package: URL) throws(NotebookError) -> URL {
        let memo = scratch.appendingPathComponent("notebook-bin-path.txt")
        let toolchain = SHA256.hex(Data(toolchainVersion().utf8))
        let inScratch = scratch.standardizedFileURL.path + "/"
        // Only a path in this scratch folder: one that moved with its package is asked again.
        if let saved = try? String(contentsOf: memo, encoding: .utf8), let newline = saved.firstIndex(of: "\n"), saved[..<newline] == toolchain {
            let path = String(saved[saved.index(after: newline)...])
            if path.hasPrefix(inScratch) { return URL(fileURLWithPath: path) }
        }
        var path = ""
        if let linked = Self.linkedProducts(scratch), linked.path.hasPrefix(inScratch) {
            path = linked.path
        } else {
            let shown = try invoke(["build", "--scratch-path", scratch.path, "--show-bin-path"], in: package)
            guard shown.ok, let last = shown.output.split(separator: "\n").last else { return URL(fileURLWithPath: "") }
            path = String(last)
        }
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try? (toolchain + "\n" + path).write(to: memo, atomically: true, encoding: .utf8)
        return URL(fileURLWithPath: path)
    }

    /// The folder SwiftPM's `debug` link in `scratch` points to (`<triple>/debug`), when it
    /// points to a folder.
    static func linkedProducts(_ scratch: URL) -> URL? {
        let link = scratch.appendingPathComponent("debug")
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link.path) else { return nil }
        let folder = (target.hasPrefix("/") ? URL(fileURLWithPath: target) : scratch.appendingPathComponent(target)).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else { return nil }
        return folder
    }

    /// Links the package into the shadow and writes each snippet there with its slice markers,
    /// but those `leavingOut`.
    func prepareShadow(_ catalog: SnippetCatalog, leavingOut: Set<String> = []) throws(NotebookError) {
        let shadow = ShadowPackage(root: root, folder: shadowFolder)
        try shadow.link(manifest: shadowManifest)
        var files: [String: String] = [:]
        for name in catalog.names where !leavingOut.contains(name) {
            let file = root.appendingPathComponent(catalog.relativePath(name))
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            files[String(catalog.relativePath(name).dropFirst("Snippets/".count))] = SliceMarkers.instrument(text, path: file.path)
        }
        try shadow.writeSnippets(files)
    }

    struct Invocation {
        let ok: Bool
        /// Standard output and standard error, for diagnostics.
        let output: String
        /// Standard output alone.
        let stdout: String
    }

    /// Runs `swift` with `arguments` in `package` (the package root by default); paths into a
    /// shadow package in its output are given as the real package's.
    func invoke(_ arguments: [String], in package: URL? = nil, watching: Bool = false) throws(NotebookError) -> Invocation {
        let directory = package ?? root
        let fileManager = FileManager.default
        let folder = fileManager.temporaryDirectory.appendingPathComponent("notebook-build-\(UUID().uuidString)")
        try? fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out"), err = folder.appendingPathComponent("err")
        // SwiftPM's "[12/240] Compiling ..." lines, passed on as the build writes them.
        let watcher = watching ? progress.map { OutputWatcher(file: out, report: $0) } : nil
        watcher?.start()
        defer { watcher?.stop() }
        let (outcome, _) = try ChildProcess.run(
            swift, arguments: arguments, environment: ProcessInfo.processInfo.environment, directory: directory,
            stdout: out, stderr: err, timeout: timeout, interruptible: true)
        var stdout = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        var text = stdout + ((try? String(contentsOf: err, encoding: .utf8)) ?? "")
        if directory != root {
            let shadow = directory.standardizedFileURL.path + "/", real = root.standardizedFileURL.path + "/"
            stdout = stdout.replacingOccurrences(of: shadow, with: real)
            text = text.replacingOccurrences(of: shadow, with: real)
        }
        return Invocation(ok: outcome.succeeded, output: text.trimmingTrailingSpace, stdout: stdout)
    }

    struct Diagnostic {
        let file: String
        let line: Int
        let message: String
        let text: String
    }

    /// `file:line:column: error: message` lines.
    static func errors(in output: String, root: URL) -> [Diagnostic] {
        var seen: Set<String> = []
        var result: [Diagnostic] = []
        for line in output.split(separator: "\n") {
            guard let range = line.range(of: ": error: ") else { continue }
            let location = line[..<range.lowerBound].split(separator: ":")
            guard location.count >= 3, let number = Int(location[location.count - 2]) else { continue }
            let file = location.dropLast(2).joined(separator: ":")
            let message = String(line[range.upperBound...])
            let text = "\(relative(file, root: root)):\(number): error: \(message)"
            if seen.insert(text).inserted {
                result.append(Diagnostic(file: file, line: number, message: message, text: text))
            }
        }
        return result
    }

    static func relative(_ file: String, root: URL) -> String {
        Project.relative(URL(fileURLWithPath: file), to: root)
    }

    /// The snippet a source file belongs to, or nil for files outside `Snippets/`.
    static func snippetName(_ file: String, root: URL) -> String? {
        let path = relative(file, root: root)
        guard path.hasPrefix("Snippets/"), path.hasSuffix(".swift") else { return nil }
        return String(path.dropFirst("Snippets/".count).dropLast(".swift".count))
    }
}
