import Foundation
import Testing
@testable import NotebookKit

@Suite("Run cache: keyed by executable, toolchain and settings; says why a cell ran")
struct CacheTests {
    @Test("A second run comes from the cache; a changed executable, toolchain or --no-cache runs again")
    func reasons() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        // Each real run prints a fresh random id, so a cached result is recognisable by its id.
        let script = try folder.script("snippet", "cat /proc/sys/kernel/random/uuid")
        let cache = RunCache(folder: folder.url.appendingPathComponent("cache"))
        func run(toolchain: String = "swift 6", force: Bool = false, timeout: Double = 20) -> (RunReason, String) {
            let result = SnippetRunner(cache: cache, forceRun: force, toolchain: toolchain).run([.init(name: "s", executable: script, timeout: timeout)])["s"]!
            return (result.reason, result.run.stdout)
        }
        let (firstReason, firstId) = run()
        #expect(firstReason == .firstRun)
        #expect(firstId.count == 37)
        #expect(run() == (.cached, firstId))
        let (forcedReason, forcedId) = run(force: true)
        #expect(forcedReason == .forced && forcedId != firstId)
        #expect(run().1 == forcedId, "a forced run refreshes the cache")
        #expect(run(toolchain: "swift 7").0 == .toolchainChanged)
        #expect(run(toolchain: "swift 7", timeout: 30).0 == .settingsChanged)
        _ = try folder.script("snippet", "cat /proc/sys/kernel/random/uuid; echo changed")
        let (changedReason, changedOutput) = run(toolchain: "swift 7", timeout: 30)
        #expect(changedReason == .executableChanged && changedOutput.hasSuffix("changed\n"))
        #expect(run(toolchain: "swift 7", timeout: 30) == (.cached, changedOutput))
        // A resource bundle beside the executable (what `Bundle.module` reads) is part of it: a
        // change there relinks nothing, and runs again.
        try folder.write("Pkg_Lib.resources/data.txt", "one\n")
        #expect(run(toolchain: "swift 7", timeout: 30).0 == .executableChanged)
        #expect(run(toolchain: "swift 7", timeout: 30).0 == .cached)
        try folder.write("Pkg_Lib.resources/data.txt", "two, another size\n")
        #expect(run(toolchain: "swift 7", timeout: 30).0 == .executableChanged)
        try folder.write("Pkg_Lib.resources/more/other.txt", "another file\n")
        #expect(run(toolchain: "swift 7", timeout: 30).0 == .executableChanged)
        #expect(run(toolchain: "swift 7", timeout: 30).0 == .cached)
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

    @Test("Runs killed from outside (SIGKILL without a sandbox limit) are not cached; one stopped at a limit is")
    func killedRuns() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let script = try folder.script("killed", "kill -9 $$")
        let cache = RunCache(folder: folder.url.appendingPathComponent("cache"))
        let runner = SnippetRunner(cache: cache, toolchain: "t")
        let job = SnippetRunner.Job(name: "killed", executable: script, timeout: 20)
        let first = runner.run([job])["killed"]
        #expect(first?.run.outcome == .signaled(SIGKILL) && first?.run.cacheKey == nil)
        #expect(runner.run([job])["killed"]?.reason == .firstRun)
        var limited = try #require(first?.run)
        limited.limitExceeded = "the 2 GiB memory limit"
        #expect(limited.isReproducible)
        let parts = runner.keyParts(job)
        cache.store(limited, parts: parts)
        #expect(runner.run([job])["killed"]?.reason == .cached)
    }

    @Test("Executables hashed together by sha256sum get the digests our SHA-256 gives, remembered until a file changes")
    func hashesTogether() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        var urls: [URL] = []
        for (index, size) in [0, 1, 100_000, 3_000_001].enumerated() {
            let url = folder.url.appendingPathComponent("file \(index)")
            try Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) }).write(to: url)
            urls.append(url)
        }
        let cache = RunCache(folder: folder.url.appendingPathComponent("cache"))
        cache.rememberHashes(of: urls)
        let memos = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("cache/hashes").path)
        #expect(memos.count == urls.count, "one memo per file, made by the batch")
        for url in urls { #expect(cache.executableHash(url) == SHA256.hex(try Data(contentsOf: url))) }
        // A changed file is hashed again.
        try Data("changed".utf8).write(to: urls[2])
        #expect(cache.executableHash(urls[2]) == SHA256.hex(Data("changed".utf8)))
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
