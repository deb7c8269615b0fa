/// A parsed notebook: its settings and its Markdown as a tree of Swift values.
public struct Document: Sendable, Equatable {
    /// The notebook's path, relative to the package (`Notebooks/huber.md`).
    public var path: String
    /// The front matter.
    public var frontMatter: FrontMatter
    /// The content.
    public var blocks: [Block]
    /// SHA-256 of the notebook's source bytes (for the page cache), when read from a file.
    public var sourceDigest: String?

    /// Creates a document.
    public init(path: String, frontMatter: FrontMatter, blocks: [Block]) {
        self.path = path
        self.frontMatter = frontMatter
        self.blocks = blocks
    }

    /// The title: front matter's, else the first level-1 heading's, else the file name.
    public var title: String {
        if let title = frontMatter.title { return title }
        for case let .heading(1, inlines, _) in blocks { return Inline.plainText(inlines) }
        let file = String(path.split(separator: "/").last ?? "")
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
    }
}
