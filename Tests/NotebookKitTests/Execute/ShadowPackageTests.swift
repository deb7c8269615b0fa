import Foundation
import Testing
@testable import NotebookKit

@Suite("The shadow package that builds snippets: links to the package's entries")
struct ShadowPackageTests {
    @Test("After the package moves, each link points at the package's new place, not its old one")
    func moved() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        for root in ["old", "new"] {
            try folder.write("\(root)/Package.swift", "// \(root)\n")
            try folder.write("\(root)/Sources/Core/Core.swift", "let place = \"\(root)\"\n")
        }
        let shadow = folder.url.appendingPathComponent("scratch/snippets/package")
        try ShadowPackage(root: folder.url.appendingPathComponent("old"), folder: shadow).link()
        #expect(folder.read("scratch/snippets/package/Sources/Core/Core.swift") == "let place = \"old\"\n")
        // The scratch folder stays (a package folder moved or copied with its build).
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("old"))
        try ShadowPackage(root: folder.url.appendingPathComponent("new"), folder: shadow).link()
        #expect(folder.read("scratch/snippets/package/Sources/Core/Core.swift") == "let place = \"new\"\n")
        #expect(folder.read("scratch/snippets/package/Package.swift") == "// new\n")
        let destination = try FileManager.default.destinationOfSymbolicLink(atPath: shadow.appendingPathComponent("Sources").path)
        #expect(destination == folder.url.appendingPathComponent("new/Sources").path)
    }
}
