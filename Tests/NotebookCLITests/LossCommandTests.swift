import Foundation
import Testing

@Suite("The notebook executable")
struct NotebookProcessTests {
    @Test("notebook loss prints the loss and gradient, exit 0")
    func success() async throws {
        let result = try await runNotebook(["loss", "huber", "--y-true", "[[0,1],[0,0]]", "--y-pred", "[[0.6,0.4],[0.4,0.6]]", "--json"])
        #expect(result.status == 0)
        #expect(result.stdout == "{\"loss\": 0.155, \"gradient\": [[0.15, -0.15], [0.1, 0.15]]}\n")
        #expect(result.stderr.isEmpty)
    }

    @Test("A bad name, bad JSON or bad option: one line on stderr, exit 2", arguments: [
        ["loss", "hubr", "--y-true", "[1]", "--y-pred", "[1]"],
        ["loss", "mse", "--y-true", "[1", "--y-pred", "[1]"],
        ["loss", "mse", "--y-true", "[1]", "--y-pred", "[1]", "--bogus"],
        ["loss", "mse", "--y-true", "[1]"],
        ["loss", "mse", "--y-true", "[1]", "--y-pred", "[1]", "--reduction", "average"],
        ["loss", "huber", "--y-true", "[1]", "--y-pred", "[1]", "--delta", "abc"],
        ["frobnicate"],
    ])
    func usageErrors(arguments: [String]) async throws {
        let result = try await runNotebook(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("notebook: "))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
    }

    @Test("A negative number is an option's value, refused for what it is, not taken for another option", arguments: [
        (["loss", "huber", "--y-true", "[1]", "--y-pred", "[1]", "--delta", "-1"], "notebook: delta: -1.0 is invalid; expected a finite number > 0"),
        (["test", "--tolerance", "-1"], "notebook: --tolerance must be a relative tolerance from 0 to 1"),
        (["test", "--repeat", "-2"], "notebook: --repeat must be between 1 and 100"),
        (["walk", "x", "--section", "-3"], "notebook: --section must be 1 or more"),
    ])
    func negativeValues(arguments: [String], message: String) async throws {
        let result = try await runNotebook(arguments)
        #expect(result.status == 2 && result.stderr.hasPrefix(message), "\(result.stderr)")
    }

    @Test("--help exits 0")
    func help() async throws {
        let result = try await runNotebook(["loss", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("kl-divergence"))
    }
}
