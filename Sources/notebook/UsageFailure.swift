/// A usage error already phrased for the user: printed on one line, exit status 2.
struct UsageFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
