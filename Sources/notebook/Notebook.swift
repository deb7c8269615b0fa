import ArgumentParser
import Foundation

/// The `notebook` command: a thin shell over the library targets.
@main
struct Notebook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notebook",
        abstract: "LossNotebooks: runnable, tested notebooks about loss functions.",
        subcommands: [InitCommand.self, NewCommand.self, BuildCommand.self, TestCommand.self, WalkCommand.self, ExerciseCommand.self, ServeCommand.self, ListCommand.self, RunCommand.self, LossCommand.self])

    /// Parses and runs, turning every usage error into one line on stderr and exit status 2.
    static func main() async {
        StopSignals.install()
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is CleanExit { exit(withError: error) }
            fail(message(for: error))
        }
        do {
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var command = command
                try command.run()
            }
        } catch let failure as UsageFailure {
            fail(failure.message)
        } catch let failure as NotebookFailure {
            for error in failure.errors.errors {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
            }
            Foundation.exit(2)
        } catch {
            exit(withError: error)
        }
    }

    /// Prints `notebook: MESSAGE` (first line only) to stderr and exits with status 2.
    static func fail(_ message: String) -> Never {
        let line = message.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? message
        FileHandle.standardError.write(Data("notebook: \(line)\n".utf8))
        Foundation.exit(2)
    }
}
