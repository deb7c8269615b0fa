/// Every string of up to `length` pieces, each one of `pieces` (the empty string first): for
/// holding a fast path to the rule it replaces on every short input from a small alphabet.
func allStrings(of pieces: [String], upTo length: Int) -> [String] {
    var all = [""]
    var longest = [""]
    for _ in 0..<length {
        longest = longest.flatMap { prefix in pieces.map { prefix + $0 } }
        all += longest
    }
    return all
}
