import Testing
@testable import NotebookKit

@Suite("Text in columns")
struct TextColumnsTests {
    @Test("Cells padded to their column's widest, two spaces apart, no trailing spaces; a rule under the header")
    func lines() {
        #expect(TextColumns.lines([["a", "bbb", "c"], ["dddd", "e"]]) == ["a     bbb  c", "dddd  e"])
        #expect(TextColumns.lines([["student", "total"], ["al", "3/4"]], ruleUnderFirst: true) == ["student  total", "-------  -----", "al       3/4"])
        #expect(TextColumns.lines([]) == [])
    }
}
