import Foundation
import Testing
@testable import NotebookKit

@Suite("Run cache: keyed by executable, toolchain and settings; says why a cell ran")
struct CacheTests {
    @Test("A second run comes from the cache; a changed executable, toolchain or --no-cache runs again")
    func reasons() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let counter = folder.url.appendingPathComponent("count").path
        let script = try folder.script("snippet", "echo ran >> \(counter); echo out")
        let cache = RunCache(folder: folder.url.appendingPathComponent("cache"))
        func run(toolchain: String = "swift 6", force: Bool = false, timeout: Double = 20) -> RunReason {
            SnippetRunner(cache: cache, forceRun: force, toolchain: toolchain).run([.init(name: "s", executable: script, timeout: timeout)])["s"]!.reason
        }
        func runs() -> Int { (folder.read("count") ?? "").split(separator: "\n").count }
        #expect(run() == .firstRun)
        #expect(run() == .cached)
        #expect(runs() == 1)
        #expect(run(force: true) == .forced)
        #expect(runs() == 2)
        #expect(run(toolchain: "swift 7") == .toolchainChanged)
        #expect(run(toolchain: "swift 7", timeout: 30) == .settingsChanged)
        _ = try folder.script("snippet", "echo ran >> \(counter); echo changed")
        #expect(run(toolchain: "swift 7", timeout: 30) == .executableChanged)
        #expect(run(toolchain: "swift 7", timeout: 30) == .cached)
        #expect(runs() == 5)
    }

    @Test("Timed-out runs are not cached")
    func timeouts() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let script = try folder.script("slow", "sleep 5")
        let cache = RunCache(folder: folder.url.appendingPathComponent("cache"))
        let runner = SnippetRunner(cache: cache, toolchain: "t")
        let job = SnippetRunner.Job(name: "slow", executable: script, timeout: 0.2)
        #expect(runner.run([job])["slow"]?.reason == .firstRun)
        #expect(runner.run([job])["slow"]?.reason != .cached)
    }

    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func sha256() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
