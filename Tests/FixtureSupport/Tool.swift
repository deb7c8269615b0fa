import Foundation

/// What a tool run by ``runTool(_:_:input:directory:environment:)`` gave back.
public struct ToolResult: Sendable {
    /// The exit status.
    public let status: Int32
    /// Standard output, whole.
    public let stdout: Data
    /// Standard error, whole, as text.
    public let stderr: String

    /// Standard output as text.
    public var output: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs `executable` with `arguments` in `directory` (or this process's) with `environment` (or
/// this process's), feeding it `input` on standard input, and collects both output streams in
/// full (each read on its own thread, so neither can fill up and stall it).
public func runTool(_ executable: String, _ arguments: [String], input: Data? = nil, directory: URL? = nil,
                    environment: [String: String]? = nil) throws -> ToolResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe(), stdin = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input == nil ? FileHandle.nullDevice : stdin
    try process.run()
    if let input {
        Thread { stdin.fileHandleForWriting.write(input); try? stdin.fileHandleForWriting.close() }.start()
    }
    let errors = ErrorCollector()
    let reader = Thread { errors.data = err.fileHandleForReading.readDataToEndOfFile(); errors.done.signal() }
    reader.start()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    errors.done.wait()
    process.waitUntilExit()
    return ToolResult(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: errors.data, as: UTF8.self))
}

/// Standard error, filled by the thread that reads it.
private final class ErrorCollector: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}
