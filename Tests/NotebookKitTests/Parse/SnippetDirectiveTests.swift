import Testing
@testable import NotebookKit

@Suite("The @Snippet directive, in a package of any name")
struct SnippetDirectiveTests {
    let directive = SnippetDirective(packageName: "GeometryKit")

    func parse(_ line: String) throws(NotebookError) -> SnippetReference {
        try directive.parse(line, number: 7, file: "Notebooks/n.md")
    }

    @Test("Path and slice, in either order, with spaces; .swift and sub-folders allowed")
    func good() throws {
        let reference = try parse(#"@Snippet(path: "GeometryKit/Snippets/area", slice: "plot")"#)
        #expect(reference.name == "area" && reference.slice == "plot" && reference.line == 7)
        #expect(try parse(#"  @Snippet( slice: "s-1" , path: "GeometryKit/Snippets/intro/area.swift" )"#).name == "intro/area")
        #expect(try parse(#"@Snippet(path: "GeometryKit/Snippets/area")"#).slice == nil)
    }

    @Test("Errors name the notebook line and say what was expected", arguments: [
        (#"@Snippet(path: "LossNotebooks/Snippets/area")"#, "must start with 'GeometryKit/Snippets/'"),
        (#"@Snippet(path: "/etc/passwd")"#, "is absolute"),
        (#"@Snippet(path: "GeometryKit/Snippets/../Package")"#, "leaves the Snippets folder"),
        (#"@Snippet(path: "GeometryKit/Snippets/.hidden")"#, "leaves the Snippets folder"),
        (#"@Snippet(path: "GeometryKit/Snippets/a", slcie: "b")"#, "unknown argument 'slcie'; did you mean 'slice'?"),
        (#"@Snippet(path: "GeometryKit/Snippets/a", path: "GeometryKit/Snippets/b")"#, "'path' is given twice"),
        (#"@Snippet(path: GeometryKit/Snippets/a)"#, "must be a quoted string"),
        (#"@Snippet(slice: "x")"#, "missing path"),
        (#"@Snippet(path: "GeometryKit/Snippets/a", slice: "a b")"#, "slice 'a b' must be a name"),
        (#"@Snippet path: "x""#, "malformed snippet directive"),
    ])
    func bad(line: String, message: String) {
        do {
            _ = try parse(line)
            Issue.record("expected an error for \(line)")
        } catch {
            #expect(error.file == "Notebooks/n.md" && error.line == 7)
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.message.contains(#"expected @Snippet(path: "GeometryKit/Snippets/NAME""#) || !error.message.contains("expected @Snippet"))
        }
    }
}
