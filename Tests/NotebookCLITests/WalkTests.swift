import FixtureSupport
import Foundation
import NotebookRuntime
import Plotting
import Testing

@Suite("notebook walk")
struct WalkTests {
    @Test("--no-pause prints every section: prose, numbered code, outputs; no colour when piped")
    func noPause() async throws {
        try await withFixture(.passing) { root in
            let result = try await runNotebook(["walk", "walk", "--no-pause", "--ascii", "--width", "60", "--package-path", root.path], in: root)
            #expect(result.status == 0, "\(result.stderr)")
            let text = result.stdout
            #expect(text.contains("Walk\n===="))
            #expect(text.contains("Intro with *emphasis* and `code`."))
            #expect(text.contains("Second\n------"))
            #expect(text.contains("\n5 | let loss = 0.5 + 1e-12"))
            #expect(text.contains("loss = 0.500000000001"))
            #expect(text.contains("- one\n- two"))
            #expect(!text.contains("\u{1B}["))
        }
    }

    @Test("← and → step through a sweep's frames; Enter goes on")
    func sweepKeys() async throws {
        try await withFixture(.passing) { root in
            let frames = (1...3).map { k in Figure(Panel(title: "frame \(k)", series: [Series(x: [0, 1], y: [0, Double(k)])])) }
            let sweep = Sweep(parameter: "k", values: [1, 2, 3], initial: 0, frames: frames, captions: ["first", "second", "third"])
            let event = String(decoding: try EventEncoder.encode(RuntimeEvent(stdoutOffset: 0, payload: .sweep(sweep), line: 3)), as: UTF8.self)
            // A snippet that sends the sweep through the side channel as NotebookRuntime would.
            try """
                import Foundation
                let event = #"\(event)"#
                try (event + "\\n").write(toFile: ProcessInfo.processInfo.environment["NOTEBOOK_EVENTS"]!, atomically: false, encoding: .utf8)
                """.write(to: root.appendingPathComponent("Snippets/sweep.swift"), atomically: true, encoding: .utf8)
            try "# Sweep\n\n@Snippet(path: \"LossNotebooks/Snippets/sweep\")\n\n## After\n\nThe end.\n"
                .write(to: root.appendingPathComponent("Notebooks/sweep.md"), atomically: true, encoding: .utf8)
            let result = try await runNotebook(["walk", "sweep", "--ascii", "--package-path", root.path], in: root, input: "\u{1B}[C\u{1B}[C\n<\n>>\n\nq\n")
            #expect(result.status == 0, "\(result.stderr)")
            let labels = result.stdout.split(separator: "\n").filter { $0.hasPrefix("k = ") }.map { String($0.prefix(13)) }
            #expect(labels == ["k = 1 (1 of 3", "k = 3 (3 of 3", "k = 2 (2 of 3", "k = 3 (3 of 3"], "\(result.stdout)")
            #expect(result.stdout.contains("frame 3") && result.stdout.contains("third"))
            #expect(result.stdout.contains("· ← →: step the plot ·"))
            #expect(result.stdout.contains("After\n-----"))
        }
    }

    @Test("Enter goes on, b goes back, q quits")
    func navigation() async throws {
        try await withFixture(.passing) { root in
            let result = try await runNotebook(["walk", "walk", "--package-path", root.path], in: root, input: "\nb\n\n\nq\n")
            #expect(result.status == 0)
            let headings = result.stdout.split(separator: "\n").filter { ["Walk", "Second", "Third"].contains($0) }
            #expect(headings == ["Walk", "Second", "Walk", "Second", "Third"])
            #expect(result.stdout.contains("── section 1 of 3 · Enter: next · b: back · q: quit ──"))
        }
    }

    @Test("--section starts later; a section past the end is an error")
    func section() async throws {
        try await withFixture(.passing) { root in
            let result = try await runNotebook(["walk", "walk", "--no-pause", "--section", "3", "--package-path", root.path], in: root)
            #expect(result.stdout.hasPrefix("Third"))
            let bad = try await runNotebook(["walk", "walk", "--section", "9", "--package-path", root.path], in: root)
            #expect(bad.status == 2)
            #expect(bad.stderr == "notebook: --section 9: the notebook has 3 sections\n")
        }
    }

    /// `notebook walk` on a pseudo-terminal (util-linux `script`), fed `input` as key presses.
    static func onTerminal(_ arguments: String, root: URL, input: String, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "\(notebookExecutable().path) walk \(arguments) --package-path \(root.path); stty -a", "/dev/null"]
        process.currentDirectoryURL = root
        var env = notebookEnvironment()
        env["TERM"] = "dumb"
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), keys = Pipe()
        process.standardOutput = out
        process.standardInput = keys
        try process.run()
        // Keys go in once the walk waits for one (typed earlier, the terminal would echo them).
        var data = Data()
        let deadline = Date().addingTimeInterval(120)
        while !String(decoding: data, as: UTF8.self).contains("── "), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            data += chunk
        }
        for key in input {
            keys.fileHandleForWriting.write(Data(String(key).utf8))
            Thread.sleep(forTimeInterval: 0.3)
        }
        data += out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? keys.fileHandleForWriting.close()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("On a terminal keys act at once, without Enter; the terminal's settings come back")
    func rawKeys() async throws {
        try await withFixture(.passing) { root in
            let (status, output) = try Self.onTerminal("walk", root: root, input: " bq")
            #expect(status == 0, "\(output)")
            let headings = output.split(whereSeparator: \.isNewline).filter { ["Walk", "Second", "Third"].contains($0) }
            #expect(headings == ["Walk", "Second", "Walk"], "\(output)")
            // `stty -a` after the walk: echo and line editing are back on.
            #expect(output.contains(" icanon ") && output.contains(" echo "), "\(output)")
        }
    }

    @Test("On a terminal, a section taller than the window comes a page at a time")
    func paging() async throws {
        try await withFixture(.passing) { root in
            let (status, output) = try Self.onTerminal("walk --ascii", root: root, input: "  q", environment: ["LINES": "6"])
            #expect(status == 0, "\(output)")
            #expect(output.contains("── more: space or Enter · q: quit ──"), "\(output)")
            #expect(output.contains("loss = 0.500000000001"), "the second page of the second section")
        }
    }

    @Test("Long code lines wrap under the code column at the terminal's width")
    func wrapsCode() async throws {
        try await withFixture(.passing) { root in
            try "let sentence = \"a long line of code that goes on and on past the width of any narrow terminal window\"\nprint(sentence.count)\n"
                .write(to: root.appendingPathComponent("Snippets/long.swift"), atomically: true, encoding: .utf8)
            try "# Long\n\n@Snippet(path: \"LossNotebooks/Snippets/long\")\n".write(to: root.appendingPathComponent("Notebooks/long.md"), atomically: true, encoding: .utf8)
            let result = try await runNotebook(["walk", "long", "--no-pause", "--ascii", "--width", "40", "--package-path", root.path], in: root)
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.allSatisfy { $0.count <= 40 }, "\(result.stdout)")
            #expect(lines.contains("1 | let sentence = \"a long line of code"), "\(result.stdout)")
            #expect(lines.contains { $0.hasPrefix("  |   ") }, "continuations under the code column")
        }
    }

    @Test("On a terminal it uses colour, unless NO_COLOR is set")
    func terminal() async throws {
        try await withFixture(.passing) { root in
            let command = "\(notebookExecutable().path) walk walk --no-pause --package-path \(root.path)"
            func underScript(_ environment: [String: String]) throws -> String {
                var env = notebookEnvironment()
                env["TERM"] = "xterm-256color"
                env.removeValue(forKey: "NO_COLOR")
                env.merge(environment) { _, new in new }
                return try runTool("/usr/bin/script", ["-qec", command, "/dev/null"], directory: root, environment: env).output
            }
            let colored = try underScript([:])
            #expect(colored.contains("\u{1B}[1;4mWalk"))
            #expect(colored.contains("\u{1B}[3memphasis"))
            let plain = try underScript(["NO_COLOR": "1"])
            #expect(plain.contains("Walk"))
            #expect(!plain.contains("\u{1B}["))
        }
    }
}
