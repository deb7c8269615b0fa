/// One exercise of a workbook: an `@Exercise` reference with its number, snippet and hints.
public struct Exercise: Sendable {
    /// Its name: the snippet's executable name (`huber_slope`), which the student's file takes
    /// (`Exercises/huber_slope.swift`).
    public let name: String
    /// The snippet's name under `Snippets/`.
    public let snippet: String
    /// The notebook that sets it.
    public let notebook: String
    /// The line of its `@Exercise`.
    public let line: Int
    /// "3.1": the notebook's number (its front matter `order`, else its place in the site) and
    /// the exercise's place in the notebook.
    public let number: String
    /// The starter, the solution and the hidden checks.
    public let source: ExerciseSource
    /// The statement and hints.
    public let text: ExerciseText

    /// Its section's id on the page (`exercise-3-1`), which links may point at.
    public var anchorID: String { Self.anchorID(number: number) }

    /// The number of the exercise at `position` (from 0) in the notebook numbered `notebook`.
    static func number(notebook: Int, position: Int) -> String { "\(notebook).\(position + 1)" }

    /// The section id of the exercise numbered `number`.
    static func anchorID(number: String) -> String { "exercise-" + number.replacingOccurrences(of: ".", with: "-") }

    /// The student's file for it, relative to the package.
    public var studentFile: String { "\(Exercise.folder)/\(name).swift" }

    /// The folder in the package where a student's files live.
    public static let folder = "Exercises"
}

extension Workbook {
    /// The workbook's exercises, in notebook order.
    public var exercises: [Exercise] {
        documents.enumerated().flatMap { index, document in
            document.snippetReferences.filter { $0.exercise != nil }.enumerated().compactMap { position, reference -> Exercise? in
                guard let text = reference.exercise, let source = sources[reference.name]?.exercise else { return nil }
                return Exercise(
                    name: catalog.executableName(reference.name), snippet: reference.name, notebook: document.path,
                    line: reference.line, number: Exercise.number(notebook: document.frontMatter.order ?? index + 1, position: position), source: source, text: text)
            }
        }
    }
}
