import Foundation

/// The manifest of the package that builds snippets: the real package cut down to the library
/// products snippets import, the targets they are made of and the dependencies those need, so
/// the snippet build does not compile the package's tools, servers and tests (nor their
/// dependencies) a second time.
///
/// It is written from the package's description (`swift package dump-package`), for what that
/// description can say plainly: regular targets with their dependencies, paths, sources and
/// excluded files, system libraries, and dependencies by URL or path. A package using anything
/// else in those targets (resources, settings, plugins, conditions) gets no cut-down manifest,
/// and its snippets build with the real one.
enum ShadowManifest {
    /// The manifest keeping `products` (library product names), or nil when the description
    /// uses something it cannot write.
    static func make(description data: Data, keeping products: [String]) -> String? {
        guard let dump = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let name = dump["name"] as? String,
            let allTargets = dump["targets"] as? [[String: Any]],
            let allProducts = dump["products"] as? [[String: Any]],
            let version = (dump["toolsVersion"] as? [String: Any])?["_version"] as? String,
            dump["cLanguageStandard"] is NSNull || dump["cLanguageStandard"] == nil,
            dump["cxxLanguageStandard"] is NSNull || dump["cxxLanguageStandard"] == nil
        else { return nil }
        let targetsByName = Dictionary(allTargets.compactMap { target in (target["name"] as? String).map { ($0, target) } }, uniquingKeysWith: { a, _ in a })
        let kept = allProducts.filter { product in
            (product["name"] as? String).map(products.contains) == true && (product["type"] as? [String: Any])?["library"] != nil
        }
        guard !kept.isEmpty else { return nil }
        // The targets the kept products need, and the packages their products come from.
        var needed: [String] = []
        var packages: Set<String> = []
        var pending = kept.flatMap { $0["targets"] as? [String] ?? [] }
        while let next = pending.popLast() {
            guard !needed.contains(next) else { continue }
            guard let target = targetsByName[next] else { return nil }
            needed.append(next)
            for dependency in target["dependencies"] as? [[String: Any]] ?? [] {
                if let byName = (dependency["byName"] ?? dependency["target"]) as? [Any], let dependencyName = byName.first as? String,
                    byName.dropFirst().allSatisfy({ $0 is NSNull })
                {
                    if targetsByName[dependencyName] != nil { pending.append(dependencyName) } else { return nil }
                } else if let product = dependency["product"] as? [Any], product.count >= 2, let package = product[1] as? String,
                    product.dropFirst(2).allSatisfy({ $0 is NSNull })
                {
                    packages.insert(package.lowercased())
                } else {
                    return nil
                }
            }
        }
        var targetLines: [String] = []
        for targetName in needed.sorted() {
            guard let target = targetsByName[targetName], let line = targetLine(target) else { return nil }
            targetLines.append(line)
        }
        var dependencyLines: [String] = []
        for dependency in dump["dependencies"] as? [[String: Any]] ?? [] {
            guard let line = dependencyLine(dependency) else {
                // A dependency it cannot write matters only when a kept target uses it.
                if let identity = identity(dependency), packages.contains(identity) { return nil }
                continue
            }
            if packages.contains(line.identity) { dependencyLines.append(line.text) }
        }
        guard dependencyLines.count == packages.count else { return nil }
        let productLines = kept.map { product in
            "        .library(name: \(SwiftLiteral.string(product["name"] as? String ?? "")), targets: [\((product["targets"] as? [String] ?? []).map(SwiftLiteral.string).joined(separator: ", "))]),"
        }
        let modes = (dump["swiftLanguageVersions"] as? [String]) ?? []
        let toolsParts = version.split(separator: ".")
        let tools = toolsParts.prefix(2).joined(separator: ".")
        let usesModes = (Int(toolsParts.first ?? "") ?? 0) >= 6
        var text = "// swift-tools-version: \(tools)\n"
        text += "// Made by notebook from the package's Package.swift for building snippets: only the libraries they import.\n"
        text += "import PackageDescription\n\nlet package = Package(\n    name: \(SwiftLiteral.string(name)),\n"
        if let platforms = dump["platforms"] as? [[String: Any]], !platforms.isEmpty {
            let list = platforms.compactMap { platform -> String? in
                guard let name = platform["platformName"] as? String, let version = platform["version"] as? String else { return nil }
                return ".custom(\(SwiftLiteral.string(name)), versionString: \(SwiftLiteral.string(version)))"
            }
            guard list.count == platforms.count else { return nil }
            text += "    platforms: [\(list.joined(separator: ", "))],\n"
        }
        text += "    products: [\n\(productLines.joined(separator: "\n"))\n    ],\n"
        text += "    dependencies: [\n\(dependencyLines.map { "        \($0)," }.joined(separator: "\n"))\n    ],\n"
        text += "    targets: [\n\(targetLines.map { "        \($0)," }.joined(separator: "\n"))\n    ]"
        if !modes.isEmpty {
            text += ",\n    \(usesModes ? "swiftLanguageModes" : "swiftLanguageVersions"): [\(modes.map { ".version(\(SwiftLiteral.string($0)))" }.joined(separator: ", "))]"
        }
        return text + "\n)\n"
    }

    /// `.target(...)` for a regular target with nothing but dependencies, paths, sources and
    /// excluded files, `.systemLibrary(...)` for a system library (its path, pkg-config name and
    /// apt, yum or brew providers); nil for anything else.
    static func targetLine(_ target: [String: Any]) -> String? {
        if target["type"] as? String == "system" { return systemLibraryLine(target) }
        guard target["type"] as? String == "regular", let name = target["name"] as? String,
            (target["resources"] as? [Any] ?? []).isEmpty, (target["settings"] as? [Any] ?? []).isEmpty,
            (target["pluginUsages"] as? [Any] ?? []).isEmpty, target["publicHeadersPath"] is NSNull || target["publicHeadersPath"] == nil
        else { return nil }
        var dependencies: [String] = []
        for dependency in target["dependencies"] as? [[String: Any]] ?? [] {
            if let byName = (dependency["byName"] ?? dependency["target"]) as? [Any], let name = byName.first as? String {
                dependencies.append(SwiftLiteral.string(name))
            } else if let product = dependency["product"] as? [Any], let productName = product.first as? String, let package = product[1] as? String {
                dependencies.append(".product(name: \(SwiftLiteral.string(productName)), package: \(SwiftLiteral.string(package)))")
            }
        }
        var line = ".target(name: \(SwiftLiteral.string(name)), dependencies: [\(dependencies.joined(separator: ", "))]"
        if let path = target["path"] as? String { line += ", path: \(SwiftLiteral.string(path))" }
        if let exclude = target["exclude"] as? [String], !exclude.isEmpty { line += ", exclude: [\(exclude.map(SwiftLiteral.string).joined(separator: ", "))]" }
        if let sources = target["sources"] as? [String] { line += ", sources: [\(sources.map(SwiftLiteral.string).joined(separator: ", "))]" }
        return line + ")"
    }

    /// `.systemLibrary(...)`, or nil for a provider kind it does not know.
    static func systemLibraryLine(_ target: [String: Any]) -> String? {
        guard let name = target["name"] as? String, (target["dependencies"] as? [Any] ?? []).isEmpty else { return nil }
        var line = ".systemLibrary(name: \(SwiftLiteral.string(name))"
        if let path = target["path"] as? String { line += ", path: \(SwiftLiteral.string(path))" }
        if let pkgConfig = target["pkgConfig"] as? String { line += ", pkgConfig: \(SwiftLiteral.string(pkgConfig))" }
        var providers: [String] = []
        for provider in target["providers"] as? [[String: Any]] ?? [] {
            guard provider.count == 1, let (kind, value) = provider.first, ["apt", "yum", "brew"].contains(kind),
                let packages = (value as? [[String]])?.first
            else { return nil }
            providers.append(".\(kind)([\(packages.map(SwiftLiteral.string).joined(separator: ", "))])")
        }
        if !providers.isEmpty { line += ", providers: [\(providers.joined(separator: ", "))]" }
        return line + ")"
    }

    /// `.package(...)` for a dependency by URL (a version range, an exact version, a branch or a
    /// revision) or by path, with the identity its products are named by.
    static func dependencyLine(_ dependency: [String: Any]) -> (identity: String, text: String)? {
        if let local = (dependency["fileSystem"] as? [[String: Any]])?.first, let identity = local["identity"] as? String,
            let path = local["path"] as? String
        {
            return (identity.lowercased(), ".package(path: \(SwiftLiteral.string(path)))")
        }
        guard let remote = (dependency["sourceControl"] as? [[String: Any]])?.first, let identity = remote["identity"] as? String,
            let location = (remote["location"] as? [String: Any])?["remote"] as? [[String: Any]],
            let url = location.first?["urlString"] as? String,
            let requirement = remote["requirement"] as? [String: Any]
        else { return nil }
        let package = ".package(url: \(SwiftLiteral.string(url)), "
        if let range = (requirement["range"] as? [[String: Any]])?.first, let lower = range["lowerBound"] as? String, let upper = range["upperBound"] as? String {
            return (identity.lowercased(), package + "\(SwiftLiteral.string(lower))..<\(SwiftLiteral.string(upper)))")
        }
        if let exact = (requirement["exact"] as? [String])?.first { return (identity.lowercased(), package + "exact: \(SwiftLiteral.string(exact)))") }
        if let branch = (requirement["branch"] as? [String])?.first { return (identity.lowercased(), package + "branch: \(SwiftLiteral.string(branch)))") }
        if let revision = (requirement["revision"] as? [String])?.first { return (identity.lowercased(), package + "revision: \(SwiftLiteral.string(revision)))") }
        return nil
    }

    /// A dependency's identity, whatever its kind.
    static func identity(_ dependency: [String: Any]) -> String? {
        for kind in dependency.values {
            if let identity = (kind as? [[String: Any]])?.first?["identity"] as? String { return identity.lowercased() }
        }
        return nil
    }
}
