extension ExecutedNotebook {
    /// Parse → execute → assemble: the notebooks at `paths` of `project` with their snippets run
    /// (from the cache when allowed), in site order.
    /// - Throws: ``NotebookErrors`` for notebook problems or a package that does not build.
    public static func execute(project: Project, paths: [String], settings: ExecutionService.Settings = .init()) throws(NotebookErrors) -> [ExecutedNotebook] {
        let service = ExecutionService(project: project, settings: settings)
        let workbook: Workbook
        let runs: Runs
        do {
            workbook = try Workbook(project: project, package: try service.packageManifest(), paths: paths)
            runs = try service.execute(workbook)
        } catch let error as NotebookError {
            throw NotebookErrors([error])
        } catch let errors as NotebookErrors {
            throw errors
        } catch {
            throw NotebookErrors([NotebookError(file: project.root.path, line: nil, "\(error)")])
        }
        return assemble(workbook, runs: runs.results)
    }
}
