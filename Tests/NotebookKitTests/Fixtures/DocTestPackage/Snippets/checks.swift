import Foundation

// What NotebookRuntime's check(_:_:) writes: one JSON line per event on the side channel.
let events = ProcessInfo.processInfo.environment["NOTEBOOK_EVENTS"]!
let line = #"{"payload":{"check":{"_0":{"claim":"MSE moves most","file":"checks.swift","line":7,"passed":false}}},"stdoutOffset":0}"#
let record = #"{"payload":{"record":{"name":"slope","value":{"number":{"_0":2.5}}}},"stdoutOffset":0}"#
try (line + "\n" + record + "\n").write(toFile: events, atomically: false, encoding: .utf8)
print("checked")
