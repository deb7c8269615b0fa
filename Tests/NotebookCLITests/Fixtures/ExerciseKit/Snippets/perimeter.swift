import Grading

func perimeter(width: Double, height: Double) -> Double {
    // snippet.solution
    let sides = width + height
    return 2 * sides
    // snippet.end
}

check(perimeter(width: 2, height: 3) == 10, "a 2 by 3 rectangle has perimeter 10")
// snippet.grader
check(perimeter(width: 0, height: 0) == 0, "a point has perimeter 0")
// snippet.end
print("perimeter checked")
