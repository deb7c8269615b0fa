import Foundation

/// What `notebook-sandbox --report FILE` wrote: the cgroups it made and the limits they saw hit.
struct SandboxReport {
    /// One cgroup: its kind (`pids`, `memory`, or `v2` for both) and folder.
    struct Cgroup {
        let kind: String
        let folder: URL
    }

    /// Limits the launcher found hit (`processes`, `memory`).
    let limitsHit: [String]
    /// The run's cgroups.
    let cgroups: [Cgroup]

    init(_ text: String) {
        var hits: [String] = []
        var groups: [Cgroup] = []
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ", maxSplits: 2).map(String.init)
            if words.count == 2, words[0] == "limit" { hits.append(words[1]) }
            if words.count == 3, words[0] == "cgroup", words[2].hasPrefix("/sys/fs/cgroup/") {
                groups.append(Cgroup(kind: words[1], folder: URL(fileURLWithPath: words[2])))
            }
        }
        limitsHit = hits
        cgroups = groups
    }

    /// The limits the cgroups recorded as hit (read by the runner when the launcher could not).
    func cgroupLimitsHit() -> [String] {
        func number(after key: String, in file: URL) -> Int {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { return 0 }
            for line in text.split(separator: "\n") where line.hasPrefix(key + " ") {
                return Int(line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)) ?? 0
            }
            return 0
        }
        var hits: [String] = []
        for group in cgroups {
            if group.kind != "memory", number(after: "max", in: group.folder.appendingPathComponent("pids.events")) > 0 { hits.append("processes") }
            let memoryFile = group.kind == "v2" ? "memory.events" : "memory.oom_control"
            if group.kind != "pids", number(after: "oom_kill", in: group.folder.appendingPathComponent(memoryFile)) > 0 { hits.append("memory") }
        }
        return hits
    }

    /// Removes the cgroups once their processes are gone (the kernel ends them with the
    /// snippet's PID namespace; that can take a moment).
    func removeCgroups() {
        for group in cgroups where FileManager.default.fileExists(atPath: group.folder.path) {
            for _ in 0..<100 {
                if rmdir(group.folder.path) == 0 || errno == ENOENT { break }
                usleep(10_000)
            }
        }
    }
}
