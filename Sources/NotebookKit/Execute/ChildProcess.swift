import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How a child process ended.
public enum ProcessOutcome: Codable, Sendable, Equatable, CustomStringConvertible {
    /// It exited with this status.
    case exited(Int32)
    /// A signal ended it (a trap is SIGILL or SIGTRAP; a crash SIGSEGV ...).
    case signaled(Int32)
    /// It ran past its time limit (in seconds) and its whole process group was killed.
    case timedOut(Double)

    /// Whether it exited with status 0.
    public var succeeded: Bool { self == .exited(0) }

    /// Whether it was stopped at its time limit.
    public var isTimeout: Bool {
        if case .timedOut = self { return true }
        return false
    }

    /// How it ended, in words (`exited with status 3`, `killed by signal 11 (SIGSEGV: ...)`).
    public var description: String {
        switch self {
        case let .exited(code): return "exited with status \(code)"
        case let .signaled(signal): return "killed by signal \(signal) (\(Self.signalName(signal)))"
        case let .timedOut(seconds): return "timed out after \(NumberText.seconds(seconds)) s and was stopped"
        }
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGILL: return "SIGILL: a Swift runtime trap such as an index out of range or fatalError"
        case SIGTRAP: return "SIGTRAP: a Swift runtime trap"
        case SIGSEGV: return "SIGSEGV: a memory fault"
        case SIGABRT: return "SIGABRT: abort"
        case SIGKILL: return "SIGKILL"
        case SIGBUS: return "SIGBUS"
        case SIGFPE: return "SIGFPE"
        default: return "signal \(signal)"
        }
    }
}

/// Starts a program in its own process group with stdout and stderr sent to files, and waits
/// for it with a time limit; on timeout the whole group is killed (children included), and so it
/// is when the tool is stopped (``ChildProcessGroups``).
enum ChildProcess {
    /// Runs `executable` with `arguments` and exactly `environment`, in `directory`. A stop of the
    /// tool sends an `interruptible` child (SwiftPM, which then cancels its own jobs) SIGINT, and
    /// any other SIGKILL.
    static func run(
        _ executable: String, arguments: [String], environment: [String: String], directory: URL,
        stdout: URL, stderr: URL, timeout: Double, interruptible: Bool = false
    ) throws(NotebookError) -> (outcome: ProcessOutcome, seconds: Double) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard let addChdir = Self.addChdir else {
            throw NotebookError(file: executable, line: nil, "cannot start: this C library lacks posix_spawn_file_actions_addchdir_np")
        }
        _ = addChdir(&actions, directory.path)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let start = DispatchTime.now().uptimeNanoseconds
        let status = (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
            (envp + [nil]).withUnsafeBufferPointer { envBuffer in
                posix_spawn(&pid, executable, &actions, &attributes,
                            UnsafeMutablePointer(mutating: argvBuffer.baseAddress!),
                            UnsafeMutablePointer(mutating: envBuffer.baseAddress!))
            }
        }
        guard status == 0 else {
            throw NotebookError(file: executable, line: nil, "cannot start: \(String(cString: strerror(status)))")
        }
        // Known to a stop of the tool from here until its group is gone (a stop in the moment
        // between the start and this misses it).
        let slot = ChildProcessGroups.add(pid, interrupt: interruptible)
        defer { ChildProcessGroups.remove(slot) }
        let deadline = start + UInt64(max(0, timeout) * 1e9)
        var waitStatus: Int32 = 0
        var delay: useconds_t = 1000
        while true {
            let result = waitpid(pid, &waitStatus, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR { break }
            if DispatchTime.now().uptimeNanoseconds >= deadline {
                kill(-pid, SIGKILL)
                while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
                return (.timedOut(timeout), seconds(since: start))
            }
            usleep(delay)
            delay = min(delay * 2, 20_000)
        }
        // Whatever the snippet left running in its group goes too.
        kill(-pid, SIGKILL)
        let elapsed = seconds(since: start)
        if waitStatus & 0x7f == 0 {
            return (.exited((waitStatus >> 8) & 0xff), elapsed)
        }
        return (.signaled(waitStatus & 0x7f), elapsed)
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), which Swift's Glibc module does
    /// not export; looked up once by name.
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private static let addChdir: AddChdir? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    private static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Looks a program up on the PATH.
    static func find(_ program: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        for folder in (path ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Small number formats for messages.
enum NumberText {
    static func seconds(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? "\(Int(tenths))" : "\(tenths)"
    }
}
