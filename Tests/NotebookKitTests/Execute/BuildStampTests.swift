import Foundation
import Testing
@testable import NotebookKit

@Suite("The builds remembered: found by their sources while their executables are those they wrote")
struct BuildStampTests {
    @Test("A build is found by its fingerprint, newest first, at most eight; not once an executable it wrote is written again or gone")
    func history() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let scratch = folder.url.appendingPathComponent("scratch")
        let bin = scratch.appendingPathComponent("release")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try folder.write("scratch/release/good", "first build\n")
        try folder.write("scratch/release/other", "first build\n")
        #expect(BuildStamp.find(scratch, fingerprint: "a") == nil)
        BuildStamp(fingerprint: "a", bin: bin, errors: nil, executables: ["good", "other", "missing"]).record(scratch)
        let a = try #require(BuildStamp.find(scratch, fingerprint: "a"))
        #expect(a.executables.keys.sorted() == ["good", "other"], "an executable that is not there is not recorded")
        #expect(BuildStamp.find(scratch, fingerprint: "b") == nil)
        // A later build of other sources that links only other: a's good is still its own.
        BuildStamp(fingerprint: "b", bin: bin, errors: ["broken": ["error"]], executables: ["good"]).record(scratch)
        #expect(BuildStamp.find(scratch, fingerprint: "a") == a)
        #expect(BuildStamp.find(scratch, fingerprint: "b")?.errors == ["broken": ["error"]])
        // other written again (another size, so whatever the clock's resolution): a is not found.
        try folder.write("scratch/release/other", "second build, other sources\n")
        #expect(BuildStamp.find(scratch, fingerprint: "a") == nil)
        #expect(BuildStamp.find(scratch, fingerprint: "b") != nil)
        // Gone: not found either.
        try FileManager.default.removeItem(at: bin.appendingPathComponent("good"))
        #expect(BuildStamp.find(scratch, fingerprint: "b") == nil)
        // The same sources built again take the old one's place; the oldest go past eight.
        try folder.write("scratch/release/good", "third build\n")
        for index in 0..<10 {
            BuildStamp(fingerprint: "f\(index % 9)", bin: bin, errors: nil, executables: ["good"]).record(scratch)
        }
        let history = BuildStamp.history(scratch).map(\.fingerprint)
        #expect(history == ["f0", "f8", "f7", "f6", "f5", "f4", "f3", "f2"])
        // A file from before the history (one stamp, not a list) is no build at all.
        try folder.write("scratch/notebook-build-stamp.json", #"{"fingerprint":"f0","binPath":"\#(bin.path)","errors":null}"#)
        #expect(BuildStamp.history(scratch).isEmpty)
    }
}
