extension ExecutedNotebook {
    /// Parse → execute → assemble: the notebooks at `paths` of `project` with their snippets run
    /// (from the cache when allowed), in site order.
    /// - Throws: ``NotebookErrors`` for notebook problems or a package that does not build.
    public static func execute(project: Project, paths: [String], settings: ExecutionService.Settings = .init()) throws(NotebookErrors) -> [ExecutedNotebook] {
        let service = ExecutionService(project: project, settings: settings)
        let workbook = try Workbook.load(paths, with: service)
        do {
            let runs = try service.execute(workbook)
            return assemble(workbook, runs: runs.results, symbols: APIPages.make(runs.reference).links)
        } catch {
            throw NotebookErrors([error])
        }
    }
}
