import Foundation

/// Runs `work` on a thread of its own and waits for it without holding a thread of Swift's
/// concurrency pool. A test that waits for a child process (a `notebook` run, a snippet build,
/// a browser) would otherwise hold one of the pool's few threads (about two per core here) for
/// the whole wait: with a handful of such tests the pool is full, and every other test, actor
/// hop and `Task.sleep` of the run waits for one of them to end (a shared fixture's copy sat
/// free for a minute while the test next in line waited to be told).
public func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
