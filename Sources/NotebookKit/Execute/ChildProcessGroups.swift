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
/// The groups are kept in a fixed table of atomics, so ``killAll()`` may be called from a signal
/// handler: it only reads them and calls `kill`, which is async-signal-safe.
public enum ChildProcessGroups {
    /// Groups running at once beyond this many are not recorded (the tool runs a few at a time).
    static let capacity = 64

    /// Zero for a free slot, else a running child's process group id.
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<Atomic<Int32>> = {
        let slots = UnsafeMutablePointer<Atomic<Int32>>.allocate(capacity: capacity)
        for index in 0..<capacity { (slots + index).initialize(to: Atomic(0)) }
        return slots
    }()

    /// Sets the table up. Call it once before a signal handler may call ``killAll()``, which must
    /// not be the first to touch it (a lazy global's first use is not async-signal-safe).
    public static func prepare() {
        _ = slots
    }

    /// Records a running child's group; returns its slot for ``remove(_:)``, or nil when full.
    static func add(_ group: pid_t) -> Int? {
        for index in 0..<capacity where slots[index].compareExchange(expected: 0, desired: group, ordering: .sequentiallyConsistent).exchanged {
            return index
        }
        return nil
    }

    /// Forgets a group recorded by ``add(_:)``.
    static func remove(_ slot: Int?) {
        guard let slot else { return }
        slots[slot].store(0, ordering: .sequentiallyConsistent)
    }

    /// The groups recorded now.
    static var running: [pid_t] {
        (0..<capacity).map { slots[$0].load(ordering: .sequentiallyConsistent) }.filter { $0 != 0 }
    }

    /// Kills every running child's whole group (SIGKILL, as at a time limit). Async-signal-safe.
    public static func killAll() {
        var index = 0
        while index < capacity {
            let group = slots[index].load(ordering: .sequentiallyConsistent)
            if group > 0 { kill(-group, SIGKILL) }
            index += 1
        }
    }
}
