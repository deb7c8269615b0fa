import Foundation

/// What a snippet may use: the limits `notebook-sandbox` enforces, and whether it may reach the
/// network. The defaults are far above what a lesson needs; a notebook raises them in its front
/// matter (`memory:`, `processes:`, `output-files:`, `network:`).
public struct SandboxLimits: Sendable, Equatable, Hashable {
    /// Bytes of address space (the memory a snippet can allocate).
    public var memory: UInt64
    /// Processes and threads.
    public var processes: Int
    /// Bytes in one file written.
    public var fileSize: UInt64
    /// Files open at once.
    public var openFiles: Int
    /// Whether TCP connections and a network namespace of its own are allowed.
    public var network: Bool

    /// Limits; by default 2 GiB of memory, 256 processes and threads, 256 MiB per file written,
    /// 1,024 open files and no network.
    public init(memory: UInt64 = 2 << 30, processes: Int = 256, fileSize: UInt64 = 256 << 20, openFiles: Int = 1024, network: Bool = false) {
        self.memory = memory
        self.processes = processes
        self.fileSize = fileSize
        self.openFiles = openFiles
        self.network = network
    }

    /// The limits that hold for every one of several notebooks' requests: the largest of each, and
    /// the network when any asks for it.
    public static func union(_ all: [SandboxLimits]) -> SandboxLimits {
        guard var result = all.first else { return SandboxLimits() }
        for limits in all.dropFirst() {
            result.memory = max(result.memory, limits.memory)
            result.processes = max(result.processes, limits.processes)
            result.fileSize = max(result.fileSize, limits.fileSize)
            result.openFiles = max(result.openFiles, limits.openFiles)
            result.network = result.network || limits.network
        }
        return result
    }

    /// CPU seconds for a run with this wall-clock `timeout`: eight busy threads for all of it, a
    /// backstop that the time limit normally reaches first.
    static func cpuSeconds(timeout: Double) -> Int {
        max(60, Int((timeout * 8).rounded(.up)))
    }

    /// The arguments that give `notebook-sandbox` these limits.
    func arguments(timeout: Double) -> [String] {
        ["--memory", String(memory), "--processes", String(processes), "--cpu", String(Self.cpuSeconds(timeout: timeout)),
         "--file-size", String(fileSize), "--open-files", String(openFiles)] + (network ? ["--network"] : [])
    }

    /// A size in words: `2 GiB`, `512 MiB`, `1.5 GiB`, `100 bytes`.
    public static func size(_ bytes: UInt64) -> String {
        for (unit, scale) in [("GiB", UInt64(1) << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes >= scale {
            let value = Double(bytes) / Double(scale)
            let text = value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
            return "\(text) \(unit)"
        }
        return "\(bytes) bytes"
    }

    /// Parses a size such as `512 MiB`, `4 GiB`, `100KiB` or `1048576`.
    /// - Returns: the bytes, or nil when the text is not such a size.
    public static func parseSize(_ text: String) -> UInt64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        let scales: [String: Double] = ["": 1, "B": 1, "bytes": 1, "KiB": 1024, "MiB": 1_048_576, "GiB": 1_073_741_824, "TiB": 1_099_511_627_776]
        guard let number = Double(digits), number > 0, let scale = scales[unit] else { return nil }
        let bytes = number * scale
        guard bytes >= 1, bytes < 1e18 else { return nil }
        return UInt64(bytes.rounded())
    }
}

/// Which of the sandbox's protections this machine gives (`notebook-sandbox --probe`).
public struct SandboxProtections: Sendable, Equatable {
    /// Protections that are off, each with the reason (`processes: running as root without ...`).
    public var missing: [String]

    /// Reads the `protection NAME on|off REASON` lines of a report.
    init(report: String) {
        missing = SandboxReport(report).missingProtections
    }
}
