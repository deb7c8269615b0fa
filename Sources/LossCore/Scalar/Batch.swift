/// A batch of samples: a row-major matrix with one row per sample.
///
/// LossCore follows Keras's shape conventions. A 1-D array of `n` numbers is `n` samples of one
/// element each (``init(_:)``); a 2-D array is one row per sample. Pointwise losses average over
/// a row's elements; categorical losses treat the columns as classes.
public struct Batch<T: LossScalar>: Equatable, Sendable {
    /// Number of samples.
    public let rows: Int
    /// Elements per sample (classes, for categorical losses).
    public let columns: Int
    /// The elements, row after row (`rows * columns` of them).
    public var values: [T]

    /// A batch from row-major storage.
    /// - Throws: ``LossError/shapeMismatch(argument:expected:found:)`` when `values.count != rows * columns`.
    public init(rows: Int, columns: Int, values: [T], argument: String = "values") throws {
        guard rows >= 0, columns >= 0, values.count == rows * columns else {
            throw LossError.shapeMismatch(
                argument: argument, expected: "\(rows) x \(columns) = \(rows * columns) elements",
                found: "\(values.count)")
        }
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// `n` samples of one element each (a 1-D array, as Keras reads it).
    public init(_ vector: [T]) {
        rows = vector.count
        columns = 1
        values = vector
    }

    /// A batch from nested rows, all of the same length.
    /// - Throws: ``LossError/shapeMismatch(argument:expected:found:)`` for ragged rows.
    public init(rows nested: [[T]], argument: String = "values") throws {
        let width = nested.first?.count ?? 0
        let (values, ragged) = T.self == Double.self
            ? unsafeBitCast(DoubleKernels.flatten(unsafeBitCast(nested, to: [[Double]].self)), to: ([T], Int?).self)
            : Self.flatten(nested, width: width)
        if let ragged {
            throw LossError.shapeMismatch(
                argument: "\(argument)[\(ragged)]", expected: "\(width) elements (as row 0)", found: "\(nested[ragged].count)")
        }
        rows = nested.count
        columns = width
        self.values = values
    }

    /// The rows one after the other, or the index of the first row whose length is not `width`.
    /// (``DoubleKernels/flatten(_:)`` is its `Double` form.)
    private static func flatten(_ nested: [[T]], width: Int) -> (values: [T], ragged: Int?) {
        var values: [T] = []
        values.reserveCapacity(nested.count * width)
        // Index loops: a debug build (snippets) runs them without generic sequence machinery.
        var index = 0
        while index < nested.count {
            let row = nested[index]
            guard row.count == width else { return ([], index) }
            values += row
            index += 1
        }
        return (values, nil)
    }

    /// A batch of zeros.
    public init(zerosRows rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        values = Array(repeating: 0, count: rows * columns)
    }

    /// Element at a row and column.
    @inlinable
    public subscript(row: Int, column: Int) -> T {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// One sample's elements.
    public func row(_ index: Int) -> ArraySlice<T> {
        values[(index * columns)..<((index + 1) * columns)]
    }

    /// The rows as nested arrays.
    public var nestedRows: [[T]] {
        (0..<rows).map { Array(row($0)) }
    }

    /// The shape as text, `rows x columns`.
    public var shapeDescription: String { "\(rows) x \(columns)" }
}
