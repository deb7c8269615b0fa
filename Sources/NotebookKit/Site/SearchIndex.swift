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

    /// `search.js`: filters the index as you type; every word must match. The box is an ARIA
    /// combobox (the APG's list-autocomplete pattern): ↓ and ↑ move through the results, Enter
    /// opens one, Escape clears, the list closes when focus leaves, and a live region says how
    /// many results there are.
    static let searchScript = """
        (function () {
          var input = document.getElementById("search");
          var list = document.getElementById("search-results");
          var status = document.getElementById("search-status");
          if (!input || !list || !status) { return; }
          var root = input.getAttribute("data-root") || "";
          var options = [], active = -1;
          function open(shown) {
            list.hidden = !shown;
            input.setAttribute("aria-expanded", shown ? "true" : "false");
            if (!shown) { select(-1); }
          }
          function select(index) {
            options.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
            active = index;
            if (index >= 0) {
              input.setAttribute("aria-activedescendant", options[index].id);
              options[index].scrollIntoView({ block: "nearest" });
            } else {
              input.removeAttribute("aria-activedescendant");
            }
          }
          function go(option) { window.location.href = option.getAttribute("data-href"); }
          function show(query) {
            list.innerHTML = "";
            options = [];
            active = -1;
            var words = query.toLowerCase().split(/\\s+/).filter(function (w) { return w.length > 0; });
            if (words.length === 0) { open(false); status.textContent = ""; return; }
            var results = (window.NOTEBOOK_SEARCH || []).filter(function (entry) {
              var haystack = (entry.title + " " + entry.heading + " " + entry.text).toLowerCase();
              return words.every(function (w) { return haystack.indexOf(w) >= 0; });
            }).slice(0, 12);
            results.forEach(function (entry, i) {
              var option = document.createElement("li");
              option.id = "search-result-" + i;
              option.setAttribute("role", "option");
              option.setAttribute("aria-selected", "false");
              option.setAttribute("data-href", root + entry.page + (entry.anchor ? "#" + entry.anchor : ""));
              option.textContent = entry.title + (entry.heading !== entry.title ? " › " + entry.heading : "");
              // Keep focus in the box while the pointer chooses.
              option.addEventListener("mousedown", function (event) { event.preventDefault(); });
              option.addEventListener("click", function () { go(option); });
              list.appendChild(option);
              options.push(option);
            });
            status.textContent = results.length === 0 ? "No matches"
              : results.length + (results.length === 1 ? " result" : " results") + "; arrow keys to choose, Enter to open";
            open(results.length > 0);
          }
          input.addEventListener("input", function () { show(input.value); });
          input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              if (options.length === 0) { return; }
              event.preventDefault();
              open(true);
              var step = event.key === "ArrowDown" ? 1 : -1;
              select(active < 0 ? (step > 0 ? 0 : options.length - 1) : (active + step + options.length) % options.length);
            } else if (event.key === "Enter" && options.length > 0) {
              event.preventDefault();
              go(options[active >= 0 ? active : 0]);
            } else if (event.key === "Escape") {
              input.value = "";
              show("");
            }
          });
          input.addEventListener("blur", function () { open(false); });
          input.addEventListener("focus", function () { if (options.length > 0) { open(true); } });
        })();

        """

    /// The search box for a page whose root prefix is `root` (`""` or `"../"`).
    static func box(root: String) -> String {
        """
        <div class="search" role="search"><input id="search" type="search" role="combobox" placeholder="Search notebooks" aria-label="Search notebooks" aria-autocomplete="list" aria-expanded="false" aria-controls="search-results" data-root="\(root)" autocomplete="off"><ul id="search-results" role="listbox" aria-label="Search results" hidden></ul><p id="search-status" class="visually-hidden" role="status" aria-live="polite"></p></div>
        <script src="\(root)search-index.js"></script><script src="\(root)search.js"></script>
        """
    }
}
