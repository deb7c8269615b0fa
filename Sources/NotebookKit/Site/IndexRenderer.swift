/// The site's index: every notebook's title and summary, in order, with its cells' status.
enum IndexRenderer {
    struct Entry {
        let title: String
        let summary: String?
        let path: String
        let failedCells: Int
        let cells: Int
    }

    static func render(siteTitle: String, entries: [Entry]) -> String {
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
            </main></div>
            </body>
            </html>

            """
    }
}
