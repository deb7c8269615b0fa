import ArgumentParser
import Foundation
import NotebookKit

/// `notebook init`: sets up notebooks in an existing Swift package.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up notebooks in this Swift package: a first notebook, a first snippet, .gitignore entries.",
        discussion: "The snippet imports the first library module of the package. Nothing is changed when the package already has notebooks.")

    @OptionGroup var package: PackageOptions

    func run() throws {
        let project = try package.project(requiringNotebooks: false)
        let result: NotebookInit.Result
        do {
            try NotebookInit.preflight(project)
            let manifest = try ExecutionService(project: project).packageManifest()
            result = try NotebookInit.run(project: project, package: manifest)
        } catch {
            throw UsageFailure(message: error.description)
        }
        for file in result.created { say("created \(file)") }
        if !result.ignored.isEmpty { say("added to .gitignore: \(result.ignored.joined(separator: " "))") }
        say("Next: notebook build (the site in site/), notebook test (the doc tests), notebook walk 01-first-notebook")
    }
}
