let x: Int = "not a number"
print(x)
