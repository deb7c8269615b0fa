// swift-tools-version: 6.0
// A package with two exercises, for `notebook exercise`'s end-to-end tests: start, check, watch,
// list, grade, the site's --solutions modes and the walkthrough's keys. Its `Grading` library
// writes checks the way NotebookRuntime does, so that the package builds in seconds.
import PackageDescription

let package = Package(
    name: "ExerciseKit",
    products: [.library(name: "Grading", targets: ["Grading"])],
    targets: [.target(name: "Grading")]
)
