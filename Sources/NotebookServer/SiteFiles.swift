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

    /// The script added to every served page: it asks for the site's version every second;
    /// when a rebuild changed it, it reloads the page, or, when that rebuild failed, shows the
    /// error over the page (which is still the last good build) until a rebuild succeeds.
    public static let reloadScript = """
        <script>
        (function () {
          var seen = null;
          function show(error) {
            var box = document.getElementById("notebook-build-error");
            if (!error) { if (box) { box.remove(); } return; }
            if (!box) {
              box = document.createElement("div");
              box.id = "notebook-build-error";
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;left:1rem;right:1rem;bottom:1rem;max-height:50vh;overflow:auto;z-index:100;padding:0.75rem 1rem;" +
                "background:#ffebe9;color:#82071e;border:2px solid #cf222e;border-radius:6px;font:14px/1.45 ui-monospace,monospace;white-space:pre-wrap";
              document.body.appendChild(box);
            }
            box.textContent = "The last rebuild failed; this page is from the build before. Fix the notebook and save:\\n\\n" + error;
          }
          function checkError() {
            return fetch("/__notebook/error", { cache: "no-store" }).then(function (r) { return r.text(); });
          }
          function poll() {
            fetch("/__notebook/version", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (v) {
              var changed = seen !== null && v !== seen;
              seen = v;
              return checkError().then(function (error) {
                if (changed && !error) { location.reload(); return; }
                show(error);
              });
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
