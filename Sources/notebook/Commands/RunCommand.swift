import ArgumentParser
import Foundation
import NotebookKit
import NotebookRuntime
import Plotting

/// `notebook run NAME`: one snippet, its outputs printed with ASCII plots.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Build and run one snippet; print its output, tables, checks and ASCII plots.")

    @OptionGroup var package: PackageOptions

    @Argument(help: "The snippet's name (its path under Snippets/ without .swift).")
    var name: String

    @Flag(help: "Draw plots with plain ASCII instead of Unicode.")
    var ascii = false

    @Flag(name: .customLong("no-cache"), help: "Run even if a cached result exists.")
    var noCache = false

    func run() throws {
        let project = try package.project()
        let catalog = SnippetCatalog(root: project.root)
        var reference = SnippetReference(path: "Snippets/\(name)", name: name, slice: nil, line: 0, expectedOutput: nil)
        // An exercise runs as its author wrote it: the solution and every check, hidden ones too.
        let source = try? SnippetSource(String(contentsOf: project.root.appendingPathComponent(catalog.relativePath(name)), encoding: .utf8),
                                        file: catalog.relativePath(name))
        if source?.exercise != nil { reference.exercise = ExerciseText(statement: [], hints: []) }
        let result: SnippetResult
        let service = ExecutionService(project: project, settings: .init(noCache: noCache))
        // The notebooks that show it set its time limit and sandbox limits, as in `build`.
        let workbook = try? Workbook.load(project.notebookPaths(), with: service)
        do {
            // Read once: the source read above, when it could be (else the catalog says why not).
            _ = try catalog.resolve(reference, in: "notebook run", loaded: source)
            result = try service.run(snippet: name, catalog: catalog, timeout: workbook?.timeout(for: name) ?? 60,
                                     limits: workbook?.limits(for: name) ?? SandboxLimits())
        } catch {
            // A name on the command line has no notebook line to point at.
            throw UsageFailure(message: error.file == "notebook run" ? error.message : error.description)
        }
        if !result.run.buildErrors.isEmpty {
            result.run.buildErrors.forEach { say($0) }
            throw ExitCode(1)
        }
        let file = catalog.relativePath(name)
        print(TerminalOutput.render(result.run, file: file, width: 80, mode: ascii ? .ascii : .unicode), terminator: "")
        for (key, value) in result.run.records.sorted(by: { $0.key < $1.key }) {
            switch value {
            case let .number(number): print("recorded \(key) = \(number)")
            case let .text(text): print("recorded \(key) = \(text.debugDescription)")
            }
        }
        if result.run.failed {
            say("✘ \(result.run.failureSummary(file: file) ?? "failed")")
            throw ExitCode(1)
        }
    }
}
