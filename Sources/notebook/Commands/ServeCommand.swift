import ArgumentParser
import Foundation
import NotebookKit
import NotebookServer
import Synchronization

/// `notebook serve`: live preview while writing.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the site locally, rebuild on changes and reload open pages. Ctrl-C stops it.")

    @OptionGroup var package: PackageOptions

    @Option(parsing: .unconditional, help: "The port (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(help: "The address to listen on; only this machine by default.")
    var host = "127.0.0.1"

    @Option(name: .shortAndLong, help: "The output folder.")
    var output = "site"

    func run() async throws {
        let project = try package.project()
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let server: PreviewServer
        do {
            server = try PreviewServer(project: project, output: URL(fileURLWithPath: output, relativeTo: current),
                                       host: host, port: port, report: { say($0) })
        } catch {
            throw UsageFailure(message: error.description)
        }
        // Ctrl-C (SIGINT) and SIGTERM stop the server cleanly: the handlers stop a running
        // rebuild's children and set a flag, which a task polls (a signal handler may do little
        // else safely). The flag is read once first: a global's first use is not safe in a handler.
        _ = stopRequested.load(ordering: .relaxed)
        for number in [SIGINT, SIGTERM] {
            signal(number) { _ in
                let saved = errno
                ChildProcessGroups.killAll()
                stopRequested.store(true, ordering: .relaxed)
                errno = saved
            }
        }
        let stopping = Mutex(false)
        let served = Atomic<Bool>(false)
        let stopper = Task {
            while !stopRequested.load(ordering: .relaxed) {
                try? await Task.sleep(nanoseconds: 100_000_000)
            }
            stopping.withLock { $0 = true }
            say("stopping")
            // A stop during the first build comes before the server listens, when stopping it
            // does nothing: ask again until it has ended.
            while !served.load(ordering: .relaxed) {
                await server.stop()
                try? await Task.sleep(nanoseconds: 100_000_000)
            }
        }
        do {
            try await server.run { say("Serving \(output)/ at \($0) (Ctrl-C stops)") }
            served.store(true, ordering: .relaxed)
        } catch {
            served.store(true, ordering: .relaxed)
            // Errors after a stop request are the server shutting down; others are real.
            if !stopping.withLock({ $0 }) {
                stopper.cancel()
                throw UsageFailure(message: "cannot serve on \(host):\(port): \(error)")
            }
        }
        await stopper.value
    }
}

/// Set by the SIGINT and SIGTERM handlers.
let stopRequested = Atomic<Bool>(false)
