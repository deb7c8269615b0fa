import Foundation
import Testing

@Suite("The notebook executable")
struct NotebookProcessTests {
    @Test("notebook loss prints the loss and gradient, exit 0")
    func success() throws {
        let result = try runNotebook(["loss", "huber", "--y-true", "[[0,1],[0,0]]", "--y-pred", "[[0.6,0.4],[0.4,0.6]]", "--json"])
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
    func usageErrors(arguments: [String]) throws {
        let result = try runNotebook(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("notebook: "))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
    }

    @Test("--help exits 0")
    func help() throws {
        let result = try runNotebook(["loss", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("kl-divergence"))
    }
}
