import Testing
@testable import NotebookKit

@Suite("A crash's stack trace reads the same from run to run")
struct StackTraceTests {
    static func trace(_ base: String) -> String {
        """
        hello
        Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range
        Current stack trace:
        0    libswiftCore.so                    0x\(base)5f5f130 swift_reportError + 33
        3    libswiftCore.so                    0x\(base)60f94f0 _assertionFailure(_:_:file:line:flags:) + 303
        5    crashy                             0x0000561de16eeaea <unavailable> + 1301226
        after: 0x00007f34b5f5f130 stays in the program's own text

        """
    }

    @Test("Frame addresses are left out; the library, function and offset stay; other text is untouched")
    func stable() {
        let first = StackTrace.stable(Self.trace("00007f34b"))
        #expect(first == StackTrace.stable(Self.trace("00007fa1c")), "two runs, two load addresses, one text")
        #expect(first.contains("0    libswiftCore.so                    swift_reportError + 33\n"))
        #expect(first.contains("5    crashy                             <unavailable> + 1301226\n"))
        #expect(first.contains("after: 0x00007f34b5f5f130 stays"), "only the frames under the trace's heading change")
        #expect(StackTrace.stable("no trace 0x00007f34b5f5f130\n") == "no trace 0x00007f34b5f5f130\n")
    }
}
