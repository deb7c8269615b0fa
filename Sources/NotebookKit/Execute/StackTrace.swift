/// The Swift runtime's "Current stack trace:" in a crashed snippet's standard error, made the same
/// from run to run: each frame's load address (which address-space randomisation changes every
/// run) is left out; the library, the function and the offset into it stay. Without this, a page
/// or a doc-test report of a crash differed between two builds of the same sources.
enum StackTrace {
    /// `stderr` with the addresses of the frames under each "Current stack trace:" line removed.
    static func stable(_ stderr: String) -> String {
        guard stderr.contains("Current stack trace:") else { return stderr }
        var inTrace = false
        var lines: [Substring] = []
        for line in stderr.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "Current stack trace:" {
                inTrace = true
            } else if inTrace, line.first?.isNumber == true {
                lines.append(withoutAddress(line))
                continue
            } else {
                inTrace = false
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// A frame line (`3    libswiftCore.so    0x00007f34b60f94f0 _assertionFailure(...) + 303`)
    /// without its `0x...` address.
    static func withoutAddress(_ line: Substring) -> Substring {
        guard let start = line.range(of: " 0x") else { return line }
        var end = line.index(start.lowerBound, offsetBy: 3)
        while end < line.endIndex, line[end].isHexDigit { end = line.index(after: end) }
        guard line.distance(from: start.lowerBound, to: end) > 4 else { return line }
        return line[..<start.lowerBound] + line[end...]
    }
}
