import NotebookRuntime
import Testing
@testable import NotebookKit

@Suite("Prose values: {{name}} and {{name:format}}")
struct ProseValuesTests {
    @Test("Placeholders: names of letters, digits, '_', '.', '-', with an optional format")
    func placeholders() {
        let found = ProseValues.placeholders(in: "a {{x}} b {{ y.z:%.2f }} {{not valid}} {{}} {{w-1}}")
        #expect(found.map(\.name) == ["x", "y.z", "w-1"])
        #expect(found.map(\.format) == [nil, "%.2f", nil])
        #expect(ProseValues.placeholders(in: "{{open").isEmpty)
    }

    @Test("Formats: %.Nf, %.Ne, %.Ng, %d; text as is; bad formats are errors")
    func formats() throws {
        #expect(try ProseValues.format(.number(2.345678), nil) == "2.34568")
        #expect(try ProseValues.format(.number(2.345678), "%.2f") == "2.35")
        #expect(try ProseValues.format(.number(12345), "%.1e") == "1.2e+04")
        #expect(try ProseValues.format(.number(0.000123456), "%.3g") == "0.000123")
        #expect(try ProseValues.format(.number(41.6), "%d") == "42")
        #expect(try ProseValues.format(.number(.infinity), "%d") == "inf")
        #expect(try ProseValues.format(.text("Huber"), nil) == "Huber")
        #expect(throws: ProseValues.FormatError.self) { try ProseValues.format(.text("Huber"), "%.1f") }
        #expect(throws: ProseValues.FormatError.self) { try ProseValues.format(.number(1), "%s") }
        #expect(throws: ProseValues.FormatError.self) { try ProseValues.format(.number(1), "%.18f") }
        #expect(throws: ProseValues.FormatError.self) { try ProseValues.format(.number(1), "%3d") }
    }

    @Test("Filling: values formatted, unknown or unformattable ones marked missing, text kept")
    func fill() {
        let values: [String: RecordedValue] = ["a": .number(1.5), "t": .text("x")]
        #expect(ProseValues.fill("A {{a:%.2f}}, {{b}} and {{t:%.1f}}.", values: values) == [
            .text("A "), .value(name: "a", formatted: "1.50"), .text(", "), .missing(name: "b"), .text(" and "), .missing(name: "t"), .text("."),
        ])
        #expect(ProseValues.fill("", values: values) == [.text("")])
        #expect(ProseValues.fill("{{a}}", values: values) == [.value(name: "a", formatted: "1.5")])
    }

    @Test("Problems: unknown names only when every snippet ran; format errors always")
    func problems() {
        let values: [String: RecordedValue] = ["slope": .number(2)]
        let unknown = ProseValues.problems(in: "{{slop}}", line: 3, file: "Notebooks/n.md", values: values, complete: true)
        #expect(unknown.map(\.description) == ["Notebooks/n.md:3: unknown value '{{slop}}'; did you mean 'slope'? Or record it in a snippet with record(\"slop\", value)"])
        #expect(ProseValues.problems(in: "{{slop}}", line: 3, file: "n.md", values: values, complete: false).isEmpty)
        #expect(ProseValues.problems(in: "{{x}}", line: 1, file: "n.md", values: [:], complete: true).map(\.message)
            == ["unknown value '{{x}}'; the notebook's snippets record no values"])
        #expect(ProseValues.problems(in: "{{slope:%q}}", line: 1, file: "n.md", values: values, complete: false).count == 1)
    }
}
