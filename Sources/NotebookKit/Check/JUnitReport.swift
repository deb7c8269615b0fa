/// JUnit XML for CI dashboards: one test suite per notebook, one test case per snippet run
/// and per check.
public enum JUnitReport {
    /// The XML document.
    public static func xml(_ report: DocTest.Report) -> String {
        let escape: (String) -> String = HTML.escape
        var suites: [String: [DocTest.Case]] = [:]
        var order: [String] = []
        for testCase in report.cases {
            if suites[testCase.notebook] == nil { order.append(testCase.notebook) }
            suites[testCase.notebook, default: []].append(testCase)
        }
        let total = report.cases.count
        let failed = report.cases.filter { $0.failure != nil }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"notebook test\" tests=\"\(total)\" failures=\"\(failed)\">\n"
        for notebook in order {
            let cases = suites[notebook] ?? []
            let suiteFailures = cases.filter { $0.failure != nil }.count
            xml += "  <testsuite name=\"\(escape(notebook))\" tests=\"\(cases.count)\" failures=\"\(suiteFailures)\">\n"
            for testCase in cases {
                let time = NumberText.seconds(testCase.seconds)
                xml += "    <testcase classname=\"\(escape(notebook))\" name=\"\(escape(testCase.name))\" time=\"\(time)\""
                if let failure = testCase.failure {
                    xml += ">\n      <failure message=\"\(escape(failure.description))\" type=\"\(failure.kind.rawValue)\">\(escape(failure.details))</failure>\n    </testcase>\n"
                } else {
                    xml += "/>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    /// Several reports (one per shard) as one: their suites under one root, with the totals and
    /// every failure's message.
    public struct Merged: Sendable {
        /// The XML document.
        public var xml: String
        /// Test cases in all.
        public var tests: Int
        /// Failed test cases.
        public var failures: Int
        /// Each failure's `file:line: message`, in report order.
        public var messages: [String]
    }

    /// Merges the reports `documents` (by name, for errors) written by ``xml(_:)``.
    /// - Throws: ``NotebookError`` naming a document that is not such a report.
    public static func merge(_ documents: [(name: String, text: String)]) throws(NotebookError) -> Merged {
        var body = ""
        var tests = 0, failures = 0
        var messages: [String] = []
        // Shards of one run hold each notebook once: a notebook in two reports (one report
        // given twice, or reports of two runs) would be counted twice.
        var holder: [String: String] = [:]
        for (name, text) in documents {
            guard let open = text.range(of: "<testsuites"), let openEnd = text.range(of: ">", range: open.upperBound..<text.endIndex),
                  let close = text.range(of: "</testsuites>", options: .backwards), openEnd.upperBound <= close.lowerBound else {
                throw NotebookError(file: name, line: nil, "is not a JUnit report of notebook test (no <testsuites> element)")
            }
            let root = String(text[open.upperBound..<openEnd.lowerBound])
            guard let count = attribute("tests", in: root).flatMap(Int.init), let failed = attribute("failures", in: root).flatMap(Int.init) else {
                throw NotebookError(file: name, line: nil, "has no tests and failures counts on <testsuites>")
            }
            tests += count
            failures += failed
            let inner = String(text[openEnd.upperBound..<close.lowerBound])
            var suites = inner[...]
            while let suite = suites.range(of: "<testsuite "), let end = suites.range(of: ">", range: suite.upperBound..<suites.endIndex) {
                if let notebook = attribute("name", in: " " + suites[suite.upperBound..<end.lowerBound]).map(unescape) {
                    if let earlier = holder[notebook] {
                        throw NotebookError(file: name, line: nil, "holds \(notebook), which \(earlier) holds too: shards of one run hold each notebook once (a report given twice?)")
                    }
                    holder[notebook] = name
                }
                suites = suites[end.upperBound...]
            }
            body += inner.hasPrefix("\n") ? String(inner.dropFirst()) : inner
            var rest = inner[...]
            while let failure = rest.range(of: "<failure message=\"") {
                guard let end = rest.range(of: "\"", range: failure.upperBound..<rest.endIndex) else { break }
                messages.append(unescape(String(rest[failure.upperBound..<end.lowerBound])))
                rest = rest[end.upperBound...]
            }
        }
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"notebook test\" tests=\"\(tests)\" failures=\"\(failures)\">\n" + body + "</testsuites>\n"
        return Merged(xml: xml, tests: tests, failures: failures, messages: messages)
    }

    /// The value of `name="..."` in a tag's attributes.
    static func attribute(_ name: String, in tag: String) -> String? {
        guard let start = tag.range(of: " \(name)=\""), let end = tag.range(of: "\"", range: start.upperBound..<tag.endIndex) else { return nil }
        return String(tag[start.upperBound..<end.lowerBound])
    }

    /// Text with the character references ``HTML/escape(_:)`` writes turned back.
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
