import Testing
@testable import Plotting

@Suite("Number formatting and ticks")
struct NumberFormatTests {
    @Test("Tick labels carry no float noise")
    func noNoise() {
        let ticks = Ticks.linear(0, 1, target: 10)
        #expect(ticks.labels == ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0"])
        #expect(Ticks.linear(-0.3, 0.3, target: 6).labels == ["-0.3", "-0.2", "-0.1", "0.0", "0.1", "0.2", "0.3"])
        #expect(NumberFormat.fixed(0.1 + 0.2, decimals: 1) == "0.3")
        #expect(NumberFormat.fixed(-0.0001, decimals: 2) == "0.00")
        #expect(NumberFormat.fixed(-2.5, decimals: 0) == "-3")
        #expect(NumberFormat.fixed(0.05, decimals: 3) == "0.050")
    }

    @Test("Nice 1-2-5 steps")
    func niceSteps() {
        #expect(Ticks.linear(0, 100, target: 5).values == [0, 20, 40, 60, 80, 100])
        #expect(Ticks.linear(0, 7, target: 6).values == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(Ticks.linear(0, 23, target: 5).values == [0, 5, 10, 15, 20])
        #expect(Ticks.linear(1e6, 5e6, target: 4).labels == ["1e6", "2e6", "3e6", "4e6", "5e6"])
        #expect(Ticks.linear(0, 3e-6, target: 3).labels == ["0", "1e-6", "2e-6", "3e-6"])
    }

    @Test("Log axes: decades, thinned over huge ranges")
    func logTicks() {
        #expect(Ticks.log(1, 1000).labels == ["1", "10", "100", "1000"])
        #expect(Ticks.log(0.001, 0.1).labels == ["0.001", "0.01", "0.1"])
        let huge = Ticks.log(1e-300, 1e300, target: 6)
        #expect(huge.values.count >= 3 && huge.values.count <= 7)
        #expect(huge.labels.allSatisfy { $0.hasPrefix("1e") || $0 == "1" }, "\(huge.labels)")
        #expect(huge.labels.first == "1e-300")
        // Less than a decade falls back to linear ticks inside it.
        #expect(Ticks.log(2, 5).values.count >= 2)
    }

    @Test("SVG coordinates: the fast form is the two-decimal form without trailing zeros, digit for digit")
    func svgNumbers() {
        var values: [Double] = [0, -0, 0.004, -0.004, 0.005, -0.005, 0.01, -0.01, 0.1, 0.5, 1, -1, 12.5, -12.5, 3.14159, 99.995,
                                100, 1e13, -1e13, 89_999_999_999_999.99, 9e13, 1e300, -1e300, .nan, .infinity, -.infinity, .ulpOfOne]
        var state: UInt64 = 7
        for _ in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) / Double(1 << 53)
            values.append((unit - 0.5) * [1e-3, 1, 100, 1e4, 1e9][Int(state % 5)])
        }
        let differing = values.filter { SVGText.number($0) != NumberFormat.trimZeros(NumberFormat.fixed($0, decimals: 2)) }
        #expect(differing.isEmpty, "\(differing.prefix(5).map { "\($0): \(SVGText.number($0))" })")
    }

    @Test("Short and exponent forms")
    func short() {
        #expect(NumberFormat.short(0.005095) == "0.005095")
        #expect(NumberFormat.short(31.0) == "31")
        #expect(NumberFormat.short(1234.5678) == "1235")
        #expect(NumberFormat.short(1e300) == "1e300")
        #expect(NumberFormat.short(-2.5e-7) == "-2.5e-7")
        #expect(NumberFormat.exponent(9.9996e5) == "1e6")
        #expect(NumberFormat.short(.nan) == "NaN")
    }
}
