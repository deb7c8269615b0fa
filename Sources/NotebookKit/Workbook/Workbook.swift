import Foundation

/// Notebooks parsed and their snippet references resolved: everything known before any snippet
/// is built or run.
public struct Workbook: Sendable {
    /// The project.
    public let project: Project
    /// The package's name and products.
    public let package: PackageManifest
    /// The documents, in site order (front matter `order`, then path).
    public let documents: [Document]
    /// The snippet sources, by name.
    public let sources: [String: SnippetSource]
    /// The catalog of snippets.
    public let catalog: SnippetCatalog
    /// Every notebook of the package (also those not loaded), which links may point at.
    public let allNotebookPaths: Set<String>

    /// Parses the notebooks at `paths` of the package described by `package` and resolves every
    /// reference.
    /// - Throws: every problem found, each with file:line.
    public init(project: Project, package: PackageManifest, paths: [String]) throws(NotebookErrors) {
        self.project = project
        self.package = package
        let documents = try project.load(paths, packageName: package.name)
        let catalog = SnippetCatalog(root: project.root)
        var sources: [String: SnippetSource] = [:]
        var errors: [NotebookError] = []
        var exercises: [String: String] = [:]
        for document in documents {
            for reference in document.snippetReferences {
                if reference.exercise != nil {
                    let place = "\(document.path):\(reference.line)"
                    if let first = exercises.updateValue(place, forKey: catalog.executableName(reference.name)) {
                        errors.append(NotebookError(file: document.path, line: reference.line,
                                                    "exercise '\(catalog.executableName(reference.name))' is already set at \(first); each exercise appears once"))
                    }
                }
                do {
                    sources[reference.name] = try catalog.resolve(reference, in: document.path, loaded: sources[reference.name])
                } catch {
                    errors.append(error)
                }
            }
        }
        guard errors.isEmpty else { throw NotebookErrors(errors) }
        self.documents = documents.sorted { a, b in
            (a.frontMatter.order ?? Int.max, a.path) < (b.frontMatter.order ?? Int.max, b.path)
        }
        self.sources = sources
        self.catalog = catalog
        allNotebookPaths = Set(project.notebookPaths())
    }

    /// Parses the notebooks at `paths` of the package that `service` builds, whose manifest it
    /// reads (the package's name starts every `@Snippet` path).
    /// - Throws: every problem found, each with file:line, or the manifest's problem.
    public static func load(_ paths: [String], with service: ExecutionService) throws(NotebookErrors) -> Workbook {
        let package: PackageManifest
        do {
            package = try service.packageManifest()
        } catch {
            throw NotebookErrors([error])
        }
        return try Workbook(project: service.project, package: package, paths: paths)
    }

    /// The workbook of the notebooks at `paths` that load, and the problems of those that do
    /// not (a bad reference or front matter in one notebook leaves the others usable). No
    /// workbook when none loads, or when the problem is the package's, not a notebook's.
    public static func loadingWhatLoads(_ paths: [String], with service: ExecutionService) -> (Workbook?, [NotebookError]) {
        var remaining = paths
        var problems: [NotebookError] = []
        while true {
            do {
                return (try Workbook.load(remaining, with: service), problems)
            } catch {
                problems += error.errors
                let broken = Set(error.errors.map(\.file))
                let rest = remaining.filter { !broken.contains($0) }
                guard !rest.isEmpty, rest.count < remaining.count else { return (nil, problems) }
                remaining = rest
            }
        }
    }

    /// The snippets referenced, each once, in first-reference order.
    public var referencedSnippets: [String] {
        var seen: Set<String> = []
        return documents.flatMap(\.snippetReferences).map(\.name).filter { seen.insert($0).inserted }
    }

    /// What a snippet may use: the largest limits any notebook that references it asks for
    /// (``SandboxLimits/union(_:)``).
    public func limits(for snippet: String) -> SandboxLimits {
        SandboxLimits.union(documents.filter { $0.snippetReferences.contains { $0.name == snippet } }.map(\.frontMatter.limits))
    }

    /// The time limit for a snippet: the smallest front-matter timeout of the notebooks that
    /// reference it, else 60 seconds.
    public func timeout(for snippet: String) -> Double {
        let limits = documents.filter { $0.snippetReferences.contains { $0.name == snippet } }.compactMap(\.frontMatter.timeout)
        return limits.min() ?? 60
    }
}
