import ArgumentParser
import Foundation
import NotebookKit

/// Options every notebook command shares.
struct PackageOptions: ParsableArguments {
    @Option(name: .customLong("package-path"), help: "The package (default: the one containing the current folder).")
    var packagePath: String?

    /// The project, or a usage failure.
    func project() throws -> Project {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        do {
            if let packagePath {
                return try Project.locate(from: URL(fileURLWithPath: packagePath, relativeTo: current))
            }
            return try Project.locate(from: current)
        } catch {
            throw UsageFailure(message: error.description)
        }
    }
}

/// Prints to standard output immediately (progress lines while a build runs).
func say(_ line: String) {
    print(line)
    fflush(nil)
}
