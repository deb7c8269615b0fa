// LossBench: loss kernels, training epochs and site builds, each against a baseline measured in
// the same run (the machine is shared and noisy, so only ratios are meaningful).
//
//     swift run -c release loss-bench            # kernels, bandwidth, numpy, training
//     swift run -c release loss-bench --site     # also: notebook build cold / warm / incremental
//     swift run -c release loss-bench --scale    # also: 100- and 1,000-notebook books
//     swift run -c release loss-bench --markdown # only: the Markdown stage against cmark-gfm
//         (LOSSBENCH_DUMP=FILE also writes our page, to check that a change keeps it byte for byte)
//     swift run -c release loss-bench --jupyter  # only: six lessons against jupyter nbconvert --execute
//     swift run -c release loss-bench --only cce-logits --quick --no-numpy   # one kernel, for profiling
import Foundation
import LossCore

let arguments = Set(CommandLine.arguments.dropFirst())
/// `--only NAME`: one kernel (for profiling it), and nothing else.
let only = CommandLine.arguments.firstIndex(of: "--only").flatMap { CommandLine.arguments.dropFirst($0 + 1).first }
let quick = arguments.contains("--quick")
let sizes = quick ? [1_000_000] : [1_000_000, 10_000_000]
let repeats = quick ? 3 : 7
if arguments.contains("--markdown") {
    try MarkdownBench.run(sections: quick ? 500 : 7_000, repeats: quick ? 1 : 7)
    exit(0)
}

// MARK: Site builds

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let notebook = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("notebook")

/// Runs `notebook` with arguments; returns its wall time, peak RSS (KiB) and output.
func runNotebook(_ arguments: [String], in directory: URL) -> (seconds: Double, peakKiB: Int, output: String) {
    let process = Process()
    process.executableURL = notebook
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    let start = DispatchTime.now().uptimeNanoseconds
    try! process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    var status: Int32 = 0
    var usage = rusage()
    wait4(process.processIdentifier, &status, 0, &usage)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return (seconds, usage.ru_maxrss, String(decoding: data, as: UTF8.self))
}

/// The seconds of a `--timings` phase line (`  run: 1.234 s`).
func phaseSeconds(_ name: String, in output: String) -> Double? {
    output.split(separator: "\n").lazy.compactMap { line -> Double? in
        let text = line.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("\(name): "), text.hasSuffix(" s") else { return nil }
        return Double(text.dropFirst(name.count + 2).dropLast(2))
    }.first
}

/// The six lessons that `Benchmarks/nbconvert/` mirrors in Python, run by `notebook build` (snippets
/// already compiled, every one run: `--no-cache`) and by `jupyter nbconvert --execute`'s engine
/// (`run_lessons.py`: one process, a fresh kernel per notebook, as nbconvert does).
func jupyterComparison(output: URL) {
    let lessons = ["02-mse-outliers", "03-huber", "04-gradient-descent", "06-classification", "07-custom-losses", "08-kl-divergence"]
    print("\nThe six lessons of Benchmarks/nbconvert against jupyter nbconvert --execute (same work in numpy)")
    var runs: [Double] = []
    for _ in 0..<3 {
        let swift = runNotebook(["build", "--no-cache", "--timings", "--output", output.path, "--package-path", root.path] + lessons, in: root)
        if let run = phaseSeconds("run", in: swift.output) { runs.append(run) }
    }
    guard let ours = runs.min() else {
        print("notebook build gave no run time")
        return
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", root.appendingPathComponent("Benchmarks/nbconvert/run_lessons.py").path, "--repeats", "3"]
    let pipe = Pipe()
    process.standardOutput = pipe
    let errors = Pipe()
    process.standardError = errors
    guard (try? process.run()) != nil else { return print("python3 could not be started") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0, let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
        let total = json["total"] as? Double
    else {
        let reason = problems.split(separator: "\n").last { !$0.contains("without encryption") } ?? "exit \(process.terminationStatus)"
        return print("nbconvert not measured: \(reason)")
    }
    let version = json["nbconvert"] as? String ?? "?"
    print("notebook build, run stage (best of 3; debug snippets, two at a time)  \(format(ours, 2)) s, \(format(ours / 6, 2)) s per notebook")
    print("nbconvert \(version) (best of 3 per notebook, one at a time)        \(format(total, 2)) s, \(format(total / 6, 2)) s per notebook")
    print("ratio \(format(total / ours, 1))x faster per notebook (goal 10x)")
}

if arguments.contains("--jupyter") {
    // Only the comparison with Jupyter, after a build that compiles the snippets.
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("bench-site-\(UUID().uuidString)")
    _ = runNotebook(["build", "--output", output.path, "--package-path", root.path], in: root)
    jupyterComparison(output: output)
    try? FileManager.default.removeItem(at: output)
    exit(0)
}

/// The best of `repeats` timings of `body`, in seconds.
func best(_ repeats: Int, _ body: () -> Void) -> Double {
    var fastest = Double.infinity
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return fastest
}

func format(_ value: Double, _ decimals: Int = 2) -> String { String(format: "%.\(decimals)f", value) }

/// numpy's timings for the same kernels, from the script beside this benchmark.
func numpyTimings() -> [String: Double] {
    guard !arguments.contains("--no-numpy") else { return [:] }
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("numpy_losses.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path, "--sizes", sizes.map(String.init).joined(separator: ","), "--repeats", "\(repeats)"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return [:] }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (try? JSONSerialization.jsonObject(with: data)) as? [String: Double] ?? [:]
}

struct KernelResult {
    let name: String
    let type: String
    let n: Int
    let seconds: Double
    let bytes: Double
}

func kernels<T: LossScalar>(_: T.Type, n: Int, typeName: String) -> (copy: Double, read: Double, results: [KernelResult]) {
    var random = Xoshiro256(seed: 1)
    let target = (0..<n).map { _ in T(random.nextUnit() > 0.5 ? 1 : 0) }
    let prediction = (0..<n).map { _ in T(random.normal()) }
    var gradient = [T](repeating: 0, count: n)
    let size = Double(MemoryLayout<T>.size)
    // Baselines on the same buffers: a copy (read + write) and a read.
    let copy = best(repeats) {
        prediction.withUnsafeBufferPointer { p in gradient.withUnsafeMutableBufferPointer { g in _ = g.update(fromContentsOf: p) } }
    }
    var sink: T = 0
    let read = best(repeats) {
        prediction.withUnsafeBufferPointer { p in
            var s: T = 0
            for x in p { s += x }
            sink += s
        }
    }
    func run<L: Loss>(_ name: String, _ loss: L, columns: Int = 1) -> KernelResult? {
        if let only, only != name { return nil }
        let seconds = best(repeats) {
            target.withUnsafeBufferPointer { t in
                prediction.withUnsafeBufferPointer { p in
                    gradient.withUnsafeMutableBufferPointer { g in
                        sink += loss.valueAndGradient(target: t, prediction: p, gradient: g, columns: columns)
                    }
                }
            }
        }
        return KernelResult(name: name, type: typeName, n: n, seconds: seconds, bytes: 3 * Double(n) * size)
    }
    let results = [
        run("mse", MeanSquaredError()),
        run("huber", try! Huber()),
        run("log-cosh", LogCosh()),
        run("bce-logits", try! BinaryCrossentropy(fromLogits: true)),
        run("cce-logits", try! CategoricalCrossentropy(fromLogits: true), columns: 10),
    ].compactMap { $0 }
    if sink == .infinity { print("") }  // keep the work observable
    return (2 * Double(n) * size / copy, Double(n) * size / read, results)
}

print("LossBench (release build), best of \(repeats) runs; ratios compare timings taken in this run.\n")
let numpy = numpyTimings()
print("Loss kernels: value + gradient in one pass (3 arrays touched per element)")
print("kernel       type    n         ns/elem   GB/s    vs copy   vs numpy")
for n in sizes {
    for (typeName, result) in [("float32", kernels(Float.self, n: n, typeName: "float32")), ("float64", kernels(Double.self, n: n, typeName: "float64"))] {
        print("copy         \(typeName) \(n)  bandwidth \(format(result.copy / 1e9)) GB/s; read \(format(result.read / 1e9)) GB/s")
        for kernel in result.results {
            let rate = kernel.bytes / kernel.seconds
            let numpyTime = numpy["\(kernel.name)/\(kernel.type)/\(kernel.n)"]
            let versus = numpyTime.map { "\(format($0 / kernel.seconds, 1))x faster" } ?? "-"
            let name = kernel.name.padding(toLength: 12, withPad: " ", startingAt: 0)
            let nanoseconds: Double = kernel.seconds / Double(n) * 1e9
            let share: Double = 100 * rate / result.copy
            let columns: [String] = [name, typeName, "\(n)", format(nanoseconds, 3), format(rate / 1e9), "\(format(share, 0))%", versus]
            print(columns.joined(separator: "  "))
        }
    }
}

if only != nil { exit(0) }

print("\nTraining: one epoch of batch gradient descent (value and exact gradient of the objective)")
let houses = try RegressionData<Double>.housePrices(count: 1_000_000, seed: 1)
let linear = LinearRegression<Double>(features: 1)
let linearObjective = try Objective(loss: MeanSquaredError(), inputs: houses.inputs, targets: houses.targets, model: linear)
let linearEpoch = best(repeats) { _ = linearObjective.valueAndGradient(linear) }
func center(_ k: Int) -> [Double] {
    (0..<20).map { (j: Int) -> Double in Double((j * 7 + k * 3) % 11) / 3 }
}
let centers: [[Double]] = (0..<10).map(center)
let blobs = try ClassificationData<Double>.blobs(centers: centers, counts: Array(repeating: 10_000, count: 10), seed: 2)
let softmax = SoftmaxRegression<Double>(features: 20, classes: 10)
let softmaxObjective = try Objective(loss: try CategoricalCrossentropy(fromLogits: true), inputs: blobs.inputs, targets: blobs.oneHotTargets, model: softmax)
let softmaxEpoch = best(repeats) { _ = softmaxObjective.valueAndGradient(softmax) }
for (name, seconds) in [("linear-epoch", linearEpoch), ("softmax-epoch", softmaxEpoch)] {
    let versus = numpy[name].map { "numpy \(format($0 * 1000)) ms, ratio \(format($0 / seconds, 2))x" } ?? "numpy not run"
    print("\(name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(format(seconds * 1000)) ms   (\(versus))")
}

print("\nCustom loss: one epoch of linear regression with the cautious loss (over-prediction costs 9x),")
print("its derivative written by hand against derived by automatic differentiation (Dual2)")
let handWritten = CustomLoss(name: "cautious", value: { r in r > 0 ? 9 * r * r : r * r },
                             derivative: { r in r > 0 ? 18 * r : 2 * r }, secondDerivative: { r in r > 0 ? 18 : 2 })
let derived = CustomLoss(name: "cautious", formula: { r in r > 0 ? 9.0 * r * r : r * r })
let handObjective = try Objective(loss: handWritten, inputs: houses.inputs, targets: houses.targets, model: linear)
let derivedObjective = try Objective(loss: derived, inputs: houses.inputs, targets: houses.targets, model: linear)
let handEpoch = best(repeats) { _ = handObjective.valueAndGradient(linear) }
let derivedEpoch = best(repeats) { _ = derivedObjective.valueAndGradient(linear) }
print("hand-written   \(format(handEpoch * 1000)) ms")
print("derived        \(format(derivedEpoch * 1000)) ms   (\(format(derivedEpoch / handEpoch, 2))x the hand-written; goal at most 2x)")

func phases(_ output: String) -> String {
    output.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.hasSuffix(" s") }.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
}

if arguments.contains("--site") {
    try MarkdownBench.run(sections: 7_000, repeats: 7)
    print("\nSite build of Notebooks/ (release notebook binary; snippets are built by SwiftPM in debug)")
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("bench-site-\(UUID().uuidString)")
    let cache = root.appendingPathComponent(".notebook-cache")
    _ = runNotebook(["build", "--output", output.path, "--package-path", root.path], in: root)
    try? FileManager.default.removeItem(at: cache)
    try? FileManager.default.removeItem(at: root.appendingPathComponent(".build-notebooks/notebook-build-stamp.json"))
    let cold = runNotebook(["build", "--timings", "--output", output.path, "--package-path", root.path], in: root)
    print("cold (no cache)        \(format(cold.seconds, 3)) s   \(phases(cold.output))")
    var warmTimes: [Double] = []
    var warm = cold
    for _ in 0..<5 {
        warm = runNotebook(["build", "--timings", "--output", output.path, "--package-path", root.path], in: root)
        warmTimes.append(warm.seconds)
    }
    print("warm (nothing changed) \(format(warmTimes.min()! * 1000, 1)) ms (best of 5)   \(phases(warm.output))")
    // Change one snippet's code (restored afterwards): only it is rebuilt and rerun.
    let snippet = root.appendingPathComponent("Snippets/kl_divergence.swift")
    let original = try String(contentsOf: snippet, encoding: .utf8)
    try (original + "\nlet benchmarkMarker = \"\(UUID().uuidString)\"\n").write(to: snippet, atomically: true, encoding: .utf8)
    let incremental = runNotebook(["build", "--timings", "--explain", "--output", output.path, "--package-path", root.path], in: root)
    try original.write(to: snippet, atomically: true, encoding: .utf8)
    let reran = incremental.output.split(separator: "\n").filter { $0.contains(": ran:") }.map { $0.trimmingCharacters(in: .whitespaces) }
    print("incremental (one snippet changed) \(format(incremental.seconds, 3)) s   \(phases(incremental.output)); reran: \(reran)")
    jupyterComparison(output: output)
    try? FileManager.default.removeItem(at: output)
}

if arguments.contains("--scale") {
    print("\nScale: generated books, 10 references per notebook to one small snippet")
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("bench-book-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: root.appendingPathComponent("Tests/NotebookKitTests/Fixtures/DocTestPackage"), to: base)
    try FileManager.default.removeItem(at: base.appendingPathComponent("Notebooks"))
    try FileManager.default.removeItem(at: base.appendingPathComponent("Snippets/broken.swift"))
    for count in [100, 1000] {
        let folder = base.appendingPathComponent("Notebooks")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 0..<count {
            var text = "# Notebook \(index)\n\n"
            for reference in 0..<10 { text += "## Part \(reference)\n\nProse about losses.\n\n@Snippet(path: \"LossNotebooks/Snippets/good\", slice: \"main\")\n\n" }
            try text.write(to: folder.appendingPathComponent("n\(index).md"), atomically: true, encoding: .utf8)
        }
        _ = runNotebook(["build", "--package-path", base.path], in: base)
        let measured = runNotebook(["build", "--timings", "--package-path", base.path], in: base)
        print("\(count) notebooks: \(format(measured.seconds, 2)) s, \(format(measured.seconds / Double(count) * 1000, 2)) ms per page, peak RSS \(measured.peakKiB / 1024) MiB")
    }
    try? FileManager.default.removeItem(at: base)
}
