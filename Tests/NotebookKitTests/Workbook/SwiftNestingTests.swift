import Testing
@testable import NotebookKit

@Suite("Reading Swift's nesting line by line: depths and the code's skeleton")
struct SwiftNestingTests {
    @Test("Brackets, multi-line strings, nested block comments and interpolations nest; strings and comments are blanked")
    func depths() {
        let lines = [
            "func f() {",                        // 0
            "    let s = \"a { b\" + #\"c \"( d\"#",   // 1: brackets in strings do not count
            "    let t = \"\"\"",                  // 2
            "    text { \\(g(",                      // 3: in a string, then an interpolation's code
            "    1)) more",                         // 4
            "    \"\"\"",                            // 5
            "    /* a /* nested */ still {",         // 6
            "    */ let u = [1, // (",               // 7
            "    2]",                                // 8
            "}",                                     // 9
        ]
        let scan = SwiftNesting.scan(lines)
        #expect(scan.depths == [0, 1, 1, 2, 4, 2, 1, 2, 2, 1])
        #expect(scan.skeleton[1] == "    let s = \"     \" + #\"      \"#")
        #expect(scan.skeleton[7] == "       let u = [1, ")
        #expect(scan.skeleton.indices.allSatisfy { scan.skeleton[$0].count <= lines[$0].count })
    }

    @Test("Regex literals are blanked, extended and bare; a division is not a regex")
    func regexes() {
        let scan = SwiftNesting.scan(["let a = #/\\(/#", "let b = /\\)/", "let c = (x + y)/2", "if false { _ = /}/", "}"])
        #expect(scan.depths == [0, 0, 0, 0, 1])
        #expect(scan.skeleton[0] == "let a =       " && scan.skeleton[1] == "let b =     ")
        #expect(scan.skeleton[2] == "let c = (x + y)/2")
    }

    @Test("#if blocks count only when asked, from the line after the #if to the #endif")
    func conditionals() {
        let lines = ["#if DEBUG", "let a = 1", "/* why */ #if os(Linux)", "let b = 2", "#endif", "#else", "let c = 3", "#endif", "let d = 4"]
        #expect(SwiftNesting.depths(lines) == [0, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(SwiftNesting.depths(lines, conditionals: true) == [0, 1, 1, 2, 2, 1, 1, 1, 0])
    }
}
