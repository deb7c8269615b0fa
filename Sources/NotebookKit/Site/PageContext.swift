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
    /// How exercises' solutions appear.
    public var solutions: SolutionVisibility
    /// Where symbol links (``` ``Huber`` ```) point.
    public var symbols: SymbolLinks = .empty

    /// Creates a context.
    public init(path: String, siteTitle: String, previous: (title: String, path: String)? = nil, next: (title: String, path: String)? = nil,
                solutions: SolutionVisibility = .hidden) {
        self.path = path
        self.siteTitle = siteTitle
        self.previous = previous
        self.next = next
        self.solutions = solutions
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

/// How a site shows exercises' solutions (`notebook build --solutions`).
public enum SolutionVisibility: String, Sendable, CaseIterable {
    /// Shown openly under each exercise (a teacher's copy).
    case shown
    /// Behind a disclosure element the reader opens (the default).
    case hidden
    /// Left out: no solution, and no hidden check, appears anywhere in the site.
    case omitted
}
