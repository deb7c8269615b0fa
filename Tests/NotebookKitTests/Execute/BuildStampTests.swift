import Foundation
import Testing
@testable import NotebookKit

@Suite("The builds remembered: found by their sources while their products are those they wrote")
struct BuildStampTests {
    @Test("A build is found by its fingerprint, newest first, at most eight; not once an executable, a module or a resource it wrote is written again or gone")
    func history() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let scratch = folder.url.appendingPathComponent("scratch")
        let bin = scratch.appendingPathComponent("debug")
        for path in ["good", "other", "Modules/Lib.swiftmodule", "Modules/Lib.swiftdoc", "Pkg_Lib.resources/data.txt"] {
            try folder.write("scratch/debug/" + path, "first build\n")
        }
        try folder.write("scratch/debug/Lib.build/Lib.swift.o", "first build\n")
        #expect(BuildStamp.find(scratch, fingerprint: "a") == nil)
        BuildStamp(fingerprint: "a", bin: bin, errors: nil, executables: ["good", "other", "missing"]).record(scratch)
        let a = try #require(BuildStamp.find(scratch, fingerprint: "a"))
        #expect(a.products.keys.sorted() == ["Modules/Lib.swiftdoc", "Modules/Lib.swiftmodule", "Pkg_Lib.resources/data.txt", "good", "other"],
                "an executable that is not there, or an object file, is not recorded")
        #expect(BuildStamp.find(scratch, fingerprint: "b") == nil)
        // A later build of other sources that writes nothing a's build wrote: a still stands.
        BuildStamp(fingerprint: "b", bin: bin, errors: ["broken": ["error"]], executables: ["good"]).record(scratch)
        #expect(BuildStamp.find(scratch, fingerprint: "a") == a)
        #expect(BuildStamp.find(scratch, fingerprint: "b")?.errors == ["broken": ["error"]])
        // Each product written again (another size, so whatever the clock's resolution): not found.
        for path in ["other", "Modules/Lib.swiftdoc", "Pkg_Lib.resources/data.txt"] {
            let later = BuildStamp(fingerprint: "c", bin: bin, errors: nil, executables: ["good", "other"])
            #expect(later.productsUnchanged)
            try folder.write("scratch/debug/" + path, "written again, from other sources\n")
            #expect(!later.productsUnchanged, "\(path)")
        }
        #expect(BuildStamp.find(scratch, fingerprint: "a") == nil)
        #expect(BuildStamp.find(scratch, fingerprint: "b") == nil)
        // Gone: not found either.
        let now = BuildStamp(fingerprint: "d", bin: bin, errors: nil, executables: ["good"])
        try FileManager.default.removeItem(at: bin.appendingPathComponent("good"))
        #expect(!now.productsUnchanged)
        // The same sources built again take the old one's place; the oldest go past eight.
        try folder.write("scratch/debug/good", "third build\n")
        for index in 0..<10 {
            BuildStamp(fingerprint: "f\(index % 9)", bin: bin, errors: nil, executables: ["good"]).record(scratch)
        }
        #expect(BuildStamp.history(scratch).map(\.fingerprint) == ["f0", "f8", "f7", "f6", "f5", "f4", "f3", "f2"])
        // A file from before the history (one stamp, not a list) is no build at all.
        try folder.write("scratch/notebook-build-stamp.json", #"{"fingerprint":"f0","binPath":"\#(bin.path)","errors":null}"#)
        #expect(BuildStamp.history(scratch).isEmpty)
    }
}
