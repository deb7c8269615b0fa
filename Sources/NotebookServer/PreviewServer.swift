import FlyingFox
import Foundation
import NotebookKit

/// `notebook serve`: serves the built site on a local address, rebuilds when notebooks,
/// snippets or library sources change, and tells open pages to reload.
public final class PreviewServer: Sendable {
    /// What a rebuild reports.
    public typealias Reporter = @Sendable (String) -> Void

    let project: Project
    let output: URL
    let server: HTTPServer
    let state = SiteVersion()
    let report: Reporter

    /// A server for `project`'s site in `output`, on `host:port` (port 0 picks a free one).
    /// - Throws: ``NotebookError`` for an address that is not an IPv4 address, or a port taken
    ///   (found now, before the first build, rather than after it).
    public init(project: Project, output: URL, host: String, port: UInt16, report: @escaping Reporter) throws(NotebookError) {
        self.project = project
        self.output = output
        self.report = report
        do {
            server = HTTPServer(address: try .inet(ip4: host, port: port), logger: .disabled)
        } catch {
            throw NotebookError(file: "--host", line: nil, "'\(host)' is not an IPv4 address such as 127.0.0.1")
        }
        if port != 0, let problem = Self.bindProblem(host: host, port: port) {
            throw NotebookError(file: "--port", line: nil, "cannot serve on \(host):\(port): \(problem)")
        }
    }

    /// Why a socket cannot listen on `host:port` now (as the server will: SO_REUSEADDR), or nil.
    static func bindProblem(host: String, port: UInt16) -> String? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        defer { close(socket) }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { return nil }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound != 0 else { return nil }
        if errno == EADDRINUSE { return "the port is in use; choose another with --port, or --port 0 for a free one" }
        return String(cString: strerror(errno))
    }

    /// The address the server listens on, once it does.
    public func listeningURL() async -> String? {
        guard case let .ip4(host, port)? = await server.listeningAddress else { return nil }
        return "http://\(host):\(port)/"
    }

    /// Builds once, then serves and watches until cancelled.
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        await rebuild()
        let files = SiteFiles(folder: output)
        let state = self.state
        await server.appendRoute("GET /__notebook/version") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain", .init("Cache-Control"): "no-store"],
                         body: Data(String(await state.version).utf8))
        }
        await server.appendRoute("GET /__notebook/error") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain; charset=utf-8", .init("Cache-Control"): "no-store"],
                         body: Data((await state.error ?? "").utf8))
        }
        await server.appendRoute("GET *") { request in
            guard let (body, type) = files.response(for: request.path) else {
                return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain"], body: Data("Not found\n".utf8))
            }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .init("Cache-Control"): "no-store"], body: body)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.server.run() }
            group.addTask {
                try await self.server.waitUntilListening()
                if let url = await self.listeningURL() { onListening(url) }
                try await self.watch()
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Stops serving.
    public func stop() async {
        await server.stop(timeout: 1)
    }

    private func watch() async throws {
        let root = project.root
        let watcher = SourceWatcher(folders: ["Notebooks", "Snippets", "Sources"].map { root.appendingPathComponent($0) })
        var last = watcher.snapshot()
        while !Task.isCancelled {
            try await Task.sleep(nanoseconds: 400_000_000)
            guard watcher.snapshot() != last else { continue }
            // One rebuild per save, after its last write; a change during the rebuild starts another.
            last = try await watcher.settledSnapshot()
            report("change detected; rebuilding")
            await rebuild()
        }
    }

    /// Rebuilds the site on a thread of its own (the build waits on child processes).
    func rebuild() async {
        let project = self.project
        let output = self.output
        let report = self.report
        let (message, error): (String, String?) = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let result = try SiteBuild.build(project: project, options: .init(output: output))
                    let failed = result.runs.failedSnippets
                    continuation.resume(returning: (failed.isEmpty ? "site rebuilt" : "site rebuilt; failed cells in: \(failed.joined(separator: ", "))", nil))
                } catch {
                    continuation.resume(returning: ("build failed:\n\(error)", "\(error)"))
                }
            }
        }
        await state.bump(error: error)
        report(message)
    }
}

/// The site's version, bumped after each rebuild and polled by open pages, and the last
/// rebuild's error (nil when it succeeded), which open pages show until a rebuild succeeds.
actor SiteVersion {
    private(set) var version = 0
    private(set) var error: String?

    func bump(error: String?) {
        version += 1
        self.error = error
    }
}
