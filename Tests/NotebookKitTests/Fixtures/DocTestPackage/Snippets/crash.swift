let values = [1, 2, 3]
let index = values.count + Int("2")!
print(values[index])
