print("before the crash")
let values: [Int] = []
print(values[1])
