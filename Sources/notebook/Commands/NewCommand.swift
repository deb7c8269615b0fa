import ArgumentParser
import Foundation
import NotebookKit

/// `notebook new NAME`: a new notebook and its snippet, ready to build and test.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a notebook and its snippet (a slice, a plot, a check, a recorded value) that build and test at once.",
        discussion: "NAME is lowercase letters, digits, '-' and '_' (such as quantile-regression). The notebook is Notebooks/NN-NAME.md, after the existing ones; the snippet is Snippets/NAME.swift, with '-' as '_'.")

    @OptionGroup var package: PackageOptions

    @Option(help: "The notebook's title (default: from NAME).")
    var title: String?

    @Option(parsing: .unconditional, help: "Its place in the site, the front matter's `order` and the file's number (default: after every notebook).")
    var order: Int?

    @Argument(help: "The notebook's name.")
    var name: String

    func run() throws {
        let project = try package.project(requiringNotebooks: false)
        let result: NotebookNew.Result
        do {
            let manifest = try ExecutionService(project: project).packageManifest()
            result = try NotebookNew.run(name: name, title: title, order: order, project: project, package: manifest)
        } catch {
            throw UsageFailure(message: error.description)
        }
        say("created \(result.notebook)")
        say("created \(result.snippet)")
        let page = (result.notebook.split(separator: "/").last ?? "").dropLast(3)
        say("Next: notebook test \(page), notebook build \(page), notebook walk \(page)")
    }
}
