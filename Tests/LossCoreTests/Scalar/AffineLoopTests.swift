import CVectorMath
import Testing
@testable import LossCore

/// The affine models' loops on `Double`s, in C (`affine_loops.c`), held bit for bit to the Swift
/// loops they replaced, written out here as the generic code writes them.
@Suite("The affine loops in C: the Swift loops' additions in the Swift loops' order")
struct AffineLoopTests {
    static func forward(_ xs: [Double], _ n: Int, _ inputs: Int, _ outputs: Int, _ p: [Double]) -> [Double] {
        var zs = [Double](repeating: .nan, count: n * outputs)
        let biasStart = inputs * outputs
        for i in 0..<n {
            for k in 0..<outputs { zs[i * outputs + k] = p[biasStart + k] }
            for j in 0..<inputs {
                let xij = xs[i * inputs + j]
                for k in 0..<outputs { zs[i * outputs + k] += xij * p[j * outputs + k] }
            }
        }
        return zs
    }

    static func accumulate(_ xs: [Double], _ n: Int, _ inputs: Int, _ outputs: Int, _ gs: [Double], _ start: [Double]) -> [Double] {
        var r = start
        let biasStart = inputs * outputs
        if outputs == 1, inputs == 1 {
            var weight = 0.0, bias = 0.0
            for i in 0..<n {
                weight += xs[i] * gs[i]
                bias += gs[i]
            }
            r[0] += weight
            r[1] += bias
            return r
        }
        for i in 0..<n {
            for k in 0..<outputs { r[biasStart + k] += gs[i * outputs + k] }
            for j in 0..<inputs {
                let xij = xs[i * inputs + j]
                for k in 0..<outputs { r[j * outputs + k] += xij * gs[i * outputs + k] }
            }
        }
        return r
    }

    @Test("Scores and gradient sums equal the Swift loops bit for bit: one feature, one output, several of each, extremes",
          arguments: [(1, 1), (5, 1), (1, 3), (4, 3), (20, 10)])
    func sameBits(shape: (Int, Int)) {
        let (inputs, outputs) = shape
        var random = Xoshiro256(seed: UInt64(inputs * 100 + outputs))
        let n = 257
        let extremes: [Double] = [1e300, -1e300, 1e-300, -0.0, 0.1, 1 / 3]
        func values(_ count: Int) -> [Double] {
            (0..<count).map { $0 < extremes.count && $0 % 7 == 0 ? extremes[$0 % extremes.count] : random.uniform(-1e3, 1e3) * random.uniform(0, 1) }
        }
        let xs = values(n * inputs), p = values(inputs * outputs + outputs), gs = values(n * outputs), start = values(inputs * outputs + outputs)
        var zs = [Double](repeating: .nan, count: n * outputs)
        var r = start
        xs.withUnsafeBufferPointer { x in
            p.withUnsafeBufferPointer { pp in
                zs.withUnsafeMutableBufferPointer { DoubleKernels.forward(x, rows: n, inputs: inputs, outputs: outputs, parameters: pp, into: $0) }
            }
            gs.withUnsafeBufferPointer { g in
                r.withUnsafeMutableBufferPointer { DoubleKernels.accumulate(x, rows: n, inputs: inputs, outputs: outputs, gradient: g, into: $0) }
            }
        }
        let expectedZ = Self.forward(xs, n, inputs, outputs, p), expectedR = Self.accumulate(xs, n, inputs, outputs, gs, start)
        #expect(zip(zs, expectedZ).allSatisfy { $0.bitPattern == $1.bitPattern })
        #expect(zip(r, expectedR).allSatisfy { $0.bitPattern == $1.bitPattern })
    }
}
