import Grading

// snippet.hide
let unit = 1.0
// snippet.show
func area(width: Double, height: Double) -> Double {
    // snippet.solution
    return width * height * unit
    // snippet.end
}

check(area(width: 2, height: 3) == 6, "a 2 by 3 rectangle has area 6")
// snippet.grader
check(area(width: 0, height: 5) == 0, "a flat rectangle has area 0")
check(area(width: 1.5, height: 2) == 3, "areas need not be whole numbers")
// snippet.end
