import Foundation
import Testing
@testable import NotebookKit

@Suite("Naming notebooks on the command line: paths, names without their number, and the closest one")
struct NotebookSelectionTests {
    func project(_ names: [String]) throws -> (Project, TemporaryFolder) {
        let folder = TemporaryFolder()
        for name in names { try folder.write("Notebooks/\(name)", "# \(name)\n") }
        return (Project(root: folder.url), folder)
    }

    @Test("A name without its number, after '-', '_' or a space, selects the one notebook that has it")
    func unnumbered() throws {
        let (project, folder) = try project(["03-huber.md", "04 my notes.md", "05_kl.md", "glossary.md"])
        defer { folder.remove() }
        let select = { (names: [String]) in try project.select(names, currentDirectory: folder.url) }
        #expect(try select(["huber", "my notes", "kl", "glossary"]) == ["Notebooks/03-huber.md", "Notebooks/04 my notes.md", "Notebooks/05_kl.md", "Notebooks/glossary.md"])
        #expect(try select(["Notebooks/03-huber.md", "03-huber", "huber"]) == ["Notebooks/03-huber.md"], "one notebook named three ways is selected once")
    }

    @Test("A name that two notebooks share is an error naming both; a misspelt one gets the closest name, number or not")
    func ambiguousAndMisspelt() throws {
        let (project, folder) = try project(["03-ünï.md", "04-ünï.md", "05-huber.md"])
        defer { folder.remove() }
        #expect {
            try project.select(["ünï"], currentDirectory: folder.url)
        } throws: { error in
            (error as? NotebookError)?.description == "ünï: names 2 notebooks (Notebooks/03-ünï.md, Notebooks/04-ünï.md); give one with its number"
        }
        #expect {
            try project.select(["hubr"], currentDirectory: folder.url)
        } throws: { error in
            (error as? NotebookError)?.description == "hubr: no such notebook; did you mean 'huber'? (notebooks are Notebooks/*.md)"
        }
        #expect(try project.select(["04-ünï"], currentDirectory: folder.url) == ["Notebooks/04-ünï.md"])
    }
}
