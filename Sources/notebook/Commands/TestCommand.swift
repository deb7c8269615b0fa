import ArgumentParser
import Foundation
import NotebookKit

/// `notebook test`: the notebooks as doc tests.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the notebooks as doc tests: checks, crashes, expected output, prose values, links.",
        discussion: "Exit status: 0 when everything passed, 1 when something failed, 2 for bad arguments. Each failure is printed as file:line: message.")

    @OptionGroup var package: PackageOptions

    @Flag(help: "Rewrite the `output` blocks with what the snippets print (nothing else in the file changes).")
    var update = false

    @Option(parsing: .unconditional, help: "Relative tolerance (0 to 1) for numbers in output blocks (a block's `output tolerance=X` wins).")
    var tolerance: Double = 1e-9

    @Option(name: .customLong("repeat"), parsing: .unconditional, help: "Run each snippet N times; fail any whose output differs between runs.")
    var repeats: Int = 1

    @Option(help: "Write a JUnit XML report to this file.")
    var junit: String?

    @Flag(name: .customLong("no-cache"), help: "Run every snippet even if a cached result exists.")
    var noCache = false

    @Flag(name: .customLong("strict-sandbox"), help: "Refuse to run snippets when the sandbox cannot give every protection on this machine.")
    var strictSandbox = false

    @Option(help: "Test one shard of the notebooks, K/N (for a CI job matrix): each notebook is in exactly one shard, balanced by the last run times in the cache.")
    var shard: String?

    @Option(parsing: .upToNextOption, help: "Merge the JUnit reports of shards (test nothing): print their failures and totals, write --junit if given, exit 1 if any failed.")
    var merge: [String] = []

    @Argument(help: "Notebooks to test (paths or names); default all.")
    var notebooks: [String] = []

    func validate() throws {
        guard tolerance >= 0, tolerance <= 1 else { throw ValidationError("--tolerance must be a relative tolerance from 0 to 1") }
        guard repeats >= 1, repeats <= 100 else { throw ValidationError("--repeat must be between 1 and 100") }
    }

    func run() throws {
        if !merge.isEmpty { return try mergeReports() }
        var (project, selected) = try package.selection(notebooks)
        let current = package.currentDirectory
        // A report that cannot be written is known before any snippet runs.
        if let junit, let problem = OutputFolder.problem(writing: URL(fileURLWithPath: junit, relativeTo: current), asFolder: false) {
            throw UsageFailure(message: "--junit \(junit): \(problem)")
        }
        if let shard {
            selected = try package.shard(shard, of: selected, in: project)
            // An empty shard passes: there is nothing in it to fail.
            if selected.isEmpty {
                try writeJUnit(.empty, relativeTo: current)
                return
            }
        }
        let report: DocTest.Report
        do {
            report = try DocTest.run(project: project, options: DocTest.Options(
                notebooks: selected, tolerance: tolerance, repeats: repeats, update: update,
                execution: ExecutionService.Settings(noCache: noCache, strictSandbox: strictSandbox, progress: ProgressPrinter().report)))
        } catch {
            say("\(error)")
            throw ExitCode(1)
        }
        if !report.unprotected.isEmpty {
            say("note: the snippet sandbox cannot enforce here: \(report.unprotected.joined(separator: "; "))")
        }
        let annotate = ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true"
        for failure in report.failures {
            say(failure.description)
            if !failure.details.isEmpty {
                say(failure.details.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
            }
            if annotate { say(failure.githubAnnotation) }
        }
        for file in report.updatedFiles { say("updated the output blocks of \(file)") }
        try writeJUnit(report, relativeTo: current)
        let failed = report.cases.filter { $0.failure != nil }.count
        say("notebook test: \(report.cases.count - failed) passed, \(failed) failed (\(report.notebooks.count == 1 ? "1 notebook" : "\(report.notebooks.count) notebooks"))")
        if !report.passed { throw ExitCode(1) }
    }

    /// Writes the report to `--junit`, if given.
    func writeJUnit(_ report: DocTest.Report, relativeTo current: URL) throws {
        try write(JUnitReport.xml(report), relativeTo: current)
    }

    func write(_ xml: String, relativeTo current: URL) throws {
        guard let junit else { return }
        let url = URL(fileURLWithPath: junit, relativeTo: current)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(xml.utf8).write(to: url, options: .atomic)
        } catch {
            throw UsageFailure(message: "--junit \(junit): cannot write: \(error.localizedDescription)")
        }
    }

    /// `--merge`: the shards' reports as one.
    func mergeReports() throws {
        let current = package.currentDirectory
        var documents: [(name: String, text: String)] = []
        for path in merge {
            guard let text = try? String(contentsOf: URL(fileURLWithPath: path, relativeTo: current), encoding: .utf8) else {
                throw UsageFailure(message: "--merge \(path): cannot be read")
            }
            documents.append((path, text))
        }
        let merged: JUnitReport.Merged
        do { merged = try JUnitReport.merge(documents) } catch { throw UsageFailure(message: error.description) }
        for message in merged.messages { say(message) }
        try write(merged.xml, relativeTo: current)
        say("notebook test: \(merged.tests - merged.failures) passed, \(merged.failures) failed (\(documents.count == 1 ? "1 report" : "\(documents.count) reports") merged)")
        if merged.failures > 0 { throw ExitCode(1) }
    }
}
