import Plotting

/// HTML escaping (the project's one ``Markup/escape(_:)``).
public enum HTML {
    /// Text safe in element content and quoted attributes.
    public static func escape(_ text: String) -> String {
        Markup.escape(text)
    }
}
