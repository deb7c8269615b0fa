/// JUnit XML for CI dashboards: one test suite per notebook, one test case per snippet run
/// and per check.
public enum JUnitReport {
    /// The XML document.
    public static func xml(_ report: DocTest.Report) -> String {
        let escape = HTML.escape
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
}
