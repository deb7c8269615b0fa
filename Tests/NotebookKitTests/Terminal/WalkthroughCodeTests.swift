import Foundation
import Testing
@testable import NotebookKit
import NotebookRuntime

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

    @Test("A check's long claim wraps under itself within the width; a short one stays on its line")
    func wrappedChecks() {
        let claim = "under a constant gradient g the velocity of the heavy ball tends to g/(1 − β), here 2"
        let items: [OutputItem] = [
            .event(RuntimeEvent(stdoutOffset: 0, payload: .check(CheckResult(passed: true, claim: claim, file: "s.swift", line: 3)), line: 3)),
            .event(RuntimeEvent(stdoutOffset: 0, payload: .check(CheckResult(passed: false, claim: "short", file: "s.swift", line: 4)), line: 4)),
        ]
        let text = TerminalOutput.render(items, file: "Snippets/s.swift", width: 40, mode: .unicode)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(lines)")
        #expect(lines.first?.hasPrefix("✔ under a constant") == true && lines.dropFirst().first?.hasPrefix("  ") == true)
        // The claim's words, all of them, in order.
        let wrapped = [String(lines[0].dropFirst(2))] + lines.dropFirst().prefix { $0.hasPrefix("  ") }.map { String($0.dropFirst(2)) }
        #expect(wrapped.count > 1 && wrapped.joined(separator: " ") == claim, "\(wrapped)")
        #expect(lines.last == "✘ short (Snippets/s.swift:4)")
    }
}
