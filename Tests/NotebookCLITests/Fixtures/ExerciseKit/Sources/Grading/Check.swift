import Foundation

/// Records a claim and whether it holds, as NotebookRuntime's `check` does: one JSON line on the
/// side channel named by NOTEBOOK_EVENTS, or a line of text when run by hand.
public func check(_ condition: Bool, _ claim: String, file: StaticString = #fileID, line: Int = #line) {
    guard let path = ProcessInfo.processInfo.environment["NOTEBOOK_EVENTS"], let handle = FileHandle(forWritingAtPath: path) else {
        print("\(condition ? "✔" : "✘") \(claim)")
        return
    }
    let result: [String: Any] = ["passed": condition, "claim": claim, "file": "\(file)", "line": line]
    let event: [String: Any] = ["payload": ["check": ["_0": result]], "stdoutOffset": 0, "line": line]
    guard let data = try? JSONSerialization.data(withJSONObject: event) else { return }
    handle.seekToEndOfFile()
    handle.write(data + Data("\n".utf8))
    try? handle.close()
}
