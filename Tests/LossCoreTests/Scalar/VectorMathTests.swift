import CVectorMath
import Foundation
import LossCore
import Testing

/// How many representable numbers lie between `a` and `b` (0 when equal, NaNs equal each other).
func ulps<F: BinaryFloatingPoint>(_ a: F, _ b: F) -> Int where F.RawSignificand: FixedWidthInteger {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN ? 0 : .max }
    if a == b { return 0 }
    if a.isInfinite || b.isInfinite { return .max }
    // Count the steps from the smaller to the larger; both finite, so this ends.
    let (low, high) = a < b ? (a, b) : (b, a)
    var steps = 0
    var x = low
    while x < high, steps < 1_000 {
        x = x.nextUp
        steps += 1
    }
    return steps
}

@Suite("Vectorised exp and log1p (SLEEF) against the C library")
struct VectorMathTests {
    static let instructionSet = vectorInstructionSet

    /// Points spread over the whole useful range of each function, with the edges.
    static func points(_ lower: Double, _ upper: Double, count: Int, seed: UInt64) -> [Double] {
        var random = Xoshiro256(seed: seed)
        return (0..<count).map { _ in random.uniform(lower, upper) }
    }

    @Test("Double: within 2 ulp of glibc's exp and log1p at 20,000 points, zero to overflow and subnormals")
    func doubles() {
        var x = Self.points(-745, 709.7, count: 10_000, seed: 1) + Self.points(-1, 1, count: 5_000, seed: 2)
            + Self.points(-1e-8, 1e-8, count: 5_000, seed: 3)
        var e = x
        e.withUnsafeMutableBufferPointer { Double.formExp($0) }
        for (input, output) in zip(x, e) {
            #expect(ulps(output, Foundation.exp(input)) <= 2, "exp(\(input)) = \(output), glibc \(Foundation.exp(input)) (\(Self.instructionSet))")
        }
        x = Self.points(-0.999999, 10, count: 10_000, seed: 4) + Self.points(-1e-10, 1e-10, count: 5_000, seed: 5)
            + Self.points(0, 1.7e308, count: 5_000, seed: 6)
        var l = x
        l.withUnsafeMutableBufferPointer { Double.formLogOnePlus($0) }
        for (input, output) in zip(x, l) {
            #expect(ulps(output, Foundation.log1p(input)) <= 2, "log1p(\(input)) = \(output), glibc \(Foundation.log1p(input))")
        }
    }

    @Test("Float: within 1 ulp of the correctly rounded exp and log1p at 20,000 points")
    func floats() {
        let x = Self.points(-103, 88.7, count: 10_000, seed: 7).map(Float.init) + Self.points(-1, 1, count: 10_000, seed: 8).map(Float.init)
        var e = x
        e.withUnsafeMutableBufferPointer { Float.formExp($0) }
        for (input, output) in zip(x, e) {
            let reference = Float(Foundation.exp(Double(input)))
            #expect(ulps(output, reference) <= 1, "expf(\(input)) = \(output), reference \(reference)")
        }
        let y = Self.points(-0.9999, 3.4e38, count: 10_000, seed: 9).map(Float.init) + Self.points(-1e-6, 1e-6, count: 10_000, seed: 10).map(Float.init)
        var l = y
        l.withUnsafeMutableBufferPointer { Float.formLogOnePlus($0) }
        for (input, output) in zip(y, l) {
            let reference = Float(Foundation.log1p(Double(input)))
            #expect(ulps(output, reference) <= 1, "log1pf(\(input)) = \(output), reference \(reference)")
        }
    }

    @Test("Edges: overflow to infinity, underflow to zero, infinities, NaN, log1p(-1) and below")
    func edges() {
        var e: [Double] = [1000, -1000, .infinity, -.infinity, .nan, 0, -0.0, 709.78, -745.2]
        e.withUnsafeMutableBufferPointer { Double.formExp($0) }
        #expect(e[0] == .infinity && e[1] == 0 && e[2] == .infinity && e[3] == 0 && e[4].isNaN)
        #expect(e[5] == 1 && e[6] == 1 && e[7].isFinite && e[7] > 1.7e308 && e[8] >= 0 && e[8] < Double.leastNormalMagnitude)
        var l: [Double] = [-1, -2, .infinity, .nan, 0, 1e-300, .greatestFiniteMagnitude]
        l.withUnsafeMutableBufferPointer { Double.formLogOnePlus($0) }
        #expect(l[0] == -.infinity && l[1].isNaN && l[2] == .infinity && l[3].isNaN && l[4] == 0)
        #expect(l[5] == 1e-300 && ulps(l[6], Foundation.log1p(Double.greatestFiniteMagnitude)) <= 2)
        var large: [Double] = [1e307, 2e307, 8e307, .greatestFiniteMagnitude]
        large.withUnsafeMutableBufferPointer { Double.formLogOnePlus($0) }
        #expect(zip(large, [1e307, 2e307, 8e307, .greatestFiniteMagnitude]).allSatisfy { ulps($0, Foundation.log1p($1)) <= 2 }, "\(large)")
        var largeFloats: [Float] = [1e38, 3e38, .greatestFiniteMagnitude]
        largeFloats.withUnsafeMutableBufferPointer { Float.formLogOnePlus($0) }
        #expect(zip(largeFloats, [1e38, 3e38, Float.greatestFiniteMagnitude]).allSatisfy { ulps($0, Float(Foundation.log1p(Double($1)))) <= 1 }, "\(largeFloats)")
        var f: [Float] = [100, -110, .infinity, -.infinity, .nan, -1]
        f.withUnsafeMutableBufferPointer { Float.formExp($0) }
        #expect(f[0] == .infinity && f[1] == 0 && f[2] == .infinity && f[3] == 0 && f[4].isNaN && ulps(f[5], Float(Foundation.exp(-1.0))) <= 1)
    }

    @Test("An element's result does not depend on where it sits: full vectors and the padded tail agree", arguments: [0, 1, 3, 4, 5, 7, 8, 9, 17])
    func positions(count: Int) {
        let x = Self.points(-20, 20, count: count, seed: UInt64(100 + count))
        var whole = x
        whole.withUnsafeMutableBufferPointer { Double.formExp($0) }
        var floats = x.map(Float.init)
        floats.withUnsafeMutableBufferPointer { Float.formLogOnePlus($0) }
        for index in x.indices {
            var one = [x[index]]
            one.withUnsafeMutableBufferPointer { Double.formExp($0) }
            #expect(one[0].bitPattern == whole[index].bitPattern)
            var oneFloat = [Float(x[index])]
            oneFloat.withUnsafeMutableBufferPointer { Float.formLogOnePlus($0) }
            #expect(oneFloat[0].bitPattern == floats[index].bitPattern || (oneFloat[0].isNaN && floats[index].isNaN))
        }
    }

    @Test("Every instruction set's path (AVX-512, AVX2, SSE2, SLEEF's scalar functions) within 2 ulp of glibc, tails included",
          arguments: [lossnotebooks_isa_scalar, lossnotebooks_isa_sse2, lossnotebooks_isa_avx2, lossnotebooks_isa_avx512])
    func paths(isa: lossnotebooks_isa) {
        let x = Self.points(-700, 700, count: 1_003, seed: 12) + [1e-300, -0.0, 0]
        var e = x
        lossnotebooks_exp_double_isa(&e, e.count, isa)
        var l = x.map { $0.magnitude * 1e300 }
        lossnotebooks_log1p_double_isa(&l, l.count, isa)
        var f = x.map { Float($0 / 10) }
        lossnotebooks_exp_float_isa(&f, f.count, isa)
        var g = x.map { Float($0.magnitude / 10) }
        lossnotebooks_log1p_float_isa(&g, g.count, isa)
        for index in x.indices {
            #expect(ulps(e[index], Foundation.exp(x[index])) <= 2, "exp(\(x[index])) on \(isa)")
            #expect(ulps(l[index], Foundation.log1p(x[index].magnitude * 1e300)) <= 2, "log1p on \(isa)")
            #expect(ulps(f[index], Float(Foundation.exp(Double(Float(x[index] / 10))))) <= 1, "expf on \(isa)")
            #expect(ulps(g[index], Float(Foundation.log1p(Double(Float(x[index].magnitude / 10))))) <= 1, "log1pf on \(isa)")
        }
    }

    @Test("The instruction set is one of the four the library knows: AVX-512 on a processor that has it, else AVX2 where it is")
    func instructionSet() throws {
        #expect(["avx512", "avx2", "sse2", "scalar"].contains(Self.instructionSet))
        #if arch(x86_64)
        let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let avx2 = flags.contains(" avx2") && flags.contains(" fma")
        if avx2 && flags.contains(" avx512f") { #expect(Self.instructionSet == "avx512") }
        else if avx2 { #expect(Self.instructionSet == "avx2") }
        #endif
    }
}
