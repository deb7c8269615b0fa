import RealModule

/// xoshiro256** (Blackman & Vigna): LossCore's seeded generator. The same seed gives the same
/// numbers on every platform and every run, unlike the system generator.
public struct Xoshiro256: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64

    /// A generator whose state is filled from `seed` by ``SplitMix64``.
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        s0 = seeder.next()
        s1 = seeder.next()
        s2 = seeder.next()
        s3 = seeder.next()
    }

    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    /// A uniform double in [0, 1) from the top 53 bits (portable, unlike `Double.random(in:using:)`,
    /// whose algorithm the standard library may change).
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in [lower, upper).
    public mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * nextUnit()
    }

    /// A standard normal sample by the Box-Muller transform.
    public mutating func normal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        let u1 = 1 - nextUnit()  // in (0, 1], so the logarithm is finite
        let u2 = nextUnit()
        let radius = (-2 * Double.log(u1)).squareRoot()
        return mean + standardDeviation * radius * Double.cos(2 * Double.pi * u2)
    }

    /// `count` normal draws at once (numpy's `rng.normal(size=count)`): the same numbers, in
    /// the same order, as `count` calls of ``normal(mean:standardDeviation:)``.
    public mutating func normal(count: Int, mean: Double = 0, standardDeviation: Double = 1) -> [Double] {
        var draws: [Double] = []
        draws.reserveCapacity(max(0, count))
        // An index loop: `(0..<count).map` in a debug build (snippets) looks up generic
        // metadata for every element.
        while draws.count < count { draws.append(normal(mean: mean, standardDeviation: standardDeviation)) }
        return draws
    }

    /// A uniform integer in 0..<bound, without modulo bias (Lemire's method).
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold {
                product = next().multipliedFullWidth(by: b)
            }
        }
        return Int(product.high)
    }

    /// Shuffles `array` in place by Fisher-Yates with this generator; unlike the standard
    /// library's `shuffle(using:)`, the algorithm is ours and fixed, so orders are reproducible.
    public mutating func shuffle<E>(_ array: inout [E]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, nextInt(below: i + 1))
        }
    }
}
