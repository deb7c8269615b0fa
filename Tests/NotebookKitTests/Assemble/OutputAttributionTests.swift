import Testing
@testable import NotebookKit
import NotebookRuntime
import Plotting

@Suite("Outputs go under the slice that produced them")
struct OutputAttributionTests {
    func check(_ claim: String, line: Int, offset: Int) -> RuntimeEvent {
        RuntimeEvent(stdoutOffset: offset, payload: .check(CheckResult(passed: true, claim: claim, file: "s.swift", line: line)), line: line)
    }

    @Test("Events follow their line; text goes to the first printing slice between its neighbours")
    func split() {
        // Slice A (lines 1-5) prints "a"; slice B (10-15) shows a check then prints "b";
        // slice C (20-25) has a check and prints nothing.
        let run = SnippetRun(name: "s", stdout: "a\nb\n", stdoutTruncated: false, stdoutBytes: 4, stderr: "",
                             events: [check("B", line: 12, offset: 2), check("C", line: 21, offset: 4)],
                             outcome: .exited(0), seconds: 0, buildErrors: [])
        let targets = [
            OutputAttribution.Target(lines: 1...5, prints: true),
            OutputAttribution.Target(lines: 10...15, prints: true),
            OutputAttribution.Target(lines: 20...25, prints: false),
        ]
        let parts = OutputAttribution.split(OutputAttribution.items(run), among: targets)
        #expect(parts[0] == [.text("a\n")])
        #expect(parts[1] == [.event(run.events[0]), .text("b\n")])
        #expect(parts[2] == [.event(run.events[1])])
    }

    @Test("A reference to the whole snippet takes every output; hidden lines go to the next slice")
    func wholeAndHidden() {
        let run = SnippetRun(name: "s", stdout: "x", stdoutTruncated: false, stdoutBytes: 1, stderr: "",
                             events: [check("hidden", line: 7, offset: 0)], outcome: .exited(0), seconds: 0, buildErrors: [])
        let items = OutputAttribution.items(run)
        #expect(OutputAttribution.split(items, among: [.init(lines: 1...3, prints: false), .init(lines: nil, prints: true)])
            == [[], items])
        let sliced = OutputAttribution.split(items, among: [.init(lines: 1...3, prints: false), .init(lines: 9...12, prints: false)])
        #expect(sliced[1].first == .event(run.events[0]))
    }

    @Test("A page that shows a later slice first: text still goes to the slice that printed it, by line")
    func pageOrderDiffers() {
        // The page shows the plot slice (lines 13-22, no print, a figure at line 18) before the
        // definition slice (lines 5-10), which printed "defined" before the figure was shown.
        let run = SnippetRun(name: "s", stdout: "defined\n", stdoutTruncated: false, stdoutBytes: 8, stderr: "",
                             events: [check("plotted", line: 18, offset: 8)], outcome: .exited(0), seconds: 0, buildErrors: [])
        let parts = OutputAttribution.split(OutputAttribution.items(run), among: [
            .init(lines: 13...22, prints: false), .init(lines: 5...10, prints: true),
        ])
        #expect(parts[0] == [.event(run.events[0])])
        #expect(parts[1] == [.text("defined\n")])
    }

    @Test("A slice, or the whole snippet, shown twice shows its outputs both times")
    func sameSliceTwice() {
        let run = SnippetRun(name: "s", stdout: "a\nb\n", stdoutTruncated: false, stdoutBytes: 4, stderr: "",
                             events: [check("B", line: 12, offset: 2)], outcome: .exited(0), seconds: 0, buildErrors: [])
        let items = OutputAttribution.items(run)
        let a = OutputAttribution.Target(lines: 1...5, prints: true, slice: "a")
        let b = OutputAttribution.Target(lines: 10...15, prints: true, slice: "b")
        let parts = OutputAttribution.split(items, among: [a, b, a])
        #expect(parts[0] == [.text("a\n")] && parts[2] == parts[0], "\(parts)")
        #expect(parts[1] == [.event(run.events[0]), .text("b\n")])
        let whole = OutputAttribution.Target(lines: nil, prints: true)
        #expect(OutputAttribution.split(items, among: [whole, a, whole]) == [items, [], items])
    }
}
