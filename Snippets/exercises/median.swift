import LossCore
import NotebookRuntime

/// The median: the middle value, or the mean of the two middle values for an even count.
func median(_ values: [Double]) -> Double {
    // snippet.solution
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    // snippet.end
}

/// The mean absolute error of predicting the constant c for every value.
func mae(_ values: [Double], _ c: Double) -> Double { values.map { abs($0 - c) }.reduce(0, +) / Double(values.count) }
let prices = [210.0, 180, 950, 240, 200]   // one mansion among ordinary houses
check(median(prices) == 210 && median([210, 180, 240, 200]) == 205 && median([210, 180, 10_000, 240, 200]) == 210,
      "the median moves from 205 to 210 with the mansion, and no further were it priced at 10,000")
check([-1.0, 1].allSatisfy { mae(prices, median(prices) + $0) > mae(prices, median(prices)) }, "no constant near the median has a smaller MAE")
// snippet.grader
check(median([4, 1, 3, 2]) == 2.5, "an even count: the mean of the two middle values")
check(median([7]) == 7 && median([-3, 5, -3]) == -3, "one value, and repeated values")
// snippet.end
