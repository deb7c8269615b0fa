import Glibc

/// The signals that stop the tool: Ctrl-C (SIGINT), a kill (SIGTERM) and a closed terminal
/// (SIGHUP).
enum StopSignals {
    static let all = [SIGINT, SIGTERM, SIGHUP]

    /// Unblocks them for the calling thread. A process inherits the signal mask of the thread
    /// that started it, and a test runner's or an editor's worker thread blocks these: started
    /// from one, `notebook exercise watch` or `notebook serve` ignored Ctrl-C and kills until a
    /// SIGKILL, and a test's `terminate()` left it running.
    static func unblock() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in all { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}
