/// The optional settings at the top of a notebook, between `---` lines.
///
/// ```
/// ---
/// title: Huber's differentiability
/// summary: Why Huber is C¹ but not C² at ±δ.
/// order: 3
/// timeout: 120
/// ---
/// ```
public struct FrontMatter: Sendable, Equatable {
    /// The page title (else the first level-1 heading, else the file name).
    public var title: String?
    /// One sentence for the index page.
    public var summary: String?
    /// Position in the index (lower first; then by file name).
    public var order: Int?
    /// Seconds each snippet may run before it is stopped (default 60).
    public var timeout: Double?
    /// Whether raw HTML in the notebook is passed through (default false: it is escaped).
    public var allowsRawHTML: Bool

    /// The keys a front matter may hold.
    public static let keys = ["title", "summary", "order", "timeout", "raw-html"]

    /// Creates settings.
    public init(title: String? = nil, summary: String? = nil, order: Int? = nil, timeout: Double? = nil, allowsRawHTML: Bool = false) {
        self.title = title
        self.summary = summary
        self.order = order
        self.timeout = timeout
        self.allowsRawHTML = allowsRawHTML
    }
}
