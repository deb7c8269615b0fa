import Foundation

/// One of N shards of the notebooks (`notebook test --shard K/N`), for a CI job matrix: every
/// notebook is in exactly one shard, the same one on every machine given the same inputs, and
/// the shards are balanced by the notebooks' last known run times (``NotebookTimings``) when
/// they are known, else by count.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// Which shard, from 1.
    public let index: Int
    /// How many shards.
    public let count: Int

    /// Reads `K/N` with 1 ≤ K ≤ N ≤ 1000.
    /// - Throws: ``NotebookError`` naming the argument.
    public init(_ text: String) throws(NotebookError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, count <= 1000, index >= 1, index <= count else {
            throw NotebookError(file: "--shard", line: nil, "'\(text)' is not a shard such as 2/4 (K/N with 1 ≤ K ≤ N)")
        }
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    /// The notebooks of every shard, in order. The heaviest notebook goes first, each to the
    /// shard with the least weight so far (ties: the lower shard; equal weights: path order),
    /// so shards differ by at most one notebook's weight. A notebook without a known time
    /// weighs the mean of the known ones (1 when none is known).
    public static func assign(_ notebooks: [String], count: Int, times: [String: Double]) -> [[String]] {
        let known = notebooks.compactMap { times[$0] }.filter { $0.isFinite && $0 >= 0 }
        let fallback = known.isEmpty ? 1 : known.reduce(0, +) / Double(known.count)
        let weighted = Set(notebooks).map { ($0, times[$0].flatMap { $0.isFinite && $0 >= 0 ? $0 : nil } ?? fallback) }
            .sorted { ($1.1, $0.0) < ($0.1, $1.0) }
        var shards = Array(repeating: [String](), count: max(1, count))
        var loads = Array(repeating: 0.0, count: shards.count)
        for (notebook, weight) in weighted {
            let lightest = loads.indices.min { (loads[$0], $0) < (loads[$1], $1) }!
            shards[lightest].append(notebook)
            loads[lightest] += weight
        }
        return shards.map { $0.sorted() }
    }

    /// This shard's notebooks out of `notebooks`.
    public func select(_ notebooks: [String], times: [String: Double]) -> [String] {
        Self.assign(notebooks, count: count, times: times)[index - 1]
    }
}
