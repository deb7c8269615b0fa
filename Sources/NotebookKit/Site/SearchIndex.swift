import Foundation

/// Client-side search: an index of every page's title, headings and prose, written at build time
/// as a script (`search-index.js`, so it loads from file://, where fetching JSON is blocked), and
/// a small search box script of our own (`search.js`).
enum SearchIndex {
    /// One searchable section: a page's heading and the prose under it.
    struct Entry: Encodable {
        let page: String
        let title: String
        let heading: String
        let anchor: String
        let text: String
    }

    /// The sections of a notebook, split at headings: each heading's prose, lists, tables and
    /// formulas (code and outputs are not searched).
    static func entries(_ notebook: ExecutedNotebook) -> [Entry] {
        struct Collector: DocumentVisitor {
            let page: String
            let title: String
            let outline: Outline
            var entries: [Entry] = []
            var heading: String
            var anchor = ""
            var text = ""

            mutating func flush() {
                let trimmed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if !trimmed.isEmpty || !anchor.isEmpty {
                    entries.append(Entry(page: page, title: title, heading: heading, anchor: anchor, text: String(trimmed.prefix(2000))))
                }
                text = ""
            }

            mutating func visit(block: Block) -> Descent {
                switch block {
                case let .heading(_, content, line):
                    flush()
                    heading = Inline.plainText(content)
                    anchor = outline.id(ofHeadingAt: line) ?? ""
                    return .skipChildren
                case let .paragraph(content, _):
                    text += " " + Inline.plainText(content)
                    return .skipChildren
                case let .table(table, _):
                    text += " " + (table.header + table.rows.flatMap { $0 }).map(Inline.plainText).joined(separator: " ")
                    return .skipChildren
                case let .math(tex, _):
                    text += " " + tex
                    return .skipChildren
                case .quote, .list, .code, .rule, .html, .snippet:
                    return .children
                }
            }
        }
        let document = notebook.document
        var collector = Collector(page: notebook.page, title: document.title, outline: notebook.outline, heading: document.title)
        document.walk(&collector)
        collector.flush()
        return collector.entries
    }

    /// `search-index.js`: the entries as a JavaScript array.
    static func script(_ entries: [Entry]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        // "</" cannot end a script element early when the index is inlined somewhere.
        return "window.NOTEBOOK_SEARCH = " + json.replacingOccurrences(of: "</", with: "<\\/") + ";\n"
    }

    /// `search.js`: filters the index as you type; every word must match; results link to sections.
    static let searchScript = """
        (function () {
          var input = document.getElementById("search");
          var list = document.getElementById("search-results");
          if (!input || !list) { return; }
          var root = input.getAttribute("data-root") || "";
          function show(query) {
            list.innerHTML = "";
            var words = query.toLowerCase().split(/\\s+/).filter(function (w) { return w.length > 0; });
            if (words.length === 0) { list.hidden = true; return; }
            var results = (window.NOTEBOOK_SEARCH || []).filter(function (entry) {
              var haystack = (entry.title + " " + entry.heading + " " + entry.text).toLowerCase();
              return words.every(function (w) { return haystack.indexOf(w) >= 0; });
            }).slice(0, 12);
            results.forEach(function (entry) {
              var item = document.createElement("li");
              var link = document.createElement("a");
              link.href = root + entry.page + (entry.anchor ? "#" + entry.anchor : "");
              link.textContent = entry.title + (entry.heading !== entry.title ? " › " + entry.heading : "");
              item.appendChild(link);
              list.appendChild(item);
            });
            if (results.length === 0) {
              var none = document.createElement("li");
              none.textContent = "No matches";
              list.appendChild(none);
            }
            list.hidden = false;
          }
          input.addEventListener("input", function () { show(input.value); });
          input.addEventListener("keydown", function (event) {
            if (event.key === "Escape") { input.value = ""; show(""); }
          });
        })();

        """

    /// The search box for a page whose root prefix is `root` (`""` or `"../"`).
    static func box(root: String) -> String {
        """
        <div class="search"><input id="search" type="search" placeholder="Search notebooks" aria-label="Search notebooks" data-root="\(root)" autocomplete="off"><ul id="search-results" hidden></ul></div>
        <script src="\(root)search-index.js"></script><script src="\(root)search.js"></script>
        """
    }
}
