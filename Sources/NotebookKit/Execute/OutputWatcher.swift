import Foundation
import Synchronization

/// Follows a build's output file while the build runs and reports SwiftPM's latest progress
/// line (`[12/240] Compiling LossCore Huber.swift`) when it changes, twice a second.
final class OutputWatcher: Sendable {
    private let file: URL
    private let report: @Sendable (ExecutionProgress) -> Void
    private let stopped = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    init(file: URL, report: @escaping @Sendable (ExecutionProgress) -> Void) {
        self.file = file
        self.report = report
    }

    /// Starts following on a thread of its own.
    func start() {
        DispatchQueue.global(qos: .utility).async { [self] in
            var last: String?
            while !stopped.load(ordering: .acquiring) {
                if let line = latestLine(), line != last {
                    last = line
                    report(.compiling(line))
                }
                Thread.sleep(forTimeInterval: 0.5)
            }
            finished.signal()
        }
    }

    /// Stops following; nothing is reported after it returns.
    func stop() {
        stopped.store(true, ordering: .releasing)
        finished.wait()
    }

    /// The last `[n/m] ...` line in the file's last 4 KiB.
    private func latestLine() -> String? {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return nil }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > 4096 ? size - 4096 : 0)
        let tail = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        return tail.split(separator: "\n").last { $0.hasPrefix("[") && $0.contains("/") && $0.contains("] ") }.map(String.init)
    }
}
