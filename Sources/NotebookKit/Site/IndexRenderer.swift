/// The site's index: every notebook's title and summary, in order, with its cells' status, then
/// the API reference's pages.
enum IndexRenderer {
    struct Entry {
        let title: String
        let summary: String?
        let path: String
        let failedCells: Int
        let cells: Int
    }

    static func render(siteTitle: String, entries: [Entry], reference: [(title: String, path: String)] = []) -> String {
        var list = ""
        for entry in entries {
            let status = entry.failedCells == 0
                ? "<span class=\"status-pass\" title=\"every cell passed\">✔</span>"
                : "<span class=\"status-fail\">✘ \(entry.failedCells) of \(entry.cells) cells failed</span>"
            let summary = entry.summary.map { "<span class=\"summary\">\(HTML.escape($0))</span>" } ?? ""
            list += "<li><a href=\"\(HTML.escape(entry.path))\">\(HTML.escape(entry.title))</a> \(status)\(summary)</li>\n"
        }
        return PageShell.top(title: siteTitle, siteTitle: siteTitle, root: "") + """

            <div class="layout"><main id="content">
            <h1>\(HTML.escape(siteTitle))</h1>
            <ol class="index-list">
            \(list)</ol>
            \(referenceList(reference))</main></div>
            </body>
            </html>

            """
    }

    /// The reference's section of the index, or nothing without one.
    static func referenceList(_ pages: [(title: String, path: String)]) -> String {
        guard !pages.isEmpty else { return "" }
        return "<h2 id=\"api-reference\">Library reference</h2>\n<ul class=\"index-list\">\n"
            + pages.map { "<li><a href=\"\(HTML.escape($0.path))\">\(HTML.escape($0.title))</a></li>\n" }.joined() + "</ul>\n"
    }
}
