import Foundation
import Testing
@testable import NotebookKit

/// Every public symbol of the libraries snippets import has a doc comment: their symbol graphs
/// (`swift symbolgraph-extract`, from the modules the snippet build compiled into
/// `.build-notebooks`) list none without one.
@Suite("Doc coverage: LossCore, Plotting and NotebookRuntime document every public symbol", .serialized)
struct DocCoverageTests {
    @Test("No public symbol declared in these modules lacks a doc comment", arguments: ["LossCore", "Plotting", "NotebookRuntime"])
    func documented(module: String) async throws {
        _ = try await NotebookSite.shared.build().get()
        let scratch = packageRoot.appendingPathComponent(".build-notebooks")
        // The folder holding the compiled modules (not the exercises' shadow package), and the C
        // shims swift-numerics' modules need.
        let modules = try #require(FileManager.default.enumerator(atPath: scratch.path)?
            .compactMap { $0 as? String }.first { !$0.hasPrefix("exercises/") && $0.hasSuffix("debug/Modules/\(module).swiftmodule") }
            .map { scratch.appendingPathComponent($0).deletingLastPathComponent() }, "the snippet build did not compile \(module)")
        // `.build-notebooks/<target triple>/debug/Modules`.
        let triple = modules.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
        let shims = scratch.appendingPathComponent("checkouts/swift-numerics/Sources/_NumericsShims/include")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("symbols-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        let extracted = try runTool("/usr/bin/env", ["swift", "symbolgraph-extract", "-module-name", module, "-I", modules.path, "-I", shims.path,
                                                     "-target", triple, "-minimum-access-level", "public", "-output-dir", output.path])
        #expect(extracted.status == 0, "\(extracted.output)\(extracted.stderr)")
        let graph = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("\(module).symbols.json"))) as? [String: Any]
        let symbols = try #require(graph?["symbols"] as? [[String: Any]])
        #expect(symbols.count > 20, "a symbol graph of \(module) with its public API")
        // Symbols declared here (with a source location) and no doc comment.
        let undocumented = symbols.filter { $0["location"] != nil && $0["docComment"] == nil }.map { symbol -> String in
            let location = symbol["location"] as? [String: Any]
            let file = (location?["uri"] as? String).map { URL(string: $0)?.path ?? $0 }.map { Project.relative(URL(fileURLWithPath: $0), to: packageRoot) } ?? "?"
            let line = ((location?["position"] as? [String: Any])?["line"] as? Int).map { $0 + 1 } ?? 0
            let path = (symbol["pathComponents"] as? [String])?.joined(separator: ".") ?? "?"
            return "\(file):\(line): public \(path) has no doc comment"
        }
        #expect(undocumented.isEmpty, "\(undocumented.joined(separator: "\n"))")
    }
}
