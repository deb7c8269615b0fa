import Foundation

/// How long each notebook's snippets took to run the last time they ran, in seconds, kept in the
/// cache folder (`timings.json`) so that shards balance by time. Written after `notebook test`
/// and `notebook build`; a CI matrix whose jobs restore the same cache shards the same way.
public enum NotebookTimings {
    /// The file, in `cacheFolder`.
    public static func file(in cacheFolder: URL) -> URL { cacheFolder.appendingPathComponent("timings.json") }

    /// The recorded times, or none.
    public static func read(from cacheFolder: URL) -> [String: Double] {
        guard let data = try? Data(contentsOf: file(in: cacheFolder)),
              let times = try? JSONDecoder().decode([String: Double].self, from: data) else { return [:] }
        return times
    }

    /// Merges `times` into the file (a notebook's newer time replaces its older one).
    public static func record(_ times: [String: Double], in cacheFolder: URL) {
        guard !times.isEmpty else { return }
        var all = read(from: cacheFolder)
        all.merge(times) { _, new in new }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try? FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
        try? encoder.encode(all).write(to: file(in: cacheFolder), options: .atomic)
    }

    /// Each notebook's run time from its executed cells: the seconds of the runs it owns. A
    /// cached result keeps the time of the run that made it.
    public static func times(of notebooks: [ExecutedNotebook]) -> [String: Double] {
        var result: [String: Double] = [:]
        for notebook in notebooks {
            result[notebook.document.path] = notebook.owningCells.compactMap { $0.result?.run.seconds }.reduce(0, +)
        }
        return result
    }
}
