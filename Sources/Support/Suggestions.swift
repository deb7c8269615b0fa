/// "Did you mean" for names typed by people: the closest candidate by edit distance.
public enum Suggestions {
    /// The Levenshtein distance between two strings (insertions, deletions and substitutions of
    /// characters, each costing 1).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The candidate nearest to `name` ignoring case (ties go to the alphabetically first), or
    /// nil when there is none or, with `onlyIfClose`, when even the nearest differs in more than
    /// max(3, half of `name`'s length) characters.
    public static func closest(to name: String, in candidates: [String], onlyIfClose: Bool = true) -> String? {
        let scored = candidates.map { ($0, editDistance($0.lowercased(), name.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
        return !onlyIfClose || best.1 <= max(3, name.count / 2) ? best.0 : nil
    }

    /// `"; did you mean 'x'?"` for the closest candidate, or `""` when none is close.
    public static func didYouMean(_ name: String, in candidates: [String]) -> String {
        closest(to: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
