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

    @Option(help: "Relative tolerance (0 to 1) for numbers in output blocks (a block's `output tolerance=X` wins).")
    var tolerance: Double = 1e-9

    @Option(name: .customLong("repeat"), help: "Run each snippet N times; fail any whose output differs between runs.")
    var repeats: Int = 1

    @Option(help: "Write a JUnit XML report to this file.")
    var junit: String?

    @Flag(name: .customLong("no-cache"), help: "Run every snippet even if a cached result exists.")
    var noCache = false

    @Flag(name: .customLong("strict-sandbox"), help: "Refuse to run snippets when the sandbox cannot give every protection on this machine.")
    var strictSandbox = false

    @Argument(help: "Notebooks to test (paths or names); default all.")
    var notebooks: [String] = []

    func validate() throws {
        guard tolerance >= 0, tolerance <= 1 else { throw ValidationError("--tolerance must be a relative tolerance from 0 to 1") }
        guard repeats >= 1, repeats <= 100 else { throw ValidationError("--repeat must be between 1 and 100") }
    }

    func run() throws {
        let (project, selected) = try package.selection(notebooks)
        let current = package.currentDirectory
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
        if let junit {
            let url = URL(fileURLWithPath: junit, relativeTo: current)
            do {
                try Data(JUnitReport.xml(report).utf8).write(to: url, options: .atomic)
            } catch {
                throw UsageFailure(message: "--junit \(junit): cannot write: \(error.localizedDescription)")
            }
        }
        let failed = report.cases.filter { $0.failure != nil }.count
        say("notebook test: \(report.cases.count - failed) passed, \(failed) failed (\(report.notebooks.count == 1 ? "1 notebook" : "\(report.notebooks.count) notebooks"))")
        if !report.passed { throw ExitCode(1) }
    }
}
