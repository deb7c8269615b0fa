import ArgumentParser
import Foundation
import NotebookKit

/// `notebook list`: notebooks and their snippet references.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the notebooks and the snippets they reference.")

    @OptionGroup var package: PackageOptions

    func run() throws {
        let project = try package.project()
        let workbook: Workbook
        do {
            let package = try ExecutionService(project: project).packageManifest()
            workbook = try Workbook(project: project, package: package, paths: project.notebookPaths())
        } catch let error as NotebookError {
            throw NotebookFailure(errors: NotebookErrors([error]))
        } catch let errors as NotebookErrors {
            throw NotebookFailure(errors: errors)
        }
        for document in workbook.documents {
            say("\(document.path)  \(document.title)")
            for reference in document.snippetReferences {
                let slice = reference.slice.map { " slice \($0)" } ?? ""
                say("  line \(reference.line): Snippets/\(reference.name).swift\(slice)")
            }
        }
    }
}
