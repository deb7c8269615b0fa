import Foundation
import NotebookRuntime
@testable import NotebookKit

/// Renders a golden book (notebooks, snippet sources and recorded runs) without starting a process.
enum GoldenBook {
    /// The recorded runs in `book/runs`, by snippet name.
    static func runs(_ book: URL) throws -> [String: SnippetRun] {
        var runs: [String: SnippetRun] = [:]
        let folder = book.appendingPathComponent("runs")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".json") {
            let run = try RunCache.decoder.decode(SnippetRun.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
            runs[run.name] = run
        }
        return runs
    }

    /// Every site file, plus `walk/NAME.txt`: each notebook's walkthrough sections.
    static func render(_ book: URL) throws -> [String: Data] {
        let project = Project(root: book)
        let workbook = try Workbook(project: project, paths: project.notebookPaths())
        let runs = try runs(book)
        var (files, _) = try SiteBuild.render(workbook: workbook, runs: runs.mapValues { ($0, RunReason.cached) }, siteTitle: "LossNotebooks")
        let style = TerminalStyle(color: false, unicode: true, width: 80)
        for document in workbook.documents {
            let walk = Walkthrough(document: document, sources: workbook.sources, runs: runs, style: style)
            files["walk/\(Project.pagePath(document.path)).txt"] = Data(walk.sections.joined(separator: "\n\u{1E}\n").utf8)
        }
        return files
    }
}
