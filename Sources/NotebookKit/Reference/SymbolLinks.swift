import Support

/// Where DocC-style symbol links (``` ``Huber`` ```, ``` ``LossCore/Huber/value(_:_:)`` ```)
/// point: each documented symbol's place in the API reference pages. The one resolver for
/// notebook prose and doc comments alike.
public struct SymbolLinks: Sendable, Equatable {
    /// One symbol's target.
    public struct Entry: Sendable, Equatable {
        /// Its module.
        public var module: String
        /// Its path from the module.
        public var path: [String]
        /// Its place in the site: `api/LossCore.html#huber`.
        public var sitePath: String
    }

    /// Every target, in reference order (overloads after the first are never chosen by a link).
    public var entries: [Entry]

    /// No symbols (a package whose snippets import no library of its own).
    public static let empty = SymbolLinks(entries: [])

    /// Creates the resolver.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// What a link resolves to.
    public enum Resolution: Sendable, Equatable {
        /// The link's place in the site (`api/LossCore.html#huber`).
        case found(String)
        /// No symbol has that path.
        case notFound
        /// Several symbols of different modules or scopes have that path: the qualified names.
        case ambiguous([String])
    }

    /// Resolves `link`: `Symbol`, `Type/member`, or either after a module name. A component may
    /// leave out a function's argument labels (`Huber/value` for `value(_:_:)`) when that names
    /// one function. Inside a doc comment, `scope` (its module and symbol path) is tried first,
    /// from the innermost scope outwards, as DocC does.
    public func resolve(_ link: String, scope: (module: String, path: [String])? = nil) -> Resolution {
        var components = link.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var module: String?
        let modules = Set(entries.map(\.module))
        if components.count > 1, modules.contains(components[0]) {
            module = components.removeFirst()
        }
        var prefixes: [(module: String?, path: [String])] = []
        if module == nil, let scope {
            for length in stride(from: scope.path.count, through: 0, by: -1) {
                prefixes.append((scope.module, Array(scope.path.prefix(length))))
            }
        }
        prefixes.append((module, []))
        for prefix in prefixes {
            let wanted = prefix.path + components
            let matches = entries.filter { entry in
                (prefix.module == nil || entry.module == prefix.module) && entry.path.count == wanted.count
                    && zip(entry.path, wanted).allSatisfy { Self.matches($0, $1) }
            }
            // Overloads (one path, several declarations) resolve to the first.
            var distinct: [String: Entry] = [:]
            var order: [String] = []
            for match in matches {
                let name = ([match.module] + match.path).joined(separator: "/")
                if distinct[name] == nil { order.append(name) }
                distinct[name] = distinct[name] ?? match
            }
            if order.count == 1, let entry = distinct[order[0]] { return .found(entry.sitePath) }
            if order.count > 1 {
                // An exact spelling wins over argument labels left out.
                let exact = order.filter { name in distinct[name].map { $0.path == wanted } ?? false }
                if exact.count == 1, let entry = distinct[exact[0]] { return .found(entry.sitePath) }
                return .ambiguous(order)
            }
        }
        return .notFound
    }

    /// The documented name nearest to `link`, if one is close (for a link that names nothing).
    public func suggestion(for link: String) -> String? {
        let names = Set(entries.flatMap { entry in [entry.path.joined(separator: "/"), "\(entry.module)/" + entry.path.joined(separator: "/")] })
        return Suggestions.closest(to: link, in: names.sorted())
    }

    /// The problem with a link in prose at `file:line`, or nil when it resolves.
    public func problem(_ link: String, file: String, line: Int) -> NotebookError? {
        switch resolve(link) {
        case .found:
            return nil
        case let .ambiguous(names):
            return NotebookError(file: file, line: line, "symbol link ``\(link)`` is ambiguous: it could be \(names.map { "``\($0)``" }.joined(separator: " or ")); write one of those")
        case .notFound:
            guard !entries.isEmpty else {
                return NotebookError(file: file, line: line, "symbol link ``\(link)``: there is no API reference, since no snippet imports a library module of this package")
            }
            let modules = Array(Set(entries.map(\.module))).sorted().joined(separator: ", ")
            let hint = suggestion(for: link).map { "; did you mean ``\($0)``?" } ?? ""
            return NotebookError(file: file, line: line, "symbol link ``\(link)`` names no public symbol of \(modules)\(hint)")
        }
    }

    /// Whether a path component of a link names a symbol's: the same, or the same function name
    /// without its argument labels.
    static func matches(_ component: String, _ wanted: String) -> Bool {
        component == wanted || (component.hasPrefix(wanted + "(") && !wanted.contains("("))
    }
}
