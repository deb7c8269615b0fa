import Testing
@testable import NotebookKit

@Suite("@Exercise in a notebook: statement, hints and the errors around them")
struct ExerciseParseTests {
    func exercise(_ text: String) throws -> (Document, SnippetReference) {
        let document = try parseNotebook(text, path: "Notebooks/n.md")
        let reference = try #require(document.snippetReferences.first { $0.exercise != nil })
        return (document, reference)
    }

    @Test("the prose back to the previous heading is the statement; hint fences after it are its hints")
    func statementAndHints() throws {
        let (document, reference) = try exercise("""
            # Title

            Intro, not part of it.

            ## Task

            Write the slope.

            - for r inside δ
            - and outside

            @Exercise(path: "LossNotebooks/Snippets/slope")

            ```hint
            Think of **δ**.
            ```

            ```hint
            Use `min`, see [the notes](#task).
            ```

            After.
            """)
        let text = try #require(reference.exercise)
        #expect(text.statement.count == 2)
        guard case .paragraph = text.statement[0], case .list = text.statement[1] else {
            Issue.record("statement: \(text.statement)")
            return
        }
        #expect(text.hints.count == 2)
        #expect(document.blocks.count == 5, "title, intro, heading, the exercise, After: statement and hints moved into it")
        #expect(document.links.map(\.destination) == ["#task"], "links in hints are found by the one traversal")
        #expect(document.links.first?.line == 19, "at the hint's line in the notebook")
        #expect(document.proseTexts.contains { $0.text.contains("Write the slope") }, "the statement's prose is prose")
    }

    @Test("errors name the notebook's line", arguments: [
        ("# T\n\n@Exercise(path: \"LossNotebooks/Snippets/x\")\n", 3, "needs a statement"),
        ("# T\n\nDo it.\n\n@Exercise(path: \"LossNotebooks/Snippets/x\", slice: \"a\")\n", 5, "unknown argument 'slice'"),
        ("# T\n\nText.\n\n```hint\nno\n```\n", 5, "must follow an @Exercise"),
        ("# T\n\nDo it.\n\n@Exercise(path: \"LossNotebooks/Snippets/x\")\n\n```output\n1\n```\n", 7, "has no 'output' block"),
        ("# T\n\nDo it.\n\n@Exercise(path: \"Other/Snippets/x\")\n", 5, "must start with 'LossNotebooks/Snippets/'"),
    ])
    func errors(text: String, line: Int, message: String) {
        #expect {
            try parseNotebook(text, path: "Notebooks/n.md")
        } throws: { error in
            guard let error = error as? NotebookError else { return false }
            return error.file == "Notebooks/n.md" && error.line == line && error.message.contains(message)
        }
    }
}
