#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The process groups of the children running now (SwiftPM builds, snippets, exercise checks),
/// so that a tool stopped by Ctrl-C or a kill takes them along.
///
/// Every child starts in a process group of its own (see `ChildProcess`), which a terminal's
/// Ctrl-C does not reach: without this, stopping `notebook build` or `notebook serve` left its
/// `swift build` running on, holding the scratch folder's lock, and a snippet running past its
/// time limit, which only the stopped tool would have enforced.
///
/// SwiftPM is stopped with SIGINT, on which it cancels its compiler jobs: they run in process
/// groups of their own, so a SIGKILL to SwiftPM's group left them compiling on. Anything else
/// (a snippet's sandbox) gets SIGKILL, as at a time limit.
///
/// The groups are kept in a fixed table of atomics, so ``killAll()`` may be called from a signal
/// handler: it only reads and writes atomics and calls `kill`, which is async-signal-safe. Once it
/// has been called, the tool is stopping: a child started after that (by a build still running
/// on another thread) is stopped as soon as it is recorded.
public enum ChildProcessGroups {
    /// Groups running at once beyond this many are not recorded (the tool runs one child per
    /// processor at most, and a build).
    static let capacity = 1024

    /// Zero for a free slot; a running child's process group id, negated for one that is stopped
    /// with SIGINT.
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<Atomic<Int32>> = {
        let slots = UnsafeMutablePointer<Atomic<Int32>>.allocate(capacity: capacity)
        for index in 0..<capacity { (slots + index).initialize(to: Atomic(0)) }
        return slots
    }()

    /// Whether ``killAll()`` has been called.
    static let stopping = Atomic<Bool>(false)

    /// Sets the table up. Call it once before a signal handler may call ``killAll()``, which must
    /// not be the first to touch it (a lazy global's first use is not async-signal-safe).
    public static func prepare() {
        _ = slots
        _ = stopping.load(ordering: .sequentiallyConsistent)
    }

    /// Records a running child's group, stopped with SIGINT when `interrupt` (SwiftPM) and
    /// SIGKILL otherwise; returns its slot for ``remove(_:)``, or nil when full. When the tool is
    /// already stopping, the group is stopped at once.
    static func add(_ group: pid_t, interrupt: Bool) -> Int? {
        let entry = interrupt ? -group : group
        var recorded: Int?
        for index in 0..<capacity where slots[index].compareExchange(expected: 0, desired: entry, ordering: .sequentiallyConsistent).exchanged {
            recorded = index
            break
        }
        if stopping.load(ordering: .sequentiallyConsistent) { stop(entry) }
        return recorded
    }

    private static func stop(_ entry: Int32) {
        if entry > 0 { kill(-entry, SIGKILL) } else if entry < 0 { kill(entry, SIGINT) }
    }

    /// Forgets a group recorded by ``add(_:)``.
    static func remove(_ slot: Int?) {
        guard let slot else { return }
        slots[slot].store(0, ordering: .sequentiallyConsistent)
    }

    /// Stops every running child's whole group (SwiftPM with SIGINT, the rest with SIGKILL) and
    /// marks the tool as stopping. Async-signal-safe.
    public static func killAll() {
        stopping.store(true, ordering: .sequentiallyConsistent)
        var index = 0
        while index < capacity {
            stop(slots[index].load(ordering: .sequentiallyConsistent))
            index += 1
        }
    }
}
