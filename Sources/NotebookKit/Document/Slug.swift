/// Stable ids for headings: lowercase letters and digits joined by '-', made unique per page,
/// never one of the ids the page itself uses (`present`, `notes`, `search` ...).
struct SlugMaker {
    static let reserved: Set<String> = ["present", "notes", "search", "search-results"]

    private var used: [String: Int] = [:]

    /// The id for a heading's text.
    mutating func slug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                slug.append(character)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        if slug.isEmpty { slug = "section" }
        // Ids the page's own parts and the presenter's addresses use are not given to headings.
        if Self.reserved.contains(slug) || (slug.hasPrefix("present-") && slug.dropFirst(8).allSatisfy(\.isNumber)) { slug += "-section" }
        let count = used[slug, default: 0]
        used[slug] = count + 1
        return count == 0 ? slug : "\(slug)-\(count)"
    }
}
