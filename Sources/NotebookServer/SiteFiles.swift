import Foundation

/// Maps request paths to files of the built site, safely: nothing outside the site folder is
/// ever served, and HTML pages get the live-reload script.
public struct SiteFiles: Sendable {
    /// The site folder.
    public let folder: URL

    /// Serves `folder`.
    public init(folder: URL) {
        self.folder = folder.standardizedFileURL
    }

    /// The script added to every served page: it asks for the site's version every second and
    /// reloads the page when a rebuild changed it.
    public static let reloadScript = """
        <script>
        (function () {
          var seen = null;
          function poll() {
            fetch("/__notebook/version", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (v) {
              if (seen !== null && v !== seen) { location.reload(); }
              seen = v;
            }).catch(function () {}).finally(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();
        </script>
        """

    /// The file for a URL path, or nil when there is none or the path leaves the site.
    public func file(for path: String) -> URL? {
        let decoded = path.removingPercentEncoding ?? path
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) else { return nil }
        var url = parts.reduce(folder) { $0.appendingPathComponent(String($1)) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            url = url.appendingPathComponent("index.html")
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        }
        // Resolve symbolic links and check the target is still inside the site.
        let resolved = url.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(folder.resolvingSymlinksInPath().path + "/") else { return nil }
        return url
    }

    /// The body and content type to serve for a URL path, or nil for 404.
    public func response(for path: String) -> (body: Data, contentType: String)? {
        guard let url = file(for: path), var data = FileManager.default.contents(atPath: url.path) else { return nil }
        let type = Self.contentType(url.pathExtension)
        if url.pathExtension == "html", let text = String(data: data, encoding: .utf8) {
            let injected = text.range(of: "</body>", options: .backwards).map {
                text.replacingCharacters(in: $0, with: Self.reloadScript + "\n</body>")
            } ?? text + Self.reloadScript
            data = Data(injected.utf8)
        }
        return (data, type)
    }

    static func contentType(_ pathExtension: String) -> String {
        switch pathExtension {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "json": return "application/json"
        case "xml": return "application/xml"
        default: return "application/octet-stream"
        }
    }
}
