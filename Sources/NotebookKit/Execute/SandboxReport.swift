import Foundation

/// What `notebook-sandbox --report FILE` (or `--probe`) wrote: the protections it could not
/// give, the cgroups it made and the limits they saw hit.
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
    /// Protections that are off (`protection NAME off REASON`), as `NAME: REASON`; the network
    /// when the notebook allowed it is not missing.
    let missingProtections: [String]

    init(_ text: String) {
        var hits: [String] = []
        var groups: [Cgroup] = []
        var missing: [String] = []
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ", maxSplits: 3).map(String.init)
            if words.count == 2, words[0] == "limit" { hits.append(words[1]) }
            let cgroup = line.split(separator: " ", maxSplits: 2).map(String.init)  // the folder may hold spaces
            if cgroup.count == 3, cgroup[0] == "cgroup", cgroup[2].hasPrefix("/sys/fs/cgroup/") {
                groups.append(Cgroup(kind: cgroup[1], folder: URL(fileURLWithPath: cgroup[2])))
            }
            if words.count >= 3, words[0] == "protection", words[2] == "off" {
                let reason = words.count > 3 ? words[3] : "not available"
                if reason != "allowed by the notebook" { missing.append("\(words[1]): \(reason)") }
            }
        }
        limitsHit = hits
        cgroups = groups
        missingProtections = missing
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
