import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a package's build (`build.lock` in the execution service's cache folder), so two builds at once
/// do not interleave their writes. The kernel releases it when the process ends, even on SIGKILL.
public final class BuildLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock, or throws at once if another build holds it; with `waiting`, waits for it.
    public init(folder: URL, waiting: Bool = false) throws(NotebookError) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("build.lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw NotebookError(file: path, line: nil, "cannot open the build lock: \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | (waiting ? 0 : LOCK_NB)) == 0 else {
            close(descriptor)
            throw NotebookError(file: path, line: nil, "another notebook build is running on this package; wait for it to finish")
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
