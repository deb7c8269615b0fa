import ArgumentParser
import Foundation
import NotebookKit

/// `notebook build`: the static site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Run the notebooks' snippets and write the static site.",
        discussion: "Exit status: 0 when every cell passed, 1 when some failed (the site is written and shows them), 2 for bad input.")

    @OptionGroup var package: PackageOptions

    @Option(name: .shortAndLong, help: "The output folder.")
    var output = "site"

    @Flag(name: .customLong("no-cache"), help: "Run every snippet even if a cached result exists.")
    var noCache = false

    @Flag(help: "Say why each cell ran or came from the cache.")
    var explain = false

    @Flag(help: "Print the time spent in each phase and the five slowest snippets.")
    var timings = false

    @Flag(name: .customLong("strict-sandbox"), help: "Refuse to run snippets when the sandbox cannot give every protection on this machine.")
    var strictSandbox = false

    @Option(help: "How exercises' solutions appear: shown, hidden (behind a disclosure, the default) or omitted (no trace of solutions or hidden checks in the site).")
    var solutions: SolutionVisibility = .hidden

    @Option(help: "Build one shard of the notebooks, K/N, as `notebook test --shard` splits them (fills the run cache for a later full build).")
    var shard: String?

    @Argument(help: "Notebooks to build (paths or names); default all.")
    var notebooks: [String] = []

    func run() throws {
        let started = Date()
        var (project, selected) = try package.selection(notebooks)
        if let shard {
            selected = try package.shard(shard, of: selected, in: project)
            guard !selected.isEmpty else { return }
        }
        var options = SiteBuild.Options(
            output: URL(fileURLWithPath: output, relativeTo: package.currentDirectory), notebooks: selected,
            execution: ExecutionService.Settings(noCache: noCache, strictSandbox: strictSandbox, progress: ProgressPrinter().report))
        options.solutions = solutions
        let report: SiteBuild.Report
        do {
            report = try SiteBuild.build(project: project, options: options, progress: say)
        } catch {
            throw NotebookFailure(errors: error)
        }
        if !report.runs.unprotected.isEmpty {
            say("note: the snippet sandbox cannot enforce here: \(report.runs.unprotected.joined(separator: "; "))")
        }
        if explain {
            let own = Set(report.notebooks.flatMap(\.owningCells).map(\.reference.name))
            for (name, result) in report.runs.results.sorted(by: { $0.key < $1.key }) where own.contains(name) {
                say("  \(name): \(result.reason)")
            }
        }
        for notebook in report.notebooks {
            for cell in notebook.owningCells {
                guard let run = cell.result?.run, run.failed else { continue }
                say("\(notebook.document.path):\(cell.reference.line): \(run.failureSummary(file: cell.file) ?? "failed")")
            }
        }
        for problem in report.problems { say(problem.description) }
        for warning in report.warnings { say("warning: \(warning)") }
        if timings {
            for (phase, seconds) in report.timings {
                say("  \(phase): \(String(format: "%.3f", seconds)) s")
            }
            // The snippets that take longest (a cached one counts the run that made its result).
            let slowest = report.runs.results.sorted { ($1.value.run.seconds, $0.key) < ($0.value.run.seconds, $1.key) }.prefix(5)
            if !slowest.isEmpty {
                say("  slowest snippets: " + slowest.map { "\($0.key) \(String(format: "%.2f", $0.value.run.seconds)) s\($0.value.reason == .cached ? " (cached)" : "")" }.joined(separator: ", "))
            }
        }
        // The snippets of the notebooks built (a partial build draws the others from the cache).
        let runs = Set(report.notebooks.flatMap(\.owningCells).map(\.reference.name)).compactMap { report.runs.results[$0] }
        let cached = runs.filter { $0.reason == .cached }.count
        let failed = runs.filter { $0.run.failed }.count
        let notebooks = report.notebooks.count == 1 ? "1 notebook" : "\(report.notebooks.count) notebooks"
        let snippets = runs.count == 1 ? "1 snippet" : "\(runs.count) snippets"
        let formulas = report.problems.isEmpty ? "" : report.problems.count == 1 ? "; 1 formula error" : "; \(report.problems.count) formula errors"
        say("Built \(notebooks) into \(output)/: \(snippets) (\(runs.count - cached) ran, \(cached) cached, \(failed) failed)\(formulas) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        if failed > 0 || !report.problems.isEmpty { throw ExitCode(1) }
    }
}

/// Notebook errors: each on its own line, exit status 2.
struct NotebookFailure: Error {
    let errors: NotebookErrors
}

extension SolutionVisibility: ExpressibleByArgument {}
