import Foundation

/// Every process below `pid`, from `/proc/PID/task/*/children`, children first.
func descendants(of pid: Int32) -> [Int32] {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
    let children = tasks.flatMap { task in
        ((try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? "").split(separator: " ").compactMap { Int32($0) }
    }
    return children + children.flatMap { descendants(of: $0) }
}

/// Whether `pid` runs (a zombie, ended and waiting for its parent, does not).
func running(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return false }
    return stat[stat.index(close, offsetBy: 2)] != "Z"
}

/// The program name of `pid` (`/proc/PID/comm`, at most 15 characters).
func command(_ pid: Int32) -> String {
    ((try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Whether `condition` holds within `seconds`, asked every 100 ms.
func within(_ seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition() {
        if Date() >= deadline { return false }
        Thread.sleep(forTimeInterval: 0.1)
    }
    return true
}

/// `pid`'s threads and their signal state (`/proc/PID/task/*/status`: blocked, ignored, caught
/// and pending signals), for a failure message about a process that did not stop.
func signalState(_ pid: Int32) -> String {
    let tasks = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []).sorted()
    return tasks.map { task in
        let status = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8)) ?? ""
        let fields = status.split(separator: "\n").filter { ["Name:", "State:", "SigPnd:", "ShdPnd:", "SigBlk:", "SigIgn:", "SigCgt:"].contains(where: $0.hasPrefix) }
        return "\(task): " + fields.map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: ", ")
    }.joined(separator: "\n")
}

/// The processor time `pid` has used, in seconds (`/proc/PID/stat`: user and system time in
/// clock ticks of 1/100 s), or nil when it has ended.
func processorSeconds(_ pid: Int32) -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return nil }
    // After the name: state is field 3, utime field 14, stime field 15.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / 100
}
