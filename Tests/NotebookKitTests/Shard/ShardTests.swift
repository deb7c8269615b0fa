import Foundation
import Testing
@testable import NotebookKit

@Suite("Shards: every notebook in exactly one, stable, balanced; JUnit reports merged")
struct ShardTests {
    let notebooks = (1...23).map { String(format: "Notebooks/%02d-lesson.md", $0) }

    @Test("K/N is read with 1 ≤ K ≤ N; anything else names --shard", arguments: ["0/4", "5/4", "a/b", "3", "1/0", "1/2/3", ""])
    func parse(text: String) throws {
        #expect(try Shard("2/4") == Shard("2/4"))
        #expect(try Shard("2/4").description == "2/4")
        #expect(throws: NotebookError.self) { try Shard(text) }
        do {
            _ = try Shard(text)
        } catch {
            #expect(error.description.hasPrefix("--shard: '\(text)' is not a shard such as 2/4"))
        }
    }

    @Test("By count: the union is every notebook, shards are disjoint and differ by at most one", arguments: [1, 2, 3, 4, 7, 23, 30])
    func byCount(count: Int) {
        let shards = Shard.assign(notebooks, count: count, times: [:])
        #expect(shards.count == count)
        #expect(shards.flatMap { $0 }.sorted() == notebooks)
        #expect(Set(shards.flatMap { $0 }).count == notebooks.count, "disjoint")
        let sizes = shards.map(\.count)
        #expect(sizes.max()! - sizes.min()! <= 1, "\(sizes)")
    }

    @Test("Stable: the same shards whatever the order the notebooks come in, run after run")
    func stable() throws {
        var generator = SeededGenerator(seed: 3)
        let times = Dictionary(uniqueKeysWithValues: notebooks.map { ($0, Double.random(in: 0.1...30, using: &generator)) })
        let first = Shard.assign(notebooks, count: 4, times: times)
        for _ in 0..<5 {
            #expect(Shard.assign(notebooks.shuffled(using: &generator), count: 4, times: times) == first)
        }
        #expect(try Shard("3/4").select(notebooks.reversed(), times: times) == first[2])
    }

    @Test("By time: the loads differ by at most the heaviest notebook; unknown ones weigh the mean")
    func byTime() {
        var generator = SeededGenerator(seed: 7)
        var times = Dictionary(uniqueKeysWithValues: notebooks.map { ($0, Double.random(in: 0.1...30, using: &generator)) })
        times[notebooks[0]] = 60
        let shards = Shard.assign(notebooks, count: 4, times: times)
        let loads = shards.map { $0.reduce(0) { $0 + times[$1]! } }
        #expect(loads.max()! - loads.min()! <= times.values.max()!, "\(loads)")
        #expect(shards.first { $0.contains(notebooks[0]) }!.count <= shards.map(\.count).min()! + 1, "the heavy one shares its shard with few")
        // A notebook not in the timings still lands in exactly one shard.
        let fresh = notebooks + ["Notebooks/99-new.md"]
        #expect(Shard.assign(fresh, count: 4, times: times).flatMap { $0 }.sorted() == fresh.sorted())
    }

    @Test("Merged reports: suites of every shard, summed totals, every failure's message; a stranger is refused")
    func merge() throws {
        let failure = DocTestFailure(file: "Notebooks/a.md", line: 3, kind: .check, message: "check failed: x < y (Snippets/a.swift:2)", details: "")
        let one = DocTest.Report(failures: [failure], cases: [
            DocTest.Case(notebook: "Notebooks/a.md", name: "a: x < y", seconds: 0, failure: failure),
            DocTest.Case(notebook: "Notebooks/a.md", name: "snippet a (line 3)", seconds: 0.5, failure: nil),
        ], updatedFiles: [], notebooks: ["Notebooks/a.md"])
        let two = DocTest.Report(failures: [], cases: [DocTest.Case(notebook: "Notebooks/b.md", name: "snippet b (line 5)", seconds: 1, failure: nil)],
                                 updatedFiles: [], notebooks: ["Notebooks/b.md"])
        let merged = try JUnitReport.merge([("one.xml", JUnitReport.xml(one)), ("two.xml", JUnitReport.xml(two)), ("empty.xml", JUnitReport.xml(.empty))])
        #expect(merged.tests == 3 && merged.failures == 1)
        #expect(merged.messages == ["Notebooks/a.md:3: check failed: x < y (Snippets/a.swift:2)"])
        #expect(merged.xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"notebook test\" tests=\"3\" failures=\"1\">\n  <testsuite name=\"Notebooks/a.md\""))
        #expect(merged.xml.contains("<testsuite name=\"Notebooks/b.md\" tests=\"1\" failures=\"0\">"))
        #expect(try JUnitReport.merge([("m.xml", merged.xml)]).tests == 3, "a merged report merges again")
        #expect(throws: NotebookError.self) { try JUnitReport.merge([("x.xml", "<html></html>")]) }
        // A notebook in two reports would count twice: the same report given twice, say.
        #expect {
            try JUnitReport.merge([("one.xml", JUnitReport.xml(one)), ("two.xml", JUnitReport.xml(two)), ("again.xml", JUnitReport.xml(one))])
        } throws: { error in
            (error as? NotebookError)?.description == "again.xml: holds Notebooks/a.md, which one.xml holds too: shards of one run hold each notebook once (a report given twice?)"
        }
    }

    @Test("Run times are kept per notebook in the cache folder and merged")
    func timings() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        #expect(NotebookTimings.read(from: folder.url).isEmpty)
        NotebookTimings.record(["Notebooks/a.md": 2, "Notebooks/b.md": 3], in: folder.url)
        NotebookTimings.record(["Notebooks/a.md": 5], in: folder.url)
        #expect(NotebookTimings.read(from: folder.url) == ["Notebooks/a.md": 5, "Notebooks/b.md": 3])
    }
}

/// SplitMix64, for shuffles and times that are the same every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
