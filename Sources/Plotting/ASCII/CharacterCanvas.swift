/// A grid of characters with an optional braille layer of 2 x 4 dots per cell, for the
/// Unicode mode's finer lines.
struct CharacterCanvas {
    let width: Int
    let height: Int
    private(set) var cells: [Character]
    private var dots: [UInt8]

    init(width: Int, height: Int) {
        self.width = max(1, width)
        self.height = max(1, height)
        cells = Array(repeating: " ", count: self.width * self.height)
        dots = Array(repeating: 0, count: self.width * self.height)
    }

    /// Puts a character at a cell (ignored outside the canvas); it replaces any braille there.
    mutating func put(_ character: Character, column: Int, row: Int) {
        guard column >= 0, column < width, row >= 0, row < height else { return }
        cells[row * width + column] = character
        dots[row * width + column] = 0
    }

    /// Writes text from a cell rightwards, clipped at the edge.
    mutating func write(_ text: String, column: Int, row: Int) {
        for (offset, character) in text.enumerated() {
            put(character, column: column + offset, row: row)
        }
    }

    /// The character at a cell.
    func character(column: Int, row: Int) -> Character {
        cells[row * width + column]
    }

    /// Sets one braille dot; dot coordinates run 0..<2·width across and 0..<4·height down.
    mutating func dot(x: Int, y: Int) {
        guard x >= 0, x < 2 * width, y >= 0, y < 4 * height else { return }
        // Braille bit for (column within cell, row within cell).
        let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
        dots[(y / 4) * width + x / 2] |= bits[y % 4][x % 2]
    }

    /// Draws a line between two cells with `character` (Bresenham).
    mutating func line(from a: (Int, Int), to b: (Int, Int), character: Character) {
        for (x, y) in Self.bresenham(a, b) { put(character, column: x, row: y) }
    }

    /// Draws a line of braille dots between two dot positions.
    mutating func dotLine(from a: (Int, Int), to b: (Int, Int)) {
        for (x, y) in Self.bresenham(a, b) { dot(x: x, y: y) }
    }

    /// The rows as strings, braille dots merged over the characters.
    func rows() -> [String] {
        (0..<height).map { row in
            String((0..<width).map { column -> Character in
                let bits = dots[row * width + column]
                guard bits != 0 else { return cells[row * width + column] }
                return Character(Unicode.Scalar(0x2800 + UInt32(bits))!)
            })
        }
    }

    /// Integer points on the segment from a to b; long segments are capped to stay cheap.
    static func bresenham(_ a: (Int, Int), _ b: (Int, Int)) -> [(Int, Int)] {
        var (x0, y0) = a
        let (x1, y1) = b
        let dx = x1 > x0 ? x1 - x0 : x0 - x1, dy = y1 > y0 ? y0 - y1 : y1 - y0  // |Δx| and -|Δy|
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        var points: [(Int, Int)] = []
        for _ in 0...(min(dx - dy, 100_000)) {
            points.append((x0, y0))
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * error
            if e2 >= dy {
                error += dy
                x0 += sx
            }
            if e2 <= dx {
                error += dx
                y0 += sy
            }
        }
        return points
    }
}
