import Foundation
import NotebookRuntime
@testable import NotebookKit

/// The package the fixtures belong to (this package's name, as their `@Snippet` paths say).
let fixturePackage = PackageManifest(name: "LossNotebooks", products: [])

/// Parses notebook text as a notebook of ``fixturePackage``.
func parseNotebook(_ text: String, path: String) throws(NotebookError) -> Document {
    try NotebookParser.parse(text, path: path, packageName: fixturePackage.name)
}

/// An executed notebook made in memory: every reference of `document` shows `lines` and all of
/// `run`'s outputs; the prose quotes `values`; links may point at `notebooks`.
func executedNotebook(_ document: Document, run: SnippetRun? = nil, lines: [SnippetSource.Line] = [],
                      values: [String: RecordedValue]? = nil, complete: Bool? = nil,
                      notebooks: Set<String> = [], symbols: SymbolLinks = .empty) -> ExecutedNotebook {
    let cells = document.snippetReferences.map { reference in
        Cell(reference: reference, file: "Snippets/\(reference.name).swift", lines: lines,
             outputs: run.map(OutputAttribution.items) ?? [], result: run.map { SnippetResult(run: $0, reason: .cached) }, ownsRun: true)
    }
    let recorded = ExecutedNotebook.recordedValues(cells)
    let outline = Outline(document)
    return ExecutedNotebook.assemble(
        document, outline: outline, cells: cells, values: values ?? recorded.values, valuesComplete: complete ?? recorded.complete,
        links: .init(notebooks: notebooks.union([document.path]), anchors: [document.path: ExecutedNotebook.anchorIDs(document, outline: outline, exercises: [])],
                     symbols: symbols))
}
