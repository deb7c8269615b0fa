/// The start of every page of the site: document head, stylesheet, site header with search.
enum PageShell {
    /// Everything up to and including the site header, for a page whose way back to the site
    /// root is `root` (`""` or `"../"`).
    static func top(title: String, siteTitle: String, root: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        <link rel="stylesheet" href="\(root)style.css">
        </head>
        <body>
        <header class="site"><a href="\(root)index.html">\(HTML.escape(siteTitle))</a>\(SearchIndex.box(root: root))</header>
        """
    }
}
