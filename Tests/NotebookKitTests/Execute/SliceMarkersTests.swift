import Testing
@testable import NotebookKit

@Suite("Slice markers: which slice printed what")
struct SliceMarkersTests {
    static let source = #"""
        import Foundation
        // snippet.hide
        let secret = 1
        // snippet.show
        // snippet.first
        print("a")
        // snippet.end
        func f() {
            // snippet.nested
            print("b")
            // snippet.end
        }
        let text = """
        // snippet.inString
        """
        /* // snippet.inComment */
        let list = [
            // snippet.inList
            1,
        ]
        let interpolated = "\(list.map { "\($0)" })"
        // snippet.second
        print(interpolated)
        // snippet.end
        """#

    @Test("Only top-level slice markers become marker statements; the file keeps its lines and names")
    func instrument() {
        let output = SliceMarkers.instrument(Self.source, path: "/p/Snippets/a.swift")
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines.firstIndex { $0.hasPrefix("#sourceLocation") } ?? -1
        #expect(lines[header] == "#sourceLocation(file: \"/p/Snippets/a.swift\", line: 1)")
        let body = Array(lines[(header + 1)...])
        #expect(body.count == Self.source.split(separator: "\n", omittingEmptySubsequences: false).count, "one line for one line")
        let marked = body.indices.filter { body[$0].hasPrefix("Swift.print(") }.map { $0 + 1 }
        // first (5), its end (7), second (22), its end (24); not hide/show, nor those nested or quoted.
        #expect(marked == [5, 7, 22, 24])
        #expect(body[4] == #"Swift.print("\u{1}notebook.slice first\u{2}", terminator: ""); _ = fflush(nil) // snippet.first"#)
        #expect(body[6].hasPrefix(#"Swift.print("\u{1}notebook.slice \u{2}""#))
    }

    @Test("Exercise regions' ends are not slice ends")
    func regions() {
        let source = "// snippet.work\n// snippet.solution\nlet x = 1\n// snippet.end\n// snippet.end\n"
        let body = SliceMarkers.instrument(source, path: "/a.swift").split(separator: "\n", omittingEmptySubsequences: false).suffix(6)
        #expect(body.map { $0.hasPrefix("Swift.print(") } == [true, false, false, false, true, false])
    }

    @Test("The runner takes the markers out and keeps where each slice began")
    func strip() {
        let raw = "\u{1}notebook.slice first\u{2}one\n\u{1}notebook.slice \u{2}\u{1}notebook.slice second\u{2}two\n"
        let (text, marks, removed) = SliceMarkers.strip(raw)
        #expect(text == "one\ntwo\n")
        #expect(marks == [.init(slice: "first", offset: 0), .init(slice: nil, offset: 4), .init(slice: "second", offset: 4)])
        // An offset measured with markers (an event after "one\n") is the same place without them.
        let afterOne = Array(raw.utf8).count - "two\n".utf8.count - "\u{1}notebook.slice second\u{2}".utf8.count - "\u{1}notebook.slice \u{2}".utf8.count
        #expect(SliceMarkers.cleanOffset(afterOne, removed: removed) == 4)
        // Output cut inside a marker drops the rest.
        #expect(SliceMarkers.strip("ab\u{1}notebook.slice fi").text == "ab")
    }

    @Test("Text goes to the slice that printed it, also with nothing shown between two printing slices")
    func attribution() {
        var run = SnippetRun(name: "s", stdout: "one\ntwo\n", stdoutTruncated: false, stdoutBytes: 8, stderr: "", events: [],
                             outcome: .exited(0), seconds: 0, buildErrors: [])
        let targets = [OutputAttribution.Target(lines: 1...3, prints: true, slice: "first"),
                       OutputAttribution.Target(lines: 5...7, prints: true, slice: "second")]
        // Without markers, the rule gives both lines to the first printing slice.
        #expect(OutputAttribution.split(OutputAttribution.pieces(run), among: targets) == [[.text("one\ntwo\n")], []])
        run.sliceMarks = [.init(slice: "first", offset: 0), .init(slice: nil, offset: 4), .init(slice: "second", offset: 4)]
        #expect(OutputAttribution.split(OutputAttribution.pieces(run), among: targets) == [[.text("one\n")], [.text("two\n")]])
    }

    @Test("A failure says which slice the snippet stopped in")
    func stoppedIn() {
        var run = SnippetRun(name: "s", stdout: "", stdoutTruncated: false, stdoutBytes: 0, stderr: "", events: [],
                             outcome: .timedOut(2), seconds: 2, buildErrors: [])
        run.sliceMarks = [.init(slice: "fit", offset: 0)]
        #expect(run.failureSummary(file: "Snippets/s.swift")?.contains("; it stopped in slice 'fit'") == true)
    }
}
