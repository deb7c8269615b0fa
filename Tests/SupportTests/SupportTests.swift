import Support
import Testing

@Suite("Suggestions: edit distance and 'did you mean'")
struct SuggestionTests {
    @Test("Edit distance counts insertions, deletions, substitutions and swaps of neighbours")
    func editDistance() {
        #expect(Suggestions.editDistance("", "") == 0)
        #expect(Suggestions.editDistance("", "abc") == 3)
        #expect(Suggestions.editDistance("abc", "") == 3)
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
        #expect(Suggestions.editDistance("huber", "hubr") == 1)
        #expect(Suggestions.editDistance("δ", "δx") == 1, "characters, not bytes")
        #expect(Suggestions.editDistance("flaw", "lawn") == Suggestions.editDistance("lawn", "flaw"))
        #expect(Suggestions.editDistance("plto", "plot") == 1, "a swap of neighbours is one edit")
        #expect(Suggestions.editDistance("ca", "abc") == 3, "no edit of a swapped pair again")
    }

    @Test("The closest name ignores case, breaks ties alphabetically, and is withheld when far off")
    func closest() {
        #expect(Suggestions.closest(to: "HUBR", in: ["mse", "huber", "mae"]) == "huber")
        #expect(Suggestions.closest(to: "ma", in: ["mse", "mae"]) == "mae", "both at distance 1: alphabetical")
        #expect(Suggestions.closest(to: "zzzzzzzz", in: ["mse", "huber"]) == nil)
        #expect(Suggestions.closest(to: "zzzzzzzz", in: ["mse", "huber"], onlyIfClose: false) == "huber", "both at distance 8: alphabetical")
        #expect(Suggestions.closest(to: "x", in: []) == nil)
        #expect(Suggestions.didYouMean("slcie", in: ["slice", "path"]) == "; did you mean 'slice'?")
        #expect(Suggestions.didYouMean("qqqqqqqqqq", in: ["slice", "path"]) == "")
        #expect(Suggestions.didYouMean("big", in: ["Pi", "Big", "big"]) == "; did you mean 'big'?", "the exact spelling wins a tie of case")
        #expect(Suggestions.didYouMean("bug", in: ["Pi", "pm"]) == "", "short names need a close match")
        #expect(Suggestions.allowedDistance("plto") == 1 && Suggestions.allowedDistance("nowhere-at-all") == 4)
    }

    @Test("The closest name is the one measuring every candidate both ways gives (3,000 seeded random names and lists)")
    func closestAgainstReference() {
        /// Every candidate measured ignoring case and exactly, then the least by (ignoring case,
        /// exact, alphabetical).
        func reference(_ name: String, _ candidates: [String], onlyIfClose: Bool) -> String? {
            let scored = candidates.map { ($0, Suggestions.editDistance($0.lowercased(), name.lowercased()), Suggestions.editDistance($0, name)) }
            guard let best = scored.min(by: { ($0.1, $0.2, $0.0) < ($1.1, $1.2, $1.0) }) else { return nil }
            return !onlyIfClose || best.1 <= Suggestions.allowedDistance(name) ? best.0 : nil
        }
        // A small alphabet, cases and a combining mark, so that near names, ties and case
        // differences are common.
        let alphabet: [Character] = ["a", "b", "A", "B", "c", "é", "e\u{301}", "İ", "ß", "_"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func word() -> String { String((0..<next(9)).map { _ in alphabet[next(alphabet.count)] }) }
        var found = 0
        for _ in 0..<3_000 {
            let name = word()
            let candidates = (0..<next(8)).map { _ in word() }
            for onlyIfClose in [true, false] {
                let got = Suggestions.closest(to: name, in: candidates, onlyIfClose: onlyIfClose)
                #expect(got == reference(name, candidates, onlyIfClose: onlyIfClose), "\(name) in \(candidates), onlyIfClose: \(onlyIfClose)")
                if got != nil { found += 1 }
            }
        }
        #expect(found > 1_500, "most lists have an answer")
    }
}

@Suite("Tolerance: one meaning of approximately equal")
struct ToleranceTests {
    @Test("Relative tolerance scales with the larger magnitude")
    func relative() {
        let tolerance = Tolerance(relative: 1e-6)
        #expect(tolerance.accepts(1e6, 1e6 + 0.5))
        #expect(!tolerance.accepts(1e6, 1e6 + 2))
        #expect(tolerance.accepts(1e-20, 1e-20 * (1 + 1e-7)))
        #expect(!tolerance.accepts(0, 1e-300), "no absolute slack unless asked for")
        #expect(tolerance.accepts(0, 0))
    }

    @Test("Mixed tolerance is absolute near zero")
    func mixed() {
        let tolerance = Tolerance.mixed(1e-9)
        #expect(tolerance.accepts(0, 1e-10))
        #expect(!tolerance.accepts(0, 1e-8))
        #expect(tolerance.accepts(1e9, 1e9 + 0.5))
        #expect(tolerance.accepts([1, 2], [1, 2 + 1e-12]))
        #expect(!tolerance.accepts([1, 2], [1]))
    }

    @Test("Infinities equal only themselves, NaN equals nothing, tolerances are clamped")
    func edges() {
        let tolerance = Tolerance(relative: 0.5)
        #expect(tolerance.accepts(.infinity, .infinity))
        #expect(!tolerance.accepts(.infinity, 1e308))
        #expect(!tolerance.accepts(.nan, .nan))
        #expect(Tolerance(relative: 7).relative == 1)
        #expect(Tolerance(absolute: -1, relative: -1) == Tolerance(absolute: 0, relative: 0))
        #expect(!Tolerance(relative: 7).accepts(1, -1), "a relative tolerance above 1 would accept opposite signs")
    }
}
