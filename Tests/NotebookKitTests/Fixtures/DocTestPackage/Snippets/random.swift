print(Int.random(in: 0..<1_000_000_000))
