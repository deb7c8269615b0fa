import Foundation

/// The site's files for executed notebooks: a page each, the API reference's pages, the index,
/// the search index, the stylesheet and the search script. It renders; it finds no problems (the executed notebooks
/// hold them) and writes nothing (the ``SiteWriter`` does).
enum SiteRenderer {
    /// Every file of the site, by path, and the warnings drawing them gave (sweeps over their
    /// budget). `pageCache`, when given, supplies pages rendered before from the same inputs
    /// (with their warnings) and keeps new ones.
    static func render(_ notebooks: [ExecutedNotebook], sources: [String: SnippetSource], siteTitle: String,
                       solutions: SolutionVisibility = .hidden, reference: APIPages.Result? = nil,
                       pageCache: PageCache? = nil) -> (files: [String: Data], warnings: [NotebookError]) {
        let symbols = reference?.links ?? .empty
        var warnings: [NotebookError] = []
        var files: [String: Data] = ["style.css": Data(Stylesheet.css.utf8), "search.js": Data(SearchIndex.searchScript.utf8),
                                     PresentScript.file: Data(PresentScript.source.utf8)]
        var searchEntries: [SearchIndex.Entry] = []
        var entries: [IndexRenderer.Entry] = []
        // A page from the cache under `key`, or drawn (and kept under `key`).
        func page(_ notebook: ExecutedNotebook, context: PageContext, key: String?) -> Data {
            if let key, let cached = pageCache?.page(key) {
                warnings += cached.warnings
                return cached.page
            }
            var renderer = PageRenderer(notebook: notebook, context: context)
            let html = renderer.renderMarkup().withUTF8 { Data($0) }
            warnings += renderer.warnings
            if let key { pageCache?.store(html, warnings: renderer.warnings, key: key) }
            return html
        }
        for (index, notebook) in notebooks.enumerated() {
            var context = PageContext(
                path: notebook.page, siteTitle: siteTitle,
                previous: index > 0 ? (notebooks[index - 1].document.title, notebooks[index - 1].page) : nil,
                next: index + 1 < notebooks.count ? (notebooks[index + 1].document.title, notebooks[index + 1].page) : nil,
                solutions: solutions)
            context.symbols = symbols
            let key = pageCache.flatMap { _ in PageCache.key(notebook: notebook, sources: sources, context: context) }
            files[notebook.page] = page(notebook, context: context, key: key)
            searchEntries += SearchIndex.entries(notebook)
            entries.append(IndexRenderer.Entry(
                title: notebook.document.title, summary: notebook.document.frontMatter.summary, path: notebook.page,
                failedCells: notebook.failedCells, cells: notebook.owningCells.count))
        }
        for referencePage in reference?.pages ?? [] {
            var context = PageContext(path: referencePage.page, siteTitle: siteTitle)
            context.symbols = symbols
            let key = pageCache.flatMap { _ in PageCache.key(referencePage: context, digest: reference?.digest ?? "") }
            files[referencePage.page] = page(referencePage, context: context, key: key)
            searchEntries += SearchIndex.entries(referencePage)
        }
        let referencePages = (reference?.pages ?? []).map { (title: $0.document.title, path: $0.page) }
        files["index.html"] = Data(IndexRenderer.render(siteTitle: siteTitle, entries: entries, reference: referencePages).utf8)
        files["search-index.js"] = Data(SearchIndex.script(searchEntries).utf8)
        return (files, warnings)
    }
}
