import CVectorMath
import RealModule

/// Writes the value and the slope of each of `count` `Double` elements, as a non-generic function
/// (see ``ElementwiseLoss/doubleBlockKernel``).
public typealias DoubleBlockKernel = (
    _ target: UnsafePointer<Double>, _ prediction: UnsafePointer<Double>, _ count: Int,
    _ values: UnsafeMutablePointer<Double>, _ derivatives: UnsafeMutablePointer<Double>
) -> Void

/// Non-generic `Double` forms of the training loop's per-element work.
///
/// Code built without optimisation (the snippets' debug builds) runs LossCore's generic loops
/// unspecialised: each `+` or `*` on a `T` is a witness-table call, each copy of a `T` a
/// value-witness call, each literal a metadata lookup, some hundreds of instructions per element.
/// The generic kernels check `T.self == Double.self` once per call (once per block of rows, not
/// per element) and come here, where the same operations run in the same order on `Double`s:
/// the results are bit for bit those of the generic code (`DoubleKernelTests`).
@usableFromInline
enum DoubleKernels {
    @inlinable @inline(__always)
    static func cast<T>(_ buffer: UnsafeBufferPointer<T>) -> UnsafeBufferPointer<Double> {
        unsafeBitCast(buffer, to: UnsafeBufferPointer<Double>.self)
    }

    @inlinable @inline(__always)
    static func cast<T>(_ buffer: UnsafeMutableBufferPointer<T>) -> UnsafeMutableBufferPointer<Double> {
        unsafeBitCast(buffer, to: UnsafeMutableBufferPointer<Double>.self)
    }

    /// ``elementRows(_:target:prediction:gradient:perSample:weights:columns:scale:)`` called from
    /// generic code whose scalar the caller has found to be `Double`: the buffers are cast in and
    /// the total out.
    @inlinable
    static func elementRows<T>(
        _ kernel: DoubleBlockKernel, of target: UnsafeBufferPointer<T>, prediction: UnsafeBufferPointer<T>,
        gradient: UnsafeMutableBufferPointer<T>, perSample: UnsafeMutableBufferPointer<T>?,
        weights: UnsafeBufferPointer<T>?, columns: Int, scale: T
    ) -> T {
        // `if let` rather than Optional.map, which would look up generic metadata on every call.
        var doublePerSample: UnsafeMutableBufferPointer<Double>?, doubleWeights: UnsafeBufferPointer<Double>?
        if let perSample { doublePerSample = cast(perSample) }
        if let weights { doubleWeights = cast(weights) }
        let total = elementRows(
            kernel, target: cast(target), prediction: cast(prediction), gradient: cast(gradient),
            perSample: doublePerSample, weights: doubleWeights, columns: columns, scale: unsafeBitCast(scale, to: Double.self))
        return unsafeBitCast(total, to: T.self)
    }

    /// ``AffineMap/lossAndGradient(_:inputs:targets:weights:parameters:scale:)`` on `Double`s: the
    /// same blocks, kernels and order of additions, without generic slices and closures per block.
    /// Inlinable, so that a caller that knows the loss gets it specialised, and the loss's
    /// `rows` with it: compiled once for any loss, it called `rows` through the protocol
    /// unspecialised, with a value-witness call per element (the softmax epoch: 101 ms).
    @inlinable
    static func affineLossAndGradient<L: Loss>(
        _ loss: L, inputs: Int, outputs: Int, x: [Double], rows: Int, y: [Double], weights: [Double]?,
        parameters: [Double], scale: Double
    ) -> (total: Double, gradient: [Double]) {
        var result = [Double](repeating: 0, count: inputs * outputs + outputs)
        let rowsPerBlock = max(1, 512 / max(inputs, outputs))
        let blockSize = rowsPerBlock * outputs
        var total = 0.0
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 2 * blockSize)
        defer { scratch.deallocate() }
        func blocks(_ w: UnsafePointer<Double>?) {
            parameters.withUnsafeBufferPointer { p in
            x.withUnsafeBufferPointer { xs in
                y.withUnsafeBufferPointer { ys in
                    result.withUnsafeMutableBufferPointer { r in
                        var start = 0
                        while start < rows {
                            let count = min(rowsPerBlock, rows - start)
                            let z = UnsafeMutableBufferPointer(start: scratch, count: count * outputs)
                            let g = UnsafeMutableBufferPointer(start: scratch + blockSize, count: count * outputs)
                            let block = UnsafeBufferPointer(start: xs.baseAddress! + start * inputs, count: count * inputs)
                            let targets = UnsafeBufferPointer(start: ys.baseAddress! + start * outputs, count: count * outputs)
                            forward(block, rows: count, inputs: inputs, outputs: outputs, parameters: p, into: z)
                            if let w {
                                total += loss.rows(target: targets, prediction: UnsafeBufferPointer(z), gradient: g, perSample: nil,
                                                   weights: UnsafeBufferPointer(start: w + start, count: count),
                                                   columns: outputs, scale: scale)
                            } else {
                                total += loss.rows(target: targets, prediction: UnsafeBufferPointer(z), gradient: g, perSample: nil,
                                                   weights: nil, columns: outputs, scale: scale)
                            }
                            accumulate(block, rows: count, inputs: inputs, outputs: outputs, gradient: UnsafeBufferPointer(g), into: r)
                            start += count
                        }
                    }
                }
            }
            }
        }
        if let weights {
            weights.withUnsafeBufferPointer { blocks($0.baseAddress) }
        } else {
            blocks(nil)
        }
        return (total, result)
    }

    /// ``AffineMap/forward(_:rows:parameters:into:)`` on `Double`s, in C (`affine_loops.c`:
    /// the Swift loops' additions in their order; a debug build of C runs them about 2.5 times as
    /// fast as one of Swift).
    @usableFromInline
    static func forward(
        _ xs: UnsafeBufferPointer<Double>, rows n: Int, inputs: Int, outputs: Int,
        parameters p: UnsafeBufferPointer<Double>, into zs: UnsafeMutableBufferPointer<Double>
    ) {
        guard n > 0, let xs = xs.baseAddress, let p = p.baseAddress, let zs = zs.baseAddress else { return }
        lossnotebooks_affine_forward(xs, n, inputs, outputs, p, zs)
    }

    /// ``AffineMap/accumulate(_:rows:gradient:into:)`` on `Double`s, in C like ``forward(_:rows:inputs:outputs:parameters:into:)``.
    @usableFromInline
    static func accumulate(
        _ xs: UnsafeBufferPointer<Double>, rows n: Int, inputs: Int, outputs: Int,
        gradient gs: UnsafeBufferPointer<Double>, into r: UnsafeMutableBufferPointer<Double>
    ) {
        guard n > 0, let xs = xs.baseAddress, let gs = gs.baseAddress, let r = r.baseAddress else { return }
        lossnotebooks_affine_accumulate(xs, n, inputs, outputs, gs, r)
    }

    /// ``ElementwiseLoss/elementRows(target:prediction:gradient:perSample:weights:columns:scale:)``
    /// on `Double`s, with the loss's block kernel: each chunk's values go to scratch memory and its
    /// slopes to `gradient`, then they are summed and scaled with the generic loop's additions in
    /// the generic loop's order (four running sums; the last `count % 4` elements into the first).
    @usableFromInline
    static func elementRows(
        _ kernel: DoubleBlockKernel,
        target: UnsafeBufferPointer<Double>, prediction: UnsafeBufferPointer<Double>,
        gradient: UnsafeMutableBufferPointer<Double>, perSample: UnsafeMutableBufferPointer<Double>?,
        weights: UnsafeBufferPointer<Double>?, columns: Int, scale: Double
    ) -> Double {
        let columns = max(1, columns)
        let inverse = 1 / Double(columns)
        let count = prediction.count
        guard count > 0, let target = target.baseAddress, let prediction = prediction.baseAddress,
            let gradient = gradient.baseAddress
        else { return 0 }
        let perSample = perSample?.baseAddress, weights = weights?.baseAddress
        // Whole rows per chunk; a multiple of 4 elements in the flat case.
        let rowsPerChunk = max(1, kernelBlockElements / columns)
        let chunk = rowsPerChunk * columns
        let values = UnsafeMutablePointer<Double>.allocate(capacity: min(chunk, count))
        defer { values.deallocate() }
        if columns == 1, weights == nil, perSample == nil {
            var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
            let grouped = count - count % 4
            var start = 0
            while start < count {
                let n = min(chunk, count - start)
                let g = gradient + start
                kernel(target + start, prediction + start, n, values, g)
                let groupEnd = min(n, grouped - start)
                var k = 0
                while k + 4 <= groupEnd {
                    s0 += values[k]
                    s1 += values[k + 1]
                    s2 += values[k + 2]
                    s3 += values[k + 3]
                    g[k] = scale * g[k]
                    g[k + 1] = scale * g[k + 1]
                    g[k + 2] = scale * g[k + 2]
                    g[k + 3] = scale * g[k + 3]
                    k += 4
                }
                while k < n {
                    s0 += values[k]
                    g[k] = scale * g[k]
                    k += 1
                }
                start += n
            }
            return (s0 + s1) + (s2 + s3)
        }
        var total = 0.0
        let rows = count / columns
        var row = 0
        while row < rows {
            let chunkRows = min(rowsPerChunk, rows - row)
            kernel(target + row * columns, prediction + row * columns, chunkRows * columns, values, gradient + row * columns)
            var offset = 0
            while offset < chunkRows {
                var weight = 1.0
                if let weights { weight = weights[row + offset] }
                let gradientScale = scale * weight * inverse
                var sum = 0.0
                var k = offset * columns
                while k < (offset + 1) * columns {
                    sum += values[k]
                    gradient[row * columns + k] = gradientScale * gradient[row * columns + k]
                    k += 1
                }
                let rowValue = weight * sum * inverse
                perSample?[row + offset] = rowValue
                total += rowValue
                offset += 1
            }
            row += chunkRows
        }
        return total
    }

    /// ``Trainer``'s update on `Double`s: the same formulas, in the same order.
    static func update(
        rule: Optimizer.Rule, learningRate: Double, step: Int, parameters: inout [Double], gradient g: [Double],
        first: inout [Double], second: inout [Double]
    ) {
        let eta = learningRate
        let count = g.count
        switch rule {
        case .plain:
            var i = 0
            while i < count {
                parameters[i] -= eta * g[i]
                i += 1
            }
        case let .momentum(beta):
            var i = 0
            while i < count {
                first[i] = beta * first[i] + g[i]
                parameters[i] -= eta * first[i]
                i += 1
            }
        case let .adam(b1, b2, e):
            let c1 = 1 - Double.pow(b1, step)
            let c2 = 1 - Double.pow(b2, step)
            var i = 0
            while i < count {
                first[i] = b1 * first[i] + (1 - b1) * g[i]
                second[i] = b2 * second[i] + (1 - b2) * g[i] * g[i]
                let mHat = first[i] / c1
                let vHat = second[i] / c2
                parameters[i] -= eta * mHat / (vHat.squareRoot() + e)
                i += 1
            }
        }
    }

    /// ``Trainer``'s scaled Euclidean norm on `Double`s.
    static func norm(_ v: [Double]) -> Double {
        // max(largest, |x|), as Swift.max writes it.
        // Index loops: `for x in v` would run IndexingIterator<[Double]> unspecialised.
        var largest = 0.0
        var i = 0
        while i < v.count {
            let a = v[i].magnitude
            largest = a >= largest ? a : largest
            i += 1
        }
        guard largest > 0, largest.isFinite else { return largest }
        var sum = 0.0
        i = 0
        while i < v.count {
            sum = sum + (v[i] / largest) * (v[i] / largest)
            i += 1
        }
        return largest * sum.squareRoot()
    }

    /// Whether every element is finite.
    static func allFinite(_ v: [Double]) -> Bool {
        var i = 0
        while i < v.count {
            if !v[i].isFinite { return false }
            i += 1
        }
        return true
    }
}
