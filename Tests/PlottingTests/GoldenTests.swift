import Testing
import Plotting

@Suite("Golden figures: SVG and ASCII")
struct GoldenTests {
    static let figures: [(String, Figure)] = [
        ("huber", Figures.huberSmallMultiple), ("losses", Figures.lossComparison), ("scatter", Figures.scatterFit),
        ("training", Figures.trainingCurve), ("surface", Figures.surface),
    ]

    @Test("ASCII and Unicode renderings match their golden files", arguments: figures.map(\.0))
    func text(name: String) throws {
        let figure = Self.figures.first { $0.0 == name }!.1
        let width = name == "huber" ? 96 : 72
        try expectGolden(ASCIIRenderer(width: width, height: 14, mode: .ascii).render(figure), "\(name).ascii.txt")
        try expectGolden(ASCIIRenderer(width: width, height: 14, mode: .unicode).render(figure), "\(name).unicode.txt")
    }

    @Test("SVG renderings match their golden files", arguments: figures.map(\.0))
    func svg(name: String) throws {
        let figure = Self.figures.first { $0.0 == name }!.1
        try expectGolden(SVGRenderer().render(figure, id: name), "\(name).svg")
    }
}
