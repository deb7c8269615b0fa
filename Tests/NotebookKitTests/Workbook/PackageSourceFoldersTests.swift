import Foundation
import Testing
@testable import NotebookKit

@Suite("The folders a package's build reads outside Sources/, and the fingerprint that covers them")
struct PackageSourceFoldersTests {
    @Test("Targets' custom paths and local dependencies, once each; paths under Sources/ or Snippets/ and remote dependencies are not")
    func folders() throws {
        let root = URL(fileURLWithPath: "/work/pkg")
        let description = #"""
            {"name": "P", "products": [],
             "targets": [{"name": "Lib", "path": "Lib"}, {"name": "Core", "path": "Sources/Core"}, {"name": "Plain"},
                         {"name": "Far", "path": "/elsewhere/Far"}, {"name": "Again", "path": "Lib/../Lib"}],
             "dependencies": [{"fileSystem": [{"identity": "dep", "path": "/work/Dep"}]},
                              {"sourceControl": [{"identity": "remote", "location": {"remote": [{"urlString": "https://example.com/r.git"}]}}]}]}
            """#
        let manifest = try PackageManifest(dumpPackageJSON: Data(description.utf8))
        #expect(manifest.sourceFolders(root: root).map(\.path) == ["/elsewhere/Far", "/work/Dep", "/work/pkg/Lib"])
        #expect(PackageManifest(name: "P", products: []).sourceFolders(root: root).isEmpty, "no description, no folders")
    }

    @Test("The fingerprint changes with a file in a folder outside, not with one hidden there (a dependency's .build)")
    func fingerprint() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("pkg/Package.swift", "// swift-tools-version: 6.0\n")
        try folder.write("pkg/Lib/Lib.swift", "public let x = 1\n")
        try folder.write("Dep/Sources/D/D.swift", "public let d = 1\n")
        let root = folder.url.appendingPathComponent("pkg")
        let outside = [root.appendingPathComponent("Lib"), folder.url.appendingPathComponent("Dep")]
        let before = SourceFingerprint.of(root, outside: outside)
        #expect(SourceFingerprint.of(root) != before)
        try folder.write("Dep/.build/debug/D.o", "object\n")
        #expect(SourceFingerprint.of(root, outside: outside) == before, "hidden folders are not sources")
        try folder.write("Dep/Sources/D/D.swift", "public let d = 22\n")
        let edited = SourceFingerprint.of(root, outside: outside)
        #expect(edited != before)
        try folder.write("pkg/Lib/Lib.swift", "public let x = 333\n")
        #expect(SourceFingerprint.of(root, outside: outside) != edited)
    }
}
