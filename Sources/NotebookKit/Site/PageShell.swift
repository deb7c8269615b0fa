/// The start of every page of the site: document head, stylesheet, site header with search.
enum PageShell {
    /// Everything up to and including the site header (after a skip link to `<main id="content">`), for a page whose way back to the site
    /// root is `root` (`""` or `"../"`); a notebook page (`presentable`) gets the Present button
    /// and the presenter script.
    static func top(title: String, siteTitle: String, root: String, presentable: Bool = false) -> String {
        let present = presentable ? PresentScript.button : ""
        let script = presentable ? "\n<script src=\"\(root)\(PresentScript.file)\" defer></script>" : ""
        return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        <link rel="stylesheet" href="\(root)style.css">\(script)
        </head>
        <body>
        <a class="skip-link" href="#content">Skip to content</a>
        <header class="site"><a href="\(root)index.html">\(HTML.escape(siteTitle))</a>\(present)\(SearchIndex.box(root: root))</header>
        """
    }
}
