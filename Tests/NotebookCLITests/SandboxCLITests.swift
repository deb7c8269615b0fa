import FixtureSupport
import Foundation
import Testing

@Suite("The sandbox seen from notebook build")
struct SandboxCLITests {
    @Test("A snippet that reads a secret and one that allocates too much fail their cells with the reason; the rest of the site is built, the secret is in no page")
    func hostileSnippets() async throws {
        try await withFixture(.passing) { root in
            let secrets = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-secret-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: secrets, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: secrets) }
            let secret = secrets.appendingPathComponent("answers.txt")
            try "the exam answers\n".write(to: secret, atomically: true, encoding: .utf8)
            try """
                import Foundation
                print(try String(contentsOfFile: "\(secret.path)", encoding: .utf8))
                """.write(to: root.appendingPathComponent("Snippets/spy.swift"), atomically: true, encoding: .utf8)
            // 3 GiB of address space, reserved and not written: over the 2 GiB limit, under 4 GiB.
            // (Filling it, as this test once did, cost about 8 s of processor time.)
            try """
                let big = UnsafeMutableRawBufferPointer.allocate(byteCount: 3 << 30, alignment: 16)
                print(big.count)
                """.write(to: root.appendingPathComponent("Snippets/hog.swift"), atomically: true, encoding: .utf8)
            try """
                # Hostile

                @Snippet(path: "LossNotebooks/Snippets/spy")

                @Snippet(path: "LossNotebooks/Snippets/hog")

                """.write(to: root.appendingPathComponent("Notebooks/hostile.md"), atomically: true, encoding: .utf8)
            let result = try await runNotebook(["build", "--package-path", root.path], in: root)
            #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("Notebooks/hostile.md:5: Snippets/hog.swift exceeded the 2 GiB memory limit; raise it with `memory:` in the front matter"), "\(result.stdout)")
            let page = try String(contentsOf: root.appendingPathComponent("site/hostile.html"), encoding: .utf8)
            #expect(page.contains("the sandbox lets a snippet read only its package"))
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/passing.html").path))
            let site = root.appendingPathComponent("site")
            for file in try FileManager.default.subpathsOfDirectory(atPath: site.path) {
                let text = (try? String(contentsOf: site.appendingPathComponent(file), encoding: .utf8)) ?? ""
                #expect(!text.contains("exam answers"), "\(file) shows the secret")
            }
            // With more memory the allocation succeeds.
            try """
                ---
                memory: 4 GiB
                ---
                # Hostile

                @Snippet(path: "LossNotebooks/Snippets/hog")

                """.write(to: root.appendingPathComponent("Notebooks/hostile.md"), atomically: true, encoding: .utf8)
            let roomy = try await runNotebook(["build", "--package-path", root.path], in: root)
            #expect(roomy.status == 0, "\(roomy.stdout)")
        }
    }
}
