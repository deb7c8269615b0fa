import FixtureSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite("notebook serve over loopback")
struct ServeTests {
    func get(_ url: String) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test("A port in use is one line of error at once, before any build")
    func portInUse() async throws {
        // Hold a port with a listening socket of our own.
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, length) == 0 && listen(holder, 1) == 0 && getsockname(holder, $0, &length) == 0 }
        }
        try #require(bound)
        let port = UInt16(bigEndian: address.sin_port)
        // Timed on the thread that waits for the process, not across the test's own wait for a
        // thread of the pool to resume it.
        let (result, seconds) = try await onOwnThread {
            let started = Date()
            let result = try runNotebookHere(["serve", "--port", "\(port)", "--package-path", packageRoot.path])
            return (result, Date().timeIntervalSince(started))
        }
        #expect(result.status == 2 && result.stderr == "notebook: --port: cannot serve on 127.0.0.1:\(port): the port is in use; choose another with --port, or --port 0 for a free one\n", "\(result.stderr)")
        #expect(seconds < 30, "refused before building the site")
    }

    @Test("Serves the site, injects live reload, refuses paths outside it, rebuilds on change, stops on Ctrl-C")
    func serve() async throws {
        try await withFixture(.passing) { root in
            let process = Process()
            process.executableURL = notebookExecutable()
            process.arguments = ["serve", "--port", "0", "--package-path", root.path]
            process.currentDirectoryURL = root
            process.environment = notebookEnvironment()
            let out = Pipe()
            process.standardOutput = out
            process.standardError = out
            try process.run()
            // On a failure below, the server is ended before the copy goes back to the pool, so
            // it cannot write into the copy the next test holds.
            defer {
                if process.isRunning { process.terminate() }
                let deadline = Date().addingTimeInterval(15)
                while process.isRunning, Date() < deadline { usleep(50_000) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
            }
            // Read lines until the server says where it listens.
            var buffer = ""
            let deadline = Date().addingTimeInterval(240)
            while !buffer.contains("Serving"), Date() < deadline {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                buffer += String(decoding: chunk, as: UTF8.self)
            }
            let base = try #require(buffer.range(of: "http://127.0.0.1:[0-9]+/", options: .regularExpression).map { String(buffer[$0]) }, "\(buffer)")
            let (status, page) = try await get(base + "passing.html")
            #expect(status == 200)
            #expect(page.contains("loss = 0.500000000001"))
            #expect(page.contains("/__notebook/version"))
            let (indexStatus, index) = try await get(base)
            #expect(indexStatus == 200 && index.contains("passing.html"))
            #expect(try await get(base + "%2e%2e/Package.swift").0 == 404)
            #expect(try await get(base + "nothing.html").0 == 404)
            let (_, before) = try await get(base + "__notebook/version")
            // Editors' temporary files are not sources: they start no rebuild.
            for name in [".passing.md.swp", "passing.md~", "#passing.md#"] {
                try "scratch".write(to: root.appendingPathComponent("Notebooks/\(name)"), atomically: false, encoding: .utf8)
            }
            try await Task.sleep(nanoseconds: 1_500_000_000)
            #expect(try await get(base + "__notebook/version").1 == before, "a temporary file started a rebuild")
            // Change a notebook: the server rebuilds and the version moves on.
            let notebook = root.appendingPathComponent("Notebooks/passing.md")
            try (String(contentsOf: notebook, encoding: .utf8) + "\nA new paragraph.\n").write(to: notebook, atomically: true, encoding: .utf8)
            var after = before
            let rebuildDeadline = Date().addingTimeInterval(120)
            while after == before, Date() < rebuildDeadline {
                try await Task.sleep(nanoseconds: 300_000_000)
                after = try await get(base + "__notebook/version").1
            }
            #expect(after != before)
            #expect(try await get(base + "passing.html").1.contains("A new paragraph."))
            #expect(try await get(base + "__notebook/error").1.isEmpty)
            // A rebuild that fails keeps the last good site and says why, for the pages to show.
            try (String(contentsOf: notebook, encoding: .utf8) + "\n@Snippet(path: \"LossNotebooks/Snippets/nope\")\n").write(to: notebook, atomically: true, encoding: .utf8)
            var error = ""
            let failDeadline = Date().addingTimeInterval(120)
            while error.isEmpty, Date() < failDeadline {
                try await Task.sleep(nanoseconds: 300_000_000)
                error = try await get(base + "__notebook/error").1
            }
            #expect(error.hasPrefix("Notebooks/passing.md:"), "\(error)")
            #expect(error.contains("nope"))
            let (stillStatus, still) = try await get(base + "passing.html")
            #expect(stillStatus == 200 && still.contains("A new paragraph.") && still.contains("notebook-build-error"))
            // Ctrl-C stops it cleanly.
            kill(process.processIdentifier, SIGINT)
            let stopDeadline = Date().addingTimeInterval(15)
            while process.isRunning, Date() < stopDeadline { try await Task.sleep(nanoseconds: 100_000_000) }
            #expect(!process.isRunning)
            #expect(process.terminationStatus == 0)
            // Two saves, two rebuilds: an atomic save (a temporary file, then a rename) is one change.
            let rest = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect((buffer + rest).components(separatedBy: "change detected; rebuilding").count - 1 == 2, "\(buffer + rest)")
        }
    }
}
