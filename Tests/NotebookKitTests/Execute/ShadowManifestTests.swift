import Foundation
import Testing
@testable import NotebookKit

@Suite("The snippet build's manifest: only the libraries snippets import")
struct ShadowManifestTests {
    /// A description as `swift package dump-package` prints it (trimmed to the fields read).
    static func description(coreSettings: String = "[]", toolDependency: String = #"{"byName": ["ArgumentParser", null]}"#) -> Data {
        Data("""
        {
          "name": "Course", "toolsVersion": {"_version": "6.0.0"}, "swiftLanguageVersions": ["6"], "platforms": [],
          "cLanguageStandard": null, "cxxLanguageStandard": null,
          "dependencies": [
            {"sourceControl": [{"identity": "swift-numerics", "location": {"remote": [{"urlString": "https://github.com/apple/swift-numerics"}]},
                                "requirement": {"range": [{"lowerBound": "1.1.1", "upperBound": "2.0.0"}]}}]},
            {"sourceControl": [{"identity": "swift-argument-parser", "location": {"remote": [{"urlString": "https://github.com/apple/swift-argument-parser"}]},
                                "requirement": {"exact": ["1.8.2"]}}]},
            {"fileSystem": [{"identity": "plots", "path": "/src/plots"}]}
          ],
          "products": [
            {"name": "Core", "targets": ["Core"], "type": {"library": ["automatic"]}},
            {"name": "Charts", "targets": ["Charts"], "type": {"library": ["automatic"]}},
            {"name": "tool", "targets": ["tool"], "type": {"executable": null}}
          ],
          "targets": [
            {"name": "Core", "type": "regular", "path": null, "exclude": ["Notes.md"], "resources": [], "settings": \(coreSettings),
             "dependencies": [{"product": ["RealModule", "swift-numerics", null, null]}, {"byName": ["Shared", null]}]},
            {"name": "Shared", "type": "regular", "path": "Sources/Common", "exclude": [], "resources": [], "settings": [], "dependencies": []},
            {"name": "Charts", "type": "regular", "exclude": [], "resources": [], "settings": [], "dependencies": [{"product": ["Plots", "plots", null, null]}]},
            {"name": "tool", "type": "executable", "exclude": [], "resources": [], "settings": [], "dependencies": [\(toolDependency), {"byName": ["Core", null]}]}
          ]
        }
        """.utf8)
    }

    @Test("Keeps the imported products, the targets they need and those targets' dependencies; drops the rest")
    func cutDown() throws {
        let manifest = try #require(ShadowManifest.make(description: Self.description(), keeping: ["Core"]))
        #expect(manifest == """
            // swift-tools-version: 6.0
            // Made by notebook from the package's Package.swift for building snippets: only the libraries they import.
            import PackageDescription

            let package = Package(
                name: "Course",
                products: [
                    .library(name: "Core", targets: ["Core"]),
                ],
                dependencies: [
                    .package(url: "https://github.com/apple/swift-numerics", "1.1.1"..<"2.0.0"),
                ],
                targets: [
                    .target(name: "Core", dependencies: [.product(name: "RealModule", package: "swift-numerics"), "Shared"], exclude: ["Notes.md"]),
                    .target(name: "Shared", dependencies: [], path: "Sources/Common"),
                ],
                swiftLanguageModes: [.version("6")]
            )

            """)
        let both = try #require(ShadowManifest.make(description: Self.description(), keeping: ["Core", "Charts"]))
        #expect(both.contains(#".package(path: "/src/plots"),"#) && both.contains(#".target(name: "Charts", dependencies: [.product(name: "Plots", package: "plots")]),"#))
        #expect(!both.contains("argument-parser") && !both.contains("\"tool\""))
    }

    @Test("A C target over a system library is kept with it: the library's pkg-config name and providers are written")
    func systemLibrary() throws {
        var text = String(decoding: Self.description(), as: UTF8.self)
        text = text.replacingOccurrences(of: #"{"byName": ["Shared", null]}]},"#, with: #"{"byName": ["Shared", null]}, {"byName": ["CMath", null]}]},"#)
        let shared = #"{"name": "Shared","#
        text = text.replacingOccurrences(of: shared, with: #"""
            {"name": "CMath", "type": "regular", "exclude": [], "resources": [], "settings": [], "dependencies": [{"byName": ["CSleef", null]}]},
            {"name": "CSleef", "type": "system", "exclude": [], "resources": [], "settings": [], "dependencies": [], "pkgConfig": "sleef",
             "providers": [{"apt": [["libsleef-dev"]]}, {"brew": [["sleef"]]}]},
            """# + shared)
        let manifest = try #require(ShadowManifest.make(description: Data(text.utf8), keeping: ["Core"]))
        #expect(manifest.contains(#".target(name: "CMath", dependencies: ["CSleef"]),"#))
        #expect(manifest.contains(#".systemLibrary(name: "CSleef", pkgConfig: "sleef", providers: [.apt(["libsleef-dev"]), .brew(["sleef"])]),"#), "\(manifest)")
        let unknown = text.replacingOccurrences(of: #"{"brew": [["sleef"]]}"#, with: #"{"nix": [["sleef"]]}"#)
        #expect(ShadowManifest.make(description: Data(unknown.utf8), keeping: ["Core"]) == nil, "a provider kind it cannot write")
    }

    @Test("A kept target with settings, or no product snippets import, gives no manifest: the package's own builds them")
    func fallsBack() {
        #expect(ShadowManifest.make(description: Self.description(coreSettings: #"[{"tool": "swift", "kind": {"define": ["FAST"]}}]"#), keeping: ["Core"]) == nil)
        #expect(ShadowManifest.make(description: Self.description(), keeping: []) == nil)
        #expect(ShadowManifest.make(description: Self.description(), keeping: ["tool"]) == nil, "an executable is not a library")
        // What only a dropped target uses does not matter.
        #expect(ShadowManifest.make(description: Self.description(toolDependency: #"{"unknownKind": 1}"#), keeping: ["Core"]) != nil)
    }
}
