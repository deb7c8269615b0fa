// swift-tools-version: 6.0
// A package that is not LossNotebooks, with two library products, for `notebook init`'s
// end-to-end test: init, then build, test and walk its notebooks. Shapes is at a path of its
// own (not under Sources/), as some packages have it: an edit there must be built.
import PackageDescription

let package = Package(
    name: "GeometryKit",
    products: [
        .library(name: "Shapes", targets: ["Shapes"]),
        .library(name: "Units", targets: ["Units"]),
    ],
    targets: [
        .target(name: "Shapes", path: "Geometry/Shapes"),
        .target(name: "Units"),
    ]
)
