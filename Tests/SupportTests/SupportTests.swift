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
