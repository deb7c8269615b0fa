/// "Did you mean" for names typed by people: the closest candidate by edit distance.
public enum Suggestions {
    /// The edit distance between two strings: insertions, deletions, substitutions and swaps of
    /// two neighbouring characters (the commonest typo: `plto` for `plot`), each costing 1
    /// (the optimal-string-alignment distance).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = Array(repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            beforePrevious = previous
            previous = current
        }
        return previous[b.count]
    }

    /// The candidate nearest to `name` ignoring case (ties go to the alphabetically first), or
    /// nil when there is none or, with `onlyIfClose`, when even the nearest differs in more
    /// characters than ``allowedDistance(_:)`` allows for `name`.
    public static func closest(to name: String, in candidates: [String], onlyIfClose: Bool = true) -> String? {
        // Ignoring case first, then the exact spelling, then alphabetical order. A distance is
        // at least the difference in length, so with `onlyIfClose` a candidate whose length is
        // further off than allowed can never be the answer and is not measured; the exact
        // spelling is measured only to break a tie. (The TeX parser asks this of hundreds of
        // commands for each unknown one.)
        let lowered = name.lowercased()
        let length = lowered.count
        let allowed = allowedDistance(name)
        var nearest: [String] = []
        var least = Int.max
        for candidate in candidates {
            let candidateLowered = candidate.lowercased()
            if onlyIfClose, abs(candidateLowered.count - length) > allowed { continue }
            let distance = editDistance(candidateLowered, lowered)
            if distance < least {
                least = distance
                nearest = [candidate]
            } else if distance == least {
                nearest.append(candidate)
            }
        }
        guard !nearest.isEmpty, !onlyIfClose || least <= allowed else { return nil }
        return nearest.map { ($0, editDistance($0, name)) }.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// How many edits a suggestion for `name` may be away: one for names of up to four
    /// characters (so `big` does not suggest `Pi`), then one more per four characters, at most
    /// half the name.
    public static func allowedDistance(_ name: String) -> Int {
        max(1, min((name.count + 3) / 4, name.count / 2))
    }

    /// `"; did you mean 'x'?"` for the closest candidate, or `""` when none is close.
    public static func didYouMean(_ name: String, in candidates: [String]) -> String {
        closest(to: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
