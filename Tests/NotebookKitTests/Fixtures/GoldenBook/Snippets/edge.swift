import NotebookRuntime
import Plotting

// snippet.hide
let hidden = 1
// snippet.show
// snippet.first
print("first line")
check(true, "the first claim holds")
record("edge_value", 3.14159)
// snippet.end

// snippet.second
print("second <line> & more")
check(false, "the second claim fails")
record("edge_label", "a <label>")
record("edge_count", 41.6)
show(table: Table(headers: ["a", "b"], rows: [["1", "<2>"]]))
// snippet.end
