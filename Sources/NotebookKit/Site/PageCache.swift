import Foundation

/// Rendered pages, kept in the run cache's folder and keyed by everything a page is made from:
/// the program that renders it, the notebook's bytes, the source and cached result of each
/// snippet it shows, its neighbours and the site's title. A warm build then reads pages instead
/// of drawing every SVG again. A page whose snippets ran in this build is always rendered anew
/// and not cached (the next build, reading those runs from the run cache, caches it), so a rerun
/// with different output can never leave a stale page.
struct PageCache {
    let folder: URL

    /// The key for a page, or nil when it must be rendered (a snippet ran, or an input is unknown).
    static func key(notebook: ExecutedNotebook, sources: [String: SnippetSource], context: PageContext) -> String? {
        guard let digest = notebook.document.sourceDigest, let tool = toolIdentity else { return nil }
        var hash = SHA256()
        hash.update(field: "page-cache-v1")
        hash.update(field: tool)
        hash.update(field: digest)
        hash.update(field: context.path)
        hash.update(field: context.siteTitle)
        hash.update(field: "solutions=\(context.solutions.rawValue)")
        // Symbol links' targets.
        for (name, _) in notebook.document.symbolLinks { hash.update(field: "symbol \(name) \(context.symbols.resolve(name))") }
        hash.update(field: "\(context.previous?.title ?? "")|\(context.previous?.path ?? "")|\(context.next?.title ?? "")|\(context.next?.path ?? "")")
        var results: [String: SnippetResult?] = [:]
        for cell in notebook.cells { results[cell.reference.name] = cell.result }
        for name in results.keys.sorted() {
            guard let result = results[name] ?? nil, result.reason == .cached, let key = result.run.cacheKey, let source = sources[name] else { return nil }
            hash.update(field: name)
            hash.update(field: key)
            for line in source.visible { hash.update(field: "\(line.number):\(line.text)") }
            for slice in source.sliceNames { hash.update(field: "slice \(slice) \(source.slices[slice]?.map(\.number) ?? [])") }
        }
        return hash.hexDigest()
    }

    /// The key for a page of the API reference: everything the reference is made from (its
    /// ``APIPages/Result/digest``), the page's place and the renderer; nil when the renderer is unknown.
    static func key(referencePage context: PageContext, digest: String) -> String? {
        guard let tool = toolIdentity else { return nil }
        var hash = SHA256()
        for field in ["api-page-v1", tool, digest, context.path, context.siteTitle] { hash.update(field: field) }
        return hash.hexDigest()
    }

    /// The running program's path, size and modification time: a rebuilt renderer changes it.
    static let toolIdentity: String? = {
        let url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            let size = (attributes[.size] as? NSNumber)?.intValue, let date = attributes[.modificationDate] as? Date
        else { return nil }
        return "\(url.path)|\(size)|\(date.timeIntervalSince1970)"
    }()

    /// A cached page and the warnings drawing it gave.
    func page(_ key: String) -> (page: Data, warnings: [NotebookError])? {
        guard let page = try? Data(contentsOf: folder.appendingPathComponent("\(key).html")) else { return nil }
        let lines = (try? String(contentsOf: folder.appendingPathComponent("\(key).warnings"), encoding: .utf8))?.split(separator: "\n") ?? []
        let warnings = lines.compactMap { line -> NotebookError? in
            let parts = line.split(separator: "\t", maxSplits: 2).map(String.init)
            guard parts.count == 3 else { return nil }
            return NotebookError(file: parts[0], line: Int(parts[1]), parts[2])
        }
        return (page, warnings)
    }

    func store(_ page: Data, warnings: [NotebookError], key: String) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if !warnings.isEmpty {
            let text = warnings.map { "\($0.file)\t\($0.line.map(String.init) ?? "")\t\($0.message)" }.joined(separator: "\n")
            try? Data(text.utf8).write(to: folder.appendingPathComponent("\(key).warnings"), options: .atomic)
        }
        try? page.write(to: folder.appendingPathComponent("\(key).html"), options: .atomic)
    }
}
