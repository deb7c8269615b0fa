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
            workbook = try Workbook.load(project.notebookPaths(), with: ExecutionService(project: project))
        } catch {
            throw NotebookFailure(errors: error)
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
