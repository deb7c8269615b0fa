import Glibc
import NotebookKit

/// The signals that stop the tool: Ctrl-C (SIGINT), a kill (SIGTERM) and a closed terminal
/// (SIGHUP).
enum StopSignals {
    static let all = [SIGINT, SIGTERM, SIGHUP]

    /// Makes a stop take the tool's children along, then end the tool as the signal would.
    ///
    /// Children run in process groups of their own, which Ctrl-C does not reach; without this a
    /// stopped `notebook build` left its `swift build` or a snippet running. The handler kills
    /// their groups (``ChildProcessGroups/killAll()``), puts the signal's default action back
    /// and raises it again, so the tool's exit status still says which signal stopped it.
    /// Commands that stop in their own way (`serve`, `walk`) install handlers of their own,
    /// which call ``ChildProcessGroups/killAll()`` too.
    ///
    /// The signals are also unblocked for the calling thread. A process inherits the signal
    /// mask of the thread that started it, and a test runner's or an editor's worker thread
    /// blocks these: started from one, `notebook exercise watch` or `notebook serve` ignored
    /// Ctrl-C and kills until a SIGKILL, and a test's `terminate()` left it running.
    static func install() {
        ChildProcessGroups.prepare()
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in all {
            sigaddset(&signals, number)
            // One ignored on entry (`nohup`, a shell's background job) stays ignored, as is the
            // convention.
            var current = sigaction()
            sigaction(number, nil, &current)
            if unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            signal(number) { number in
                ChildProcessGroups.killAll()
                signal(number, SIG_DFL)
                // Unblocked first: in its handler a signal is blocked, and on a thread parked in
                // `sigsuspend` (libdispatch's main thread) the mask the handler returns to blocks
                // it too, so a raise alone could stay pending. Unblocked, it acts at once.
                var own = sigset_t()
                sigemptyset(&own)
                sigaddset(&own, number)
                sigprocmask(SIG_UNBLOCK, &own, nil)
                raise(number)
            }
        }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}
