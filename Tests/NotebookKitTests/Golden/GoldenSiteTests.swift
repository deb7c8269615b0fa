import Foundation
import NotebookRuntime
import Testing
@testable import NotebookKit

/// The golden book: a frozen copy of the curriculum's notebooks and snippet sources, their
/// recorded runs (`runs/NAME.json`), and an edge-case notebook with a failing cell. Rendering
/// it must give the same bytes as the digests in `golden.sha256`: the site (every page, the
/// index, the search index) and every notebook's terminal walkthrough.
///
/// No process starts: the runs are read from the fixture. After a deliberate change to the
/// output, regenerate the digests with `UPDATE_GOLDENS=1 swift test --filter GoldenSite`; on a
/// mismatch the rendered files are left in a temporary folder whose path the failure names.
@Suite("Golden site: the renderers' output, byte for byte")
struct GoldenSiteTests {
    static let book = packageRoot.appendingPathComponent("Tests/NotebookKitTests/Fixtures/GoldenBook")

    @Test("The golden book renders to the recorded bytes")
    func goldenBytes() throws {
        let files = try GoldenBook.render(Self.book)
        let manifest = files.keys.sorted().map { "\(SHA256.hex($0 == "" ? Data() : files[$0]!))  \($0)" }.joined(separator: "\n") + "\n"
        let golden = Self.book.appendingPathComponent("golden.sha256")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try manifest.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        if manifest != expected {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("golden-site-\(UUID().uuidString)")
            for (path, data) in files {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            let want = Set(expected.split(separator: "\n").map(String.init))
            let differing = manifest.split(separator: "\n").filter { !want.contains(String($0)) }.map { $0.split(separator: " ").last ?? "" }
            Issue.record("rendered files differ from golden.sha256: \(differing.joined(separator: ", ")); the output is in \(folder.path)")
        }
    }
}
