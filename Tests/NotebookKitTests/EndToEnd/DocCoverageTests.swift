import Foundation
import Testing
@testable import NotebookKit

/// Every public symbol of the libraries snippets import has a doc comment, and the site has a
/// reference page for each: the build reads their symbol graphs (`swift symbolgraph-extract`,
/// from the modules the snippet build compiled) into the API reference.
@Suite("Doc coverage: LossCore, Plotting and NotebookRuntime document every public symbol", .serialized)
struct DocCoverageTests {
    @Test("The reference has each module's public API, and no symbol declared there lacks a doc comment",
          arguments: ["LossCore", "Plotting", "NotebookRuntime"])
    func documented(module: String) async throws {
        let (report, output) = try await NotebookSite.shared.build().get()
        #expect(report.runs.referenceProblems.isEmpty, "\(report.runs.referenceProblems)")
        let symbols = try #require(report.runs.reference.modules.first { $0.name == module }, "no reference for \(module)").symbols
        #expect(symbols.count > 20, "a reference of \(module) with its public API")
        let undocumented = report.runs.reference.undocumented.filter { $0.file.hasPrefix("Sources/\(module)/") }
        #expect(undocumented.isEmpty, "\(undocumented.map(\.description).joined(separator: "\n"))")
        let page = try String(contentsOf: output.appendingPathComponent(APIPages.page(of: module)), encoding: .utf8)
        #expect(page.contains("<h1 id=\"\(module.lowercased())-api-reference\">\(module) API reference"))
    }

    @Test("The library's types a lesson uses have their own sections, and the search index finds them")
    func lessonTypes() async throws {
        let (_, output) = try await NotebookSite.shared.build().get()
        let losses = try String(contentsOf: output.appendingPathComponent("api/LossCore.html"), encoding: .utf8)
        for id in ["trainer", "stoppingrule", "batch", "huber", "smoothnessreport"] {
            #expect(losses.contains("<h3 id=\"\(id)\">"), "api/LossCore.html has no section #\(id)")
        }
        #expect(losses.contains("<h4 id=\"init-maxsteps-tolerance-risingsteps\"><code>init(maxSteps:tolerance:risingSteps:)</code>"))
        let plotting = try String(contentsOf: output.appendingPathComponent("api/Plotting.html"), encoding: .utf8)
        #expect(plotting.contains("<h3 id=\"figure\">"))
        let search = try String(contentsOf: output.appendingPathComponent("search-index.js"), encoding: .utf8)
        #expect(search.contains("\"page\":\"api/LossCore.html\""))
        #expect(search.contains("\"anchor\":\"stoppingrule\""))
        // A lesson's symbol link leads to the section.
        let huber = try String(contentsOf: output.appendingPathComponent("03-huber.html"), encoding: .utf8)
        #expect(huber.contains("<a class=\"symbol\" href=\"api/LossCore.html#smoothnessreport\"><code>SmoothnessReport</code></a>"))
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<a href=\"api/LossCore.html\">LossCore API reference</a>"))
    }
}
