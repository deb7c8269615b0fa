import ArgumentParser
import Foundation
import NotebookKit

/// `notebook walk NOTEBOOK`: a classroom walkthrough in the terminal.
struct WalkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walk",
        abstract: "Walk through one notebook in the terminal, section by section.",
        discussion: "Between sections: Enter (or space) shows the next, b goes back, q quits; in a section with an exercise, h shows its next hint and s its solution; ← and → step a plot with a slider. On a terminal keys act at once, without Enter, and a section taller than the window is shown a page at a time. Colour only on a terminal and never when NO_COLOR is set.")

    @OptionGroup var package: PackageOptions

    @Argument(help: "The notebook (path or name).")
    var notebook: String

    @Flag(name: .customLong("no-pause"), help: "Print every section without waiting (for pipes and tests).")
    var noPause = false

    @Flag(help: "Plain ASCII plots and boxes instead of Unicode.")
    var ascii = false

    @Option(parsing: .unconditional, help: "Start at this section (1 is the first).")
    var section: Int = 1

    @Option(parsing: .unconditional, help: "Columns (default: the terminal's width, else 80).")
    var width: Int?

    func validate() throws {
        guard section >= 1 else { throw ValidationError("--section must be 1 or more") }
        if let width, width < 30 || width > 400 { throw ValidationError("--width must be between 30 and 400") }
    }

    func run() throws {
        let project = try package.project()
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let walkthrough: Walkthrough
        do {
            let path = try project.select([notebook], currentDirectory: current)
            let notebooks = try ExecutedNotebook.execute(project: project, paths: path)
            let environment = ProcessInfo.processInfo.environment
            let terminal = isatty(STDOUT_FILENO) == 1
            let color = terminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
            let style = TerminalStyle(color: color, unicode: !ascii, width: width ?? TerminalSize.columns() ?? 80)
            walkthrough = Walkthrough(notebook: notebooks[0], style: style)
        } catch let error as NotebookError {
            throw UsageFailure(message: error.description)
        } catch let error as NotebookErrors {
            throw NotebookFailure(errors: error)
        }
        let sections = walkthrough.sections
        guard !sections.isEmpty else {
            throw UsageFailure(message: "\(notebook): the notebook is empty: nothing to walk through")
        }
        guard section <= sections.count else {
            throw UsageFailure(message: "--section \(section): the notebook has \(sections.count) sections")
        }
        // On a terminal, keys act at once (raw mode, restored on exit and on Ctrl-C).
        let keys = noPause ? nil : KeyReader()
        defer { keys?.restore() }
        var index = section - 1
        var step = 0
        var hints = 0
        var solution = false
        while index < sections.count {
            let plain = step == 0 && hints == 0 && !solution
            let text = plain ? sections[index] : walkthrough.section(index, sweepStep: step, hints: hints, solution: solution)
            if let keys {
                guard page(text, keys: keys) else { return }
            } else {
                print(text)
            }
            if noPause {
                index += 1
                continue
            }
            let sweep = walkthrough.hasSweep(index)
            let exercise = walkthrough.hasExercise(index)
            guard index + 1 < sections.count || sweep || exercise else { break }
            let plot = sweep ? " · ← →: step the plot" : ""
            let task = exercise ? " · h: hint · s: solution" : ""
            print("── section \(index + 1) of \(sections.count) · Enter: next · b: back\(plot)\(task) · q: quit ── ", terminator: "")
            fflush(nil)
            let answer: String
            if let keys {
                guard let key = Self.command(keys.read()) else { print(); break }
                answer = key
                print()
            } else {
                guard let line = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { break }
                answer = line
                // A terminal echoes the Enter; from a pipe, end the prompt line ourselves.
                if isatty(STDIN_FILENO) == 0 { print() }
            }
            switch answer {
            case "q", "quit": return
            case "h" where exercise, "hint" where exercise:
                hints = min(hints + 1, walkthrough.hintCount(index))
            case "s" where exercise, "solution" where exercise:
                solution = true
            case "b", "back":
                index = max(0, index - 1)
                (step, hints, solution) = (0, 0, false)
            case let key where sweep && Self.arrowSteps(key) != nil:
                let range = walkthrough.sweepSteps(index)
                step = min(max(step + Self.arrowSteps(key)!, range.lowerBound), range.upperBound)
            default:
                guard index + 1 < sections.count else { return }
                index += 1
                (step, hints, solution) = (0, 0, false)
            }
        }
    }

    /// What a key press asks for, as the line-mode answers spell it ("" goes on); nil to stop.
    static func command(_ key: KeyReader.Key) -> String? {
        switch key {
        case .end: return nil
        case .enter, .space, .down: return ""
        case .right: return "right"
        case .left: return "left"
        case .up: return "b"
        case .escape: return "q"
        case let .character(character): return String(character).lowercased()
        }
    }

    /// Prints `text` a window at a time when it is taller than the terminal, waiting for a key
    /// between pages; false when the reader asked to quit.
    func page(_ text: String, keys: KeyReader) -> Bool {
        let rows = max(5, TerminalSize.rows() ?? 24)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.count > rows - 1 {
            print(lines.prefix(rows - 1).joined(separator: "\n"))
            lines.removeFirst(rows - 1)
            print("── more: space or Enter · q: quit ── ", terminator: "")
            fflush(nil)
            let key = keys.read()
            print("\r\u{1B}[2K", terminator: "")
            if key == .end || key == .character("q") || key == .escape { return false }
        }
        print(lines.joined(separator: "\n"))
        return true
    }

    /// The steps a line of arrow keys asks for (→ and `>` forward, ← and `<` back, any number of
    /// them before Enter), or nil when the line is something else.
    static func arrowSteps(_ line: String) -> Int? {
        if line == "right" { return 1 }
        if line == "left" { return -1 }
        var rest = Substring(line), steps = 0
        while !rest.isEmpty {
            if rest.hasPrefix("\u{1B}[c") || rest.hasPrefix("\u{1B}oc") { steps += 1; rest = rest.dropFirst(3) }
            else if rest.hasPrefix("\u{1B}[d") || rest.hasPrefix("\u{1B}od") { steps -= 1; rest = rest.dropFirst(3) }
            else if rest.first == ">" { steps += 1; rest = rest.dropFirst() }
            else if rest.first == "<" { steps -= 1; rest = rest.dropFirst() }
            else { return nil }
        }
        return line.isEmpty ? nil : steps
    }
}
