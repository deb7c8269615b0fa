import Foundation
import Testing
@testable import NotebookKit

@Suite("The walkthrough's code: long lines wrap under the code column")
struct WalkthroughCodeTests {
    @Test("A long line breaks at spaces; continuations keep the indentation plus two; short lines stay")
    func wrap() {
        #expect(TerminalBlockRenderer.wrapCode("let x = 1", width: 20) == ["let x = 1"])
        let pieces = TerminalBlockRenderer.wrapCode("    let loss = try Huber(delta: 1).value(target: target, prediction: prediction)", width: 30)
        #expect(pieces.allSatisfy { $0.count <= 30 }, "\(pieces)")
        #expect(pieces.first == "    let loss = try")
        #expect(pieces.dropFirst().allSatisfy { $0.hasPrefix("      ") && !$0.hasPrefix("       ") }, "\(pieces)")
        #expect(pieces.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                == "let loss = try Huber(delta: 1).value(target: target, prediction: prediction)")
        // A word wider than the room is cut rather than left running past the width.
        let long = TerminalBlockRenderer.wrapCode(String(repeating: "x", count: 50), width: 20)
        #expect(long.allSatisfy { $0.count <= 20 } && long.joined().filter { $0 == "x" }.count == 50, "\(long)")
    }
}
