import ArgumentParser
import Foundation
import NotebookKit

/// Options every notebook command shares.
struct PackageOptions: ParsableArguments {
    @Option(name: .customLong("package-path"), help: "The package (default: the one containing the current folder).")
    var packagePath: String?

    /// The project (by default one with a `Notebooks` folder), or a usage failure.
    func project(requiringNotebooks: Bool = true) throws -> Project {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let start = packagePath.map { URL(fileURLWithPath: $0, relativeTo: current) } ?? current
        do {
            return try Project.locate(from: start, requiringNotebooks: requiringNotebooks)
        } catch {
            throw UsageFailure(message: error.description)
        }
    }
}

extension PackageOptions {
    /// The current folder, against which relative paths on the command line are read.
    var currentDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    /// The project and the notebooks named on the command line (all when none), or a usage failure.
    func selection(_ notebooks: [String]) throws -> (project: Project, notebooks: [String]) {
        let project = try project()
        do {
            return (project, try project.select(notebooks, currentDirectory: currentDirectory))
        } catch {
            throw UsageFailure(message: error.description)
        }
    }
}

extension PackageOptions {
    /// The notebooks of shard `text` (`--shard K/N`) among `selected`, balanced by the run times
    /// kept in the package's cache; says which shard and how many notebooks it holds.
    func shard(_ text: String, of selected: [String], in project: Project) throws -> [String] {
        let part: Shard
        do { part = try Shard(text) } catch { throw UsageFailure(message: error.description) }
        let times = NotebookTimings.read(from: ExecutionService(project: project).cacheFolder)
        let notebooks = part.select(selected, times: times)
        say("shard \(part): \(notebooks.count == 1 ? "1 notebook" : "\(notebooks.count) notebooks")\(times.isEmpty ? "" : ", balanced by the last run times")")
        return notebooks
    }
}

/// Prints to standard output immediately (progress lines while a build runs).
func say(_ line: String) {
    print(line)
    fflush(nil)
}
