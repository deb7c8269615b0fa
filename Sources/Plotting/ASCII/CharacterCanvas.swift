/// A grid of characters with an optional braille layer of 2 x 4 dots per cell, for the
/// Unicode mode's finer lines.
///
/// Its loops are index loops and closures: snippets are built for debugging, where `map`, `zip`,
/// `enumerated` and arrays of tuples cost generic runtime calls for every cell or point.
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
        var offset = 0
        for character in text {
            put(character, column: column + offset, row: row)
            offset += 1
        }
    }

    /// The character at a cell.
    func character(column: Int, row: Int) -> Character {
        cells[row * width + column]
    }

    /// Sets one braille dot; dot coordinates run 0..<2·width across and 0..<4·height down.
    mutating func dot(x: Int, y: Int) {
        guard x >= 0, x < 2 * width, y >= 0, y < 4 * height else { return }
        // Braille's bit for the dot's row r (0 to 3) and column c (0, 1) within its cell: dots 1–3
        // run down the left (bits 0–2) and dots 4–6 down the right (bits 3–5); the bottom row
        // is dots 7 and 8 (bits 6 and 7).
        let r = y % 4, c = x % 2
        let bit: UInt8 = r < 3 ? 1 << (r + 3 * c) : (c == 0 ? 0x40 : 0x80)
        dots[(y / 4) * width + x / 2] |= bit
    }

    /// Draws a line between two cells with `character` (Bresenham).
    mutating func line(from a: (Int, Int), to b: (Int, Int), character: Character) {
        Self.bresenham(a, b) { x, y in put(character, column: x, row: y) }
    }

    /// Draws a line of braille dots between two dot positions.
    mutating func dotLine(from a: (Int, Int), to b: (Int, Int)) {
        Self.bresenham(a, b) { x, y in dot(x: x, y: y) }
    }

    /// The rows as strings, braille dots merged over the characters.
    func rows() -> [String] {
        var rows: [String] = []
        rows.reserveCapacity(height)
        var row = 0
        while row < height {
            var text = ""
            var column = 0
            while column < width {
                let bits = dots[row * width + column]
                text.append(bits == 0 ? cells[row * width + column] : Character(Unicode.Scalar(0x2800 + UInt32(bits))!))
                column += 1
            }
            rows.append(text)
            row += 1
        }
        return rows
    }

    /// Visits the integer points on the segment from a to b, in order; long segments are capped
    /// to stay cheap.
    static func bresenham(_ a: (Int, Int), _ b: (Int, Int), _ visit: (Int, Int) -> Void) {
        var (x0, y0) = a
        let (x1, y1) = b
        let dx = x1 > x0 ? x1 - x0 : x0 - x1, dy = y1 > y0 ? y0 - y1 : y1 - y0  // |Δx| and -|Δy|
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        var step = 0
        let steps = min(dx - dy, 100_000)
        while step <= steps {
            visit(x0, y0)
            step += 1
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
    }
}
