import Foundation

/// Whether `condition` holds within `seconds`, asked every 50 ms (for what the kernel finishes
/// asynchronously, such as ending the processes of a namespace).
func eventually(within seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition() {
        if Date() >= deadline { return false }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return true
}
