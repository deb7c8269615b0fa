import FixtureSupport
import Foundation
import Testing

@Suite("Shards on the command line, and the CI workflow that uses them")
struct ShardCLITests {
    @Test("test --shard K/N tests each notebook in one shard; --merge gives one report and the right exit status")
    func shardsAndMerge() async throws {
        try await withFixture(.passing) { root in
            var tested: [String] = []
            for k in 1...3 {
                let result = try await runNotebook(["test", "--shard", "\(k)/3", "--junit", "reports/shard-\(k).xml"], in: root)
                #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
                #expect(result.stdout.hasPrefix("shard \(k)/3: "), "\(result.stdout)")
                let xml = try String(contentsOf: root.appendingPathComponent("reports/shard-\(k).xml"), encoding: .utf8)
                tested += xml.components(separatedBy: "<testsuite name=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            }
            #expect(tested.sorted() == ["Notebooks/passing.md", "Notebooks/walk.md"], "each notebook in exactly one shard; one shard empty")
            let merged = try await runNotebook(["test", "--merge", "reports/shard-1.xml", "reports/shard-2.xml", "reports/shard-3.xml", "--junit", "reports/all.xml"], in: root)
            #expect(merged.status == 0, "\(merged.stdout)\(merged.stderr)")
            #expect(merged.stdout.contains("0 failed (3 reports merged)"), "\(merged.stdout)")
            // A failing shard fails the merged report, and its failure is printed.
            let notebook = root.appendingPathComponent("Notebooks/passing.md")
            try String(contentsOf: notebook, encoding: .utf8).replacingOccurrences(of: "slope = 2.0", with: "slope = 3.0").write(to: notebook, atomically: true, encoding: .utf8)
            let shard = try String(contentsOf: root.appendingPathComponent("reports/shard-1.xml"), encoding: .utf8).contains("passing.md") ? 1 : 2
            let failing = try await runNotebook(["test", "--shard", "\(shard)/3", "--junit", "reports/shard-\(shard).xml"], in: root)
            #expect(failing.status == 1)
            let mergedAgain = try await runNotebook(["test", "--merge", "reports/shard-1.xml", "reports/shard-2.xml", "reports/shard-3.xml"], in: root)
            #expect(mergedAgain.status == 1)
            #expect(mergedAgain.stdout.contains("Notebooks/passing.md:5: the output of slice 'main' of 'good' differs"), "\(mergedAgain.stdout)")
            let bad = try await runNotebook(["test", "--shard", "4/3"], in: root)
            #expect(bad.status == 2 && bad.stderr.contains("--shard: '4/3' is not a shard such as 2/4"), "\(bad.stderr)")
        }
    }

    @Test("The workflow parses as YAML, runs every shard of a matrix, merges, and uses only commands the CLI has")
    func workflow() async throws {
        let file = packageRoot.appendingPathComponent(".github/workflows/notebooks.yml")
        let parsed = try runTool("/usr/bin/python3", ["-c", """
            import json, sys, yaml
            document = yaml.safe_load(open(sys.argv[1]))
            json.dump(document, sys.stdout)
            """, file.path])
        #expect(parsed.status == 0, "python3 with PyYAML (python3-yaml, from .ci/setup) could not read the workflow")
        let workflow = try #require(try JSONSerialization.jsonObject(with: parsed.stdout) as? [String: Any])
        let jobs = try #require(workflow["jobs"] as? [String: [String: Any]])
        let test = try #require(jobs["test"])
        let matrix = try #require((test["strategy"] as? [String: Any])?["matrix"] as? [String: Any])
        let shards = try #require(matrix["shard"] as? [Int])
        let count = try #require(Int((workflow["env"] as? [String: Any])?["SHARDS"].map { "\($0)" } ?? ""))
        #expect(shards == Array(1...count), "the matrix runs every shard of \(count)")
        #expect((jobs["report"]?["needs"] as? String) == "test")
        // Every `notebook` command in a step: its subcommand and options exist in this CLI.
        let runs = jobs.values.flatMap { ($0["steps"] as? [[String: Any]] ?? []).compactMap { $0["run"] as? String } }
        let commands = runs.flatMap { $0.split(separator: "\n") }.filter { $0.contains(".build/debug/notebook ") }
        #expect(commands.count >= 3, "\(runs)")
        for command in commands {
            let words = command.split(separator: " ").map(String.init)
            let start = try #require(words.firstIndex { $0.hasSuffix("/notebook") })
            let subcommand = words[start + 1]
            let help = try await runNotebook([subcommand, "--help"], in: packageRoot)
            #expect(help.status == 0, "notebook \(subcommand) does not exist")
            for option in words.dropFirst(start + 2) where option.hasPrefix("--") {
                #expect(help.stdout.contains(option + " ") || help.stdout.contains(option + "\n"), "notebook \(subcommand) has no \(option)")
            }
        }
        #expect(commands.contains { $0.contains("test --shard ${{ matrix.shard }}/${{ env.SHARDS }}") })
        #expect(commands.contains { $0.contains("test --merge ") })
        #expect(commands.contains { $0.contains("build --output site") })
    }
}
