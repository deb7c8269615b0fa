// The baseline of Benchmarks/snippet_profiles.sh: a Swift program with no generic code of its own,
// built with -O. Printing an array looks up its element type's conformances on first use, and
// that lookup (the runtime's scan of every conformance record) ranks in this program's top ten.
let numbers = [1.0, 2.0]
print(numbers)
