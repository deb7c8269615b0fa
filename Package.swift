// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "LossNotebooks",
    products: [
        .library(name: "LossCore", targets: ["LossCore"]),
        .library(name: "Plotting", targets: ["Plotting"]),
        .library(name: "NotebookRuntime", targets: ["NotebookRuntime"]),
        .library(name: "NotebookKit", targets: ["NotebookKit"]),
        .executable(name: "notebook", targets: ["notebook"]),
        .executable(name: "notebook-sandbox", targets: ["notebook-sandbox"]),
        .executable(name: "loss-bench", targets: ["loss-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .target(
            name: "LossCore",
            dependencies: ["CVectorMath", .product(name: "RealModule", package: "swift-numerics")]
        ),
        .systemLibrary(
            name: "CSleef",
            pkgConfig: "sleef",
            providers: [.apt(["libsleef-dev"])]
        ),
        .target(name: "CVectorMath", dependencies: ["CSleef"]),
        .target(name: "Plotting"),
        .target(
            name: "Support",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "NotebookRuntime",
            dependencies: ["Plotting"]
        ),
        .target(
            name: "NotebookKit",
            dependencies: ["CCmarkGFM", "Plotting", "NotebookRuntime", "Support"]
        ),
        .executableTarget(name: "notebook-sandbox"),
        .executableTarget(name: "loss-bench", dependencies: ["LossCore", "NotebookKit", "CCmarkGFM"], path: "Benchmarks/LossBench"),
        .target(
            name: "NotebookServer",
            dependencies: ["NotebookKit", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .target(
            name: "LossCLI",
            dependencies: ["LossCore", "Support"]
        ),
        .executableTarget(
            name: "notebook",
            dependencies: [
                "LossCore", "LossCLI", "NotebookKit", "NotebookServer", "notebook-sandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "FixtureSupport", path: "Tests/FixtureSupport"),
        .testTarget(name: "LossCoreTests", dependencies: ["LossCore", "CVectorMath", "Support"]),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "NotebookRuntimeTests", dependencies: ["NotebookRuntime", "Plotting", "NotebookKit"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"], exclude: ["Fixtures"]),
        .testTarget(
            name: "NotebookKitTests",
            dependencies: ["NotebookKit", "NotebookRuntime", "Plotting", "notebook-sandbox", "CCmarkGFM", "FixtureSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "NotebookCLITests", dependencies: ["notebook", "NotebookRuntime", "Plotting", "FixtureSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "LossCLITests",
            dependencies: ["LossCLI", "LossCore"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
