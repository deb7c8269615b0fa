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
    /// Bytes of memory each snippet may allocate (`memory: 4 GiB`; default 2 GiB).
    public var memory: UInt64?
    /// Processes and threads each snippet may run at once (`processes: 512`; default 256).
    public var processes: Int?
    /// Bytes in one file a snippet writes (`output-files: 1 GiB`; default 256 MiB).
    public var outputFiles: UInt64?
    /// Whether snippets may use the network (`network: true`; default false).
    public var network: Bool?

    /// The keys a front matter may hold.
    public static let keys = ["title", "summary", "order", "timeout", "raw-html", "memory", "processes", "output-files", "network"]

    /// What this notebook lets its snippets use: the defaults, raised where it says so.
    public var limits: SandboxLimits {
        var limits = SandboxLimits()
        if let memory { limits.memory = memory }
        if let processes { limits.processes = processes }
        if let outputFiles { limits.fileSize = outputFiles }
        if let network { limits.network = network }
        return limits
    }

    /// Creates settings.
    public init(title: String? = nil, summary: String? = nil, order: Int? = nil, timeout: Double? = nil, allowsRawHTML: Bool = false) {
        self.title = title
        self.summary = summary
        self.order = order
        self.timeout = timeout
        self.allowsRawHTML = allowsRawHTML
    }
}
