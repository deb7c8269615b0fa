// swift-tools-version: 6.0
// A small package for NotebookKit's doc-test tests: snippets that pass, crash, fail, print
// random numbers and do not compile. It depends on nothing so that it builds quickly.
import PackageDescription

let package = Package(
    name: "LossNotebooks",
    targets: [.target(name: "Empty")]
)
