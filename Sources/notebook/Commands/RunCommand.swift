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
        let reference = SnippetReference(path: "Snippets/\(name)", name: name, slice: nil, line: 0, expectedOutput: nil)
        let result: SnippetResult
        do {
            _ = try catalog.resolve(reference, in: "notebook run")
            result = try ExecutionService(project: project, settings: .init(noCache: noCache)).run(snippet: name, catalog: catalog)
        } catch {
            // A name on the command line has no notebook line to point at.
            throw UsageFailure(message: error.file == "notebook run" ? error.message : error.description)
        }
        if !result.run.buildErrors.isEmpty {
            result.run.buildErrors.forEach { say($0) }
            throw ExitCode(1)
        }
        print(TerminalOutput.render(result.run, width: 80, mode: ascii ? .ascii : .unicode), terminator: "")
        if result.run.failed {
            say("✘ \(result.run.failureSummary ?? "failed")")
            throw ExitCode(1)
        }
    }
}
