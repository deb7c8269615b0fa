import Foundation
import Testing
@testable import Plotting

@Suite("Figures in JSON: packed numbers, exact and fast")
struct PackedDoublesTests {
    @Test("Series and heat maps round-trip exactly, NaN, infinities and -0 included")
    func roundTrip() throws {
        let odd = [0, -0.0, 1.5, -1e-300, 1e300, .infinity, -.infinity, .leastNonzeroMagnitude, 0.1 + 0.2]
        let series = Series("s", kind: .scatter, x: odd, y: odd.reversed())
        let back = try JSONDecoder().decode(Series.self, from: JSONEncoder().encode(series))
        #expect(back == series)
        #expect(back.x[1].sign == .minus, "-0 keeps its sign")
        let withNaN = Series(x: [.nan, 1], y: [2, .nan])
        let decoded = try JSONDecoder().decode(Series.self, from: JSONEncoder().encode(withNaN))
        #expect(decoded.x[0].isNaN && decoded.y[1].isNaN && decoded.x[1] == 1)
        let map = HeatMap(x: [0, 1], y: [0, 1, 2], values: [1, 2, 3, 4, 5, .nan], style: .contours, label: "L", logValues: true)
        let mapBack = try JSONDecoder().decode(HeatMap.self, from: JSONEncoder().encode(map))
        #expect(mapBack.x == map.x && mapBack.y == map.y && mapBack.values[..<5] == map.values[..<5] && mapBack.values[5].isNaN)
        #expect(mapBack.style == .contours && mapBack.label == "L" && mapBack.logValues)
    }

    @Test("The numbers are one base64 string each; plain arrays are still read; a bad string is an error")
    func format() throws {
        let json = String(decoding: try JSONEncoder().encode(Series(x: [1, 2], y: [3, 4])), as: UTF8.self)
        #expect(json.contains(#""x":"AAAAAAAA8D8AAAAAAAAAQA==""#), "\(json)")
        let plain = try JSONDecoder().decode(Series.self, from: Data(#"{"label":"a","kind":"line","x":[1,2],"y":[3,4]}"#.utf8))
        #expect(plain == Series("a", x: [1, 2], y: [3, 4]))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Series.self, from: Data(#"{"label":"a","kind":"line","x":"AAAA","y":[3]}"#.utf8))
        }
    }

    @Test("Base64 without Foundation: the text Foundation writes for every length to 96, read back; malformed text refused (more strictly than Foundation, which reads \"====\" as nothing)")
    func base64() throws {
        var state: UInt32 = 12345
        for length in 0...96 {
            for _ in 0..<8 {
                let bytes = (0..<length).map { _ in
                    state = state &* 1_664_525 &+ 1_013_904_223
                    return UInt8(truncatingIfNeeded: state >> 24)
                }
                let text = Base64.encode(bytes)
                #expect(text == Data(bytes).base64EncodedString())
                #expect(Base64.decode(text) == bytes)
            }
        }
        for bad in ["A", "AB", "ABC", "A===", "====", "AB=A", "A*CD", "AB C", "ABCD=", "AB==ABCD", "AB=\u{0}", "AR==", "ABD=", "ÄBCD"] {
            #expect(Base64.decode(bad) == nil, "\(bad)")
        }
        #expect(Base64.decode("") == [] && Base64.decode("AA==") == [0] && Base64.decode("AAA=") == [0, 0])
    }
}
