import FixtureSupport
import Foundation
import Testing
@testable import NotebookKit

/// Headless Chromium, from Debian's `chromium` package (`.ci/setup` installs it).
func chromiumPath() -> String? {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Runs headless Chromium with `arguments`; returns stdout and stderr.
func chromium(_ arguments: [String]) async throws -> (stdout: String, stderr: String) {
    let browser = try #require(chromiumPath(), "headless Chromium is not installed: run .ci/setup")
    let result = try await onOwnThread {
        try runTool(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                              "--disable-dev-shm-usage", "--user-data-dir=\(FileManager.default.temporaryDirectory.path)/chromium-\(UUID().uuidString)"] + arguments)
    }
    return (result.output, result.stderr)
}

@Suite("A real browser: every built page in headless Chromium")
struct BrowserTests {
    struct PageReport: Decodable {
        let url: String
        let svgs: [[Double]]
        let maths: [[Double]]
        let links: [String]
        let search: [String: [String]]
        let sweeps: [[String]]
        let present: [String]
        let errors: [String]
        /// What keyboard and screen-reader users would miss: one line per problem.
        let access: [String]
        /// At 390 CSS px: the page's width, and the smallest plot text in CSS px.
        let phone: [Double]
    }

    static let harness = """
        <!doctype html><html><body><pre id="result">pending</pre><script>
        const pages = PAGES;
        const queries = QUERIES;
        const reports = [];
        function load(url, width) {
          return new Promise(resolve => {
            const frame = document.createElement("iframe");
            frame.style.width = (width || 1200) + "px"; frame.style.height = "900px";
            frame.onload = () => resolve(frame);
            frame.src = url;
            document.body.appendChild(frame);
          });
        }
        async function run() {
          for (const url of pages) {
            const frame = await load(url);
            const doc = frame.contentDocument, win = frame.contentWindow;
            const report = { url, svgs: [], maths: [], links: [], search: {}, sweeps: [], present: [], errors: [], access: [], phone: [] };
            if (!doc) { report.errors.push("cannot read the page"); reports.push(report); continue; }
            // Keyboard: the first stop is a skip link to <main>; whatever scrolls takes focus; permalinks take focus and show.
            const focusable = Array.from(doc.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")).filter(e => e.tabIndex >= 0 && e.getClientRects().length > 0);
            const first = focusable[0];
            if (!first || !first.classList.contains("skip-link") || !doc.querySelector("main" + first.getAttribute("href"))) { report.access.push("the first stop is not a skip link to main: " + (first ? first.outerHTML.slice(0, 80) : "none")); }
            if (doc.querySelector("h1, h2") !== doc.querySelector("main h1, main h2")) { report.access.push("a heading comes before the page's own"); }
            doc.querySelectorAll("pre, .math-block, .table-scroll").forEach(e => {
              if ((e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1) && e.tabIndex < 0) { report.access.push("scrolls without focus: " + e.outerHTML.slice(0, 60)); }
            });
            doc.querySelectorAll(".math-block").forEach(e => { if (e.scrollHeight > e.clientHeight + 1) { report.access.push("a formula block scrolls vertically"); } });
            // Every permalink can take focus; the first 50 of a page are focused to see them show
            // (one rule styles them all, and focusing each of the API pages' nine hundred took
            // Chromium 16 s of processor time).
            const permalinks = Array.from(doc.querySelectorAll("a.anchor"));
            permalinks.forEach(a => {
              if (a.tabIndex < 0 || !a.getAttribute("href") || a.getClientRects().length === 0) { report.access.push("permalink cannot take focus: " + a.getAttribute("href")); }
            });
            permalinks.slice(0, 50).forEach(a => {
              a.focus();
              if (doc.activeElement !== a || win.getComputedStyle(a).opacity !== "1" || win.getComputedStyle(a).visibility !== "visible") { report.access.push("permalink not focusable or not shown: " + a.getAttribute("href")); }
              a.blur();
            });
            // Wide screens: prose keeps a readable measure while code takes the room beside it.
            const paragraph = doc.querySelector("main > p"), code = doc.querySelector("main pre.code");
            if (paragraph && paragraph.getBoundingClientRect().width > 740) { report.access.push("prose wider than 46rem: " + paragraph.getBoundingClientRect().width); }
            if (code && code.getBoundingClientRect().width < 800) { report.access.push("code only " + code.getBoundingClientRect().width + " px wide on a 1200 px screen"); }
            doc.querySelectorAll(".ln").forEach(l => { if (l.getAttribute("aria-hidden") !== "true") { report.access.push("a line number is read aloud"); } });
            // Screen readers: plots named by a short title and described apart; formulas spoken.
            doc.querySelectorAll("figure.plot svg").forEach(svg => {
              if (svg.getClientRects().length === 0) { return; }
              const name = doc.getElementById(svg.getAttribute("aria-labelledby") || "");
              const description = doc.getElementById(svg.getAttribute("aria-describedby") || "");
              if (!name || name.textContent.length === 0 || name.textContent.length > 100) { report.access.push("a plot without a short name: " + (name ? name.textContent : "none")); }
              if (!description || !/(rises|falls|stays|lowest|highest|points)/.test(description.textContent)) { report.access.push("a plot's description does not say what it shows: " + (description ? description.textContent.slice(0, 80) : "none")); }
            });
            doc.querySelectorAll("math").forEach(m => { if (!(m.getAttribute("aria-label") || "").trim()) { report.access.push("a formula without speech"); } });
            // Presenter mode: the first slide, the next after ArrowRight, the page again after Escape.
            if (win.NotebookPresenter && url.endsWith("03-huber.html")) {
              const visible = () => Array.from(doc.querySelectorAll("main > h1, main > h2")).filter(h => !h.classList.contains("slide-hidden") && h.offsetParent !== null).map(h => h.textContent.replace(/#$/, "")).join("|");
              const key = k => doc.dispatchEvent(new win.KeyboardEvent("keydown", { key: k, bubbles: true }));
              const notesShown = () => Array.from(doc.querySelectorAll(".speaker-notes")).some(n => n.offsetParent !== null);
              key("P");
              report.present.push(visible(), String(doc.body.classList.contains("presenting")), doc.querySelector(".slide-counter").textContent);
              key("ArrowRight");
              report.present.push(visible(), doc.querySelector(".slide-counter").textContent, win.location.hash, String(notesShown()));
              key("Escape");
              report.present.push(String(doc.body.classList.contains("presenting")), String(doc.querySelectorAll(".slide-hidden").length), String(notesShown()), win.location.hash);
            }
            doc.querySelectorAll("figure.plot svg").forEach(svg => {
              if (svg.closest("[hidden]") || svg.getClientRects().length === 0) { return; }
              const b = svg.getBBox(); report.svgs.push([b.width, b.height]);
            });
            // Each sweep: the frame shown and its label, then the same after moving the slider to the first value.
            doc.querySelectorAll(".sweep").forEach(sweep => {
              const shown = () => Array.from(sweep.querySelectorAll(".sweep-frame")).filter(f => !f.hidden).map(f => f.getAttribute("data-frame")).join(",");
              const input = sweep.querySelector("input[type=range]");
              const before = [shown(), sweep.querySelector("output").textContent, String(sweep.querySelector(".sweep-control").hidden)];
              input.value = "0";
              input.dispatchEvent(new win.Event("input"));
              report.sweeps.push(before.concat([shown(), sweep.querySelector("output").textContent, input.getAttribute("aria-valuetext")]));
            });
            doc.querySelectorAll("math").forEach(m => { const b = m.getBoundingClientRect(); report.maths.push([b.width, b.height]); });
            doc.querySelectorAll("a[href]").forEach(a => report.links.push(a.href));
            if (!win.NOTEBOOK_SEARCH) { report.errors.push("the search index did not load"); }
            const input = doc.getElementById("search");
            if (input && url.endsWith("index.html")) {
              for (const query of queries) {
                input.value = query;
                input.dispatchEvent(new win.Event("input"));
                const status = doc.getElementById("search-status");
                if (input.getAttribute("aria-expanded") !== "true" || !status || !/result/.test(status.textContent) || status.getAttribute("role") !== "status") { report.access.push("search results are not announced for " + query); }
                report.search[query] = Array.from(doc.querySelectorAll("#search-results [role=option]")).map(o => new URL(o.getAttribute("data-href"), doc.baseURI).href);
              }
            }
            // A phone: the page no wider than the screen, plot text large enough to read.
            const phone = await load(url, 390);
            const pdoc = phone.contentDocument;
            let smallest = 1000;
            pdoc.querySelectorAll("figure.plot svg").forEach(svg => {
              const box = svg.getBoundingClientRect();
              if (box.width === 0 || svg.closest("[hidden]")) { return; }
              const scale = box.width / svg.viewBox.baseVal.width;
              svg.querySelectorAll("text").forEach(t => { smallest = Math.min(smallest, parseFloat(phone.contentWindow.getComputedStyle(t).fontSize) * scale); });
            });
            report.phone = [pdoc.documentElement.scrollWidth, smallest];
            phone.remove();
            reports.push(report);
          }
          // The speaker's notes window follows the slide it is told.
          const huber = pages.find(url => url.endsWith("03-huber.html"));
          if (huber) {
            const notes = await load(huber + "#notes");
            notes.contentWindow.postMessage({ notebookSlide: 4 }, "*");
            await new Promise(resolve => setTimeout(resolve, 200));
            const panel = notes.contentDocument.querySelector(".notes-panel");
            reports.push({ url: "notes", svgs: [], maths: [], links: [], search: {}, sweeps: [], errors: [], access: [], phone: [],
                           present: [panel ? panel.querySelector("h1").textContent : "no panel", panel ? panel.querySelector(".notes-text").textContent : ""] });
          }
          document.getElementById("result").textContent = "RESULT" + JSON.stringify(reports) + "END";
        }
        run();
        </script></body></html>
        """

    @Test("No console errors or broken links; every plot and formula has a size; search finds every notebook; keyboard, screen reader and phone")
    func pages() async throws {
        let (report, site) = try await NotebookSite.shared.build().get()
        let pages = ["index.html"] + report.notebooks.map(\.page) + report.referencePages
        #expect(report.referencePages == ["api/LossCore.html", "api/NotebookRuntime.html", "api/Plotting.html"])
        // One distinctive word per notebook (no two notebooks the same word), which the search must find.
        var queries: [String: String] = [:]
        for notebook in report.notebooks {
            let words = SearchIndex.entries(notebook).flatMap { $0.text.split(separator: " ").map { $0.lowercased() } }
            if let word = words.first(where: { $0.count >= 9 && $0.allSatisfy(\.isLetter) && queries[$0] == nil }) { queries[word] = notebook.page }
        }
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let urls = pages.map { site.appendingPathComponent($0).absoluteString }
        let json = { (value: Any) in String(decoding: try! JSONSerialization.data(withJSONObject: value), as: UTF8.self) }
        try folder.write("harness.html", Self.harness.replacingOccurrences(of: "PAGES", with: json(urls))
            .replacingOccurrences(of: "QUERIES", with: json(Array(queries.keys).sorted())))
        let (dom, log) = try await chromium(["--allow-file-access-from-files", "--enable-logging=stderr", "--v=0",
                                       "--virtual-time-budget=60000", "--window-size=1300,1000", "--dump-dom",
                                       folder.url.appendingPathComponent("harness.html").absoluteString])
        let start = try #require(dom.range(of: "RESULT"), "the harness did not finish:\n\(dom.prefix(500))\n\(log.suffix(2000))")
        let end = try #require(dom.range(of: "END", range: start.upperBound..<dom.endIndex))
        let reports = try JSONDecoder().decode([PageReport].self, from: Data(dom[start.upperBound..<end.lowerBound].utf8))
        #expect(reports.count == pages.count + 1, "every page and the notes window")
        // Console errors of the site's pages (not the harness's own messages).
        let consoleErrors = log.split(separator: "\n").filter { $0.contains("CONSOLE") && ($0.contains("ERROR") || $0.contains("Uncaught") || $0.contains("Failed")) }
        #expect(consoleErrors.isEmpty, "\(consoleErrors.joined(separator: "\n"))")
        // Each linked page's ids, read once: an anchor is checked against the set, not by
        // searching the page's text for each link (the API pages have thousands of both).
        var ids: [String: Set<String>] = [:]
        func anchors(_ path: String) -> Set<String> {
            if let known = ids[path] { return known }
            let html = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            var found: Set<String> = []
            let pieces = html.components(separatedBy: "id=\"")
            for (before, piece) in zip(pieces, pieces.dropFirst()) where before.last?.isWhitespace == true {
                if let end = piece.firstIndex(of: "\"") { found.insert(String(piece[..<end])) }
            }
            ids[path] = found
            return found
        }
        for page in reports where page.url != "notes" {
            #expect(page.errors.isEmpty, "\(page.url): \(page.errors)")
            #expect(page.access.isEmpty, "\(page.url): \(page.access.joined(separator: "\n"))")
            #expect(page.phone.count == 2 && page.phone[0] <= 390, "\(page.url) is \(page.phone.first ?? 0) px wide on a 390 px phone")
            #expect(page.phone.count == 2 && page.phone[1] >= 11, "\(page.url): plot text of \(page.phone.last ?? 0) CSS px on a phone")
            for size in page.svgs { #expect(size[0] > 0 && size[1] > 0, "\(page.url): an SVG plot is empty") }
            for size in page.maths { #expect(size[0] > 0 && size[1] > 0, "\(page.url): a formula has no size") }
            for link in page.links where link.hasPrefix("file://") {
                let parts = link.split(separator: "#", maxSplits: 1).map(String.init)
                let path = URL(string: parts[0])!.path
                #expect(FileManager.default.fileExists(atPath: path), "\(page.url): broken link \(link)")
                if parts.count > 1, FileManager.default.fileExists(atPath: path) {
                    #expect(anchors(path).contains(parts[1].removingPercentEncoding ?? parts[1]), "\(page.url): missing anchor \(link)")
                }
            }
        }
        // Every lesson draws at least one plot (the glossary has no cells).
        let lessons = Set(report.notebooks.filter { !$0.cells.isEmpty }.map(\.page))
        #expect(reports.filter { report in lessons.contains { report.url.hasSuffix("/" + $0) } }.allSatisfy { !$0.svgs.isEmpty })
        #expect(lessons.count == report.notebooks.count - 1, "every notebook but the glossary is a lesson")
        // Huber's δ: the initial frame alone, then the first after the slider moves, label and value text following.
        let huber = try #require(reports.first { $0.url.hasSuffix("03-huber.html") })
        #expect(huber.sweeps == [["2", "δ = 20", "false", "0", "δ = 1", "δ = 1"]], "\(huber.sweeps)")
        #expect(huber.present == [
            "Huber's differentiability", "true", "Slide 1 of 7",
            "Value, slope and curvature", "Slide 2 of 7", "#present-2", "false",
            "false", "0", "false", "#value-slope-and-curvature",
        ], "\(huber.present)")
        let notes = try #require(reports.first { $0.url == "notes" })
        #expect(notes.present.first == "5 / 7: Choosing δ", "\(notes.present)")
        #expect(notes.present.last?.hasPrefix("Ask first: what should happen as δ grows?") == true)
        #expect(reports.reduce(0) { $0 + $1.maths.count } > 10, "the curriculum's formulas render as MathML")
        let search = try #require(reports.first { $0.url.hasSuffix("index.html") }?.search)
        #expect(queries.count == report.notebooks.count, "a search word for every notebook")
        for (word, page) in queries {
            #expect(search[word]?.contains { $0.contains(page) } == true, "searching '\(word)' does not find \(page)")
        }
    }

    @Test("Every page is valid HTML: html5lib (Debian's python3-html5lib) reports no parse error")
    func validHTML() async throws {
        let (report, site) = try await NotebookSite.shared.build().get()
        let pages = (["index.html"] + report.notebooks.map(\.page) + report.referencePages).map { site.appendingPathComponent($0).path }
        let result = try runTool("/usr/bin/python3", ["-c", """
            import sys
            import html5lib
            for path in sys.argv[1:]:
                parser = html5lib.HTMLParser(strict=False)
                parser.parse(open(path, encoding="utf-8").read())
                for position, code, data in parser.errors[:5]:
                    print("%s:%d:%d: %s %s" % (path, position[0], position[1], code, data))
            """] + pages)
        #expect(result.status == 0, "python3 with html5lib failed (run .ci/setup): \(result.stderr)")
        #expect(result.output.isEmpty && result.stderr.isEmpty, "\(result.output)\(result.stderr)")
    }

    @Test("Without JavaScript a sweep lists every frame and hides the slider")
    func sweepWithoutScript() async throws {
        let (report, site) = try await NotebookSite.shared.build().get()
        let page = try #require(report.notebooks.first { $0.page.contains("huber") })
        let folder = TemporaryFolder()
        defer { folder.remove() }
        // A sandboxed frame without allow-scripts: the page as a reader without JavaScript sees it.
        try folder.write("nojs.html", """
            <!doctype html><html><body><pre id="result">pending</pre>
            <iframe sandbox="allow-same-origin" style="width:1200px;height:900px" src="\(site.appendingPathComponent(page.page).absoluteString)"></iframe>
            <script>
            document.querySelector("iframe").onload = function () {
              const doc = this.contentDocument;
              const frames = Array.from(doc.querySelectorAll(".sweep-frame"));
              const shown = frames.filter(f => f.getBoundingClientRect().height > 0).length;
              const control = doc.querySelector(".sweep-control").getBoundingClientRect().height;
              document.getElementById("result").textContent = "RESULT" + JSON.stringify([frames.length, shown, control]) + "END";
            };
            </script></body></html>
            """)
        let (dom, _) = try await chromium(["--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom", folder.url.appendingPathComponent("nojs.html").absoluteString])
        let start = try #require(dom.range(of: "RESULT"), "the harness did not finish")
        let end = try #require(dom.range(of: "END", range: start.upperBound..<dom.endIndex))
        #expect(String(dom[start.upperBound..<end.lowerBound]) == "[5,5,0]", "frames listed, frames shown, height of the slider")
    }

    @Test("Printing while presenting gives one page per slide")
    func printSlides() async throws {
        let (report, site) = try await NotebookSite.shared.build().get()
        let folder = TemporaryFolder()
        defer { folder.remove() }
        for notebook in report.notebooks where ["03-huber", "04-gradient-descent", "09-regularisation"].contains(where: notebook.page.hasPrefix) {
            let pdf = folder.url.appendingPathComponent("\(notebook.page).pdf")
            _ = try await chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", site.appendingPathComponent(notebook.page).absoluteString + "#present"])
            let text = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
            let pages = text.components(separatedBy: "/Type /Page").count - 1 - (text.components(separatedBy: "/Type /Pages").count - 1)
            let slides = 1 + notebook.document.blocks.filter { if case .heading(2, _, _) = $0 { true } else { false } }.count
            #expect(pages == slides, "\(notebook.page): \(pages) pages for \(slides) slides")
        }
    }

    @Test("A screenshot of a notebook page, saved as a CI artifact")
    func screenshot() async throws {
        let (report, site) = try await NotebookSite.shared.build().get()
        let page = try #require(report.notebooks.first { $0.page.contains("huber") } ?? report.notebooks.first)
        let folder = packageRoot.appendingPathComponent(".ci-artifacts")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("notebook-page.png")
        try? FileManager.default.removeItem(at: file)
        _ = try await chromium(["--window-size=1200,2400", "--screenshot=\(file.path)", site.appendingPathComponent(page.page).absoluteString])
        let data = try Data(contentsOf: file)
        #expect(data.count > 10_000)
        #expect(data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        // A slide in presenter mode, from its URL.
        let slide = folder.appendingPathComponent("notebook-slide.png")
        try? FileManager.default.removeItem(at: slide)
        _ = try await chromium(["--window-size=1280,800", "--screenshot=\(slide.path)", site.appendingPathComponent(page.page).absoluteString + "#present-2"])
        #expect(try Data(contentsOf: slide).prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    }
}
