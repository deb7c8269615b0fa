import Foundation
import Testing
@testable import NotebookKit

@Suite("Where SwiftPM put the products: its debug link, without starting SwiftPM again")
struct BinPathTests {
    @Test("The debug link is followed, relative or absolute; a dangling link or one to a file is not")
    func linkedProducts() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let scratch = folder.url.appendingPathComponent("scratch")
        let products = scratch.appendingPathComponent("x86_64-unknown-linux-gnu/debug")
        try FileManager.default.createDirectory(at: products, withIntermediateDirectories: true)
        let link = scratch.appendingPathComponent("debug")
        #expect(SnippetBuilder.linkedProducts(scratch) == nil)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "x86_64-unknown-linux-gnu/debug")
        #expect(SnippetBuilder.linkedProducts(scratch)?.path == products.standardizedFileURL.path)
        try FileManager.default.removeItem(at: link)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: products.path)
        #expect(SnippetBuilder.linkedProducts(scratch)?.path == products.standardizedFileURL.path)
        try FileManager.default.removeItem(at: link)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "nowhere/debug")
        #expect(SnippetBuilder.linkedProducts(scratch) == nil)
        try FileManager.default.removeItem(at: link)
        try folder.write("scratch/file", "not a folder\n")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "file")
        #expect(SnippetBuilder.linkedProducts(scratch) == nil)
    }

    @Test("After a build the products folder comes from the link and is remembered for the toolchain")
    func remembered() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        // No Package.swift here: asking SwiftPM would fail and give no folder.
        let scratch = folder.url.appendingPathComponent("scratch")
        let products = scratch.appendingPathComponent("x86_64-unknown-linux-gnu/debug")
        try FileManager.default.createDirectory(at: products, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.appendingPathComponent("debug").path, withDestinationPath: "x86_64-unknown-linux-gnu/debug")
        let builder = try SnippetBuilder(root: folder.url, scratch: scratch)
        #expect(try builder.binPath(in: folder.url).path == products.standardizedFileURL.path)
        let memo = try String(contentsOf: scratch.appendingPathComponent("notebook-bin-path.txt"), encoding: .utf8)
        #expect(memo == SHA256.hex(Data(builder.toolchainVersion().utf8)) + "\n" + products.standardizedFileURL.path)
        // The memo answers even when the link is gone.
        try FileManager.default.removeItem(at: scratch.appendingPathComponent("debug"))
        #expect(try builder.binPath(in: folder.url).path == products.standardizedFileURL.path)
    }
}
