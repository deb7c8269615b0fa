// snippet.hide
import Foundation
// snippet.show
// snippet.main
let loss = 0.5 + 1e-12
print("loss = \(loss)")
print("slope = 2.0")
// snippet.end
