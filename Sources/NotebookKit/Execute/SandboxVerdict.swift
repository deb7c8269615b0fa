#if canImport(Glibc)
import Glibc
#endif

/// Why a failed run failed, as far as the sandbox is concerned: the limit it ran into, or an
/// access the sandbox denied. The launcher's cgroups say for certain when processes or memory
/// ran out; otherwise the signal (CPU time, file size) or the program's own words on stderr do.
enum SandboxVerdict {
    /// The limit exceeded, in words with the front-matter key that raises it, or nil.
    static func limit(outcome: ProcessOutcome, stderr: String, hits: [String], limits: SandboxLimits, timeout: Double) -> String? {
        let text = stderr.lowercased()
        let forkFailed = text.contains("cannot fork") || (text.contains("resource temporarily unavailable") && (text.contains("fork") || text.contains("thread") || text.contains("process")))
        if hits.contains("processes") || forkFailed {
            return "the \(limits.processes) processes limit; raise it with `processes:` in the front matter"
        }
        let memoryWords = ["failed to allocate", "could not allocate memory", "cannot allocate memory", "out of memory", "memoryerror", "bad_alloc"]
        if hits.contains("memory") || memoryWords.contains(where: text.contains) {
            return "the \(SandboxLimits.size(limits.memory)) memory limit; raise it with `memory:` in the front matter"
        }
        if outcome == .signaled(SIGXFSZ) || text.contains("file size limit exceeded") {
            return "the \(SandboxLimits.size(limits.fileSize)) limit on the size of a file it writes; raise it with `output-files:` in the front matter"
        }
        if outcome == .signaled(SIGXCPU) {
            return "the \(SandboxLimits.cpuSeconds(timeout: timeout)) s CPU time limit (8 × the timeout, at least 60 s); raise `timeout:` in the front matter"
        }
        if text.contains("too many open files") {
            return "the \(limits.openFiles) open files limit"
        }
        return nil
    }

    /// Whether stderr says an access was refused (a file outside what a snippet may read, a
    /// write outside its scratch folder, a network connection).
    static func deniedAccess(_ stderr: String) -> Bool {
        let text = stderr.lowercased()
        return ["permission denied", "don’t have permission", "don't have permission", "operation not permitted"].contains(where: text.contains)
    }

    /// The note added to such a failure.
    static let accessNote = "[notebook: the sandbox lets a snippet read only its package, the Swift toolchain and the system's libraries, write only in its scratch folder, and reach no network unless the front matter says `network: true`]\n"
}
