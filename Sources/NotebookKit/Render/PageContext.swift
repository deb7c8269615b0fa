/// Where a page sits in the site: for relative links, previous/next and the site title.
public struct PageContext: Sendable {
    /// The page's path in the site (`huber.html`, `intro/mse.html`).
    public var path: String
    /// The site's title.
    public var siteTitle: String
    /// The previous page (title, path), if any.
    public var previous: (title: String, path: String)?
    /// The next page (title, path), if any.
    public var next: (title: String, path: String)?

    /// Creates a context.
    public init(path: String, siteTitle: String, previous: (title: String, path: String)? = nil, next: (title: String, path: String)? = nil) {
        self.path = path
        self.siteTitle = siteTitle
        self.previous = previous
        self.next = next
    }

    /// `../` once per folder the page is nested in: the way back to the site root.
    public var rootPrefix: String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    /// A site path relative to this page.
    public func link(to sitePath: String) -> String {
        rootPrefix + sitePath
    }
}

/// A snippet cell on a page: the reference, the code it shows, and the run (if this is
/// the reference that shows the outputs).
public struct Cell: Sendable {
    /// The reference.
    public var reference: SnippetReference
    /// The file shown (`Snippets/huber.swift`).
    public var file: String
    /// The visible lines.
    public var lines: [SnippetSource.Line]
    /// The run whose outputs follow the code: set on the last reference of each snippet.
    public var run: SnippetRun?
}
