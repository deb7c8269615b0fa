/// Presenter mode, `present.js`: a notebook page as slides, one `##` section at a time, in large
/// type, from the same HTML (no library). Present button, `p`, or a URL ending in `#present`
/// (`#present-3` for the third slide) starts it; → Space PageDown next, ← PageUp back, Esc back
/// to the page at the slide's section; `n` opens the speaker notes (the page's `notes` blocks) in
/// a second window that follows the slides. Printing while presenting gives one page per slide.
enum PresentScript {
    static let file = "present.js"

    static let source = """
        (function () {
          var main = document.querySelector("main");
          if (!main) { return; }
          var slides = [[]];
          Array.prototype.forEach.call(main.children, function (node) {
            if (node.tagName === "H2" && slides[slides.length - 1].length > 0) { slides.push([]); }
            slides[slides.length - 1].push(node);
          });
          function titleOf(index) {
            var heading = slides[index].filter(function (node) { return /^H[12]$/.test(node.tagName); })[0];
            return heading ? heading.textContent.replace(/#$/, "") : "Slide " + (index + 1);
          }
          function notesOf(index) {
            return slides[index].filter(function (node) { return node.classList.contains("speaker-notes"); })
              .map(function (node) { return node.textContent; }).join("\\n\\n");
          }

          if (location.hash === "#notes") {
            // The speaker's window: the current slide's notes, following the presenting window.
            document.body.classList.add("notes-view");
            var view = document.createElement("section");
            view.className = "notes-panel";
            view.setAttribute("aria-live", "polite");
            document.body.appendChild(view);
            var showNotes = function (index) {
              view.innerHTML = "";
              var title = document.createElement("h1");
              title.textContent = (index + 1) + " / " + slides.length + ": " + titleOf(index);
              var text = document.createElement("p");
              text.className = "notes-text";
              text.textContent = notesOf(index) || "(no notes for this slide)";
              var next = document.createElement("p");
              next.className = "notes-next";
              next.textContent = index + 1 < slides.length ? "Next: " + titleOf(index + 1) : "Last slide";
              view.appendChild(title); view.appendChild(text); view.appendChild(next);
            };
            window.addEventListener("message", function (event) {
              if (event.data && typeof event.data.notebookSlide === "number") { showNotes(event.data.notebookSlide); }
            });
            showNotes(0);
            if (window.opener) { window.opener.postMessage({ notebookNotesReady: true }, "*"); }
            return;
          }

          var current = -1, notesWindow = null;
          var button = document.getElementById("present");
          var controls = document.createElement("div");
          controls.className = "slide-controls";
          controls.hidden = true;
          controls.innerHTML = '<button type="button" data-go="-1" aria-label="Previous slide">←</button>' +
            '<span class="slide-counter" aria-live="polite"></span>' +
            '<button type="button" data-go="1" aria-label="Next slide">→</button>' +
            '<button type="button" data-notes>Notes</button><button type="button" data-exit>Exit</button>';
          document.body.appendChild(controls);
          var counter = controls.querySelector(".slide-counter");
          function show(index) {
            current = Math.max(0, Math.min(slides.length - 1, index));
            slides.forEach(function (nodes, i) {
              nodes.forEach(function (node) { node.classList.toggle("slide-hidden", i !== current); });
            });
            counter.textContent = "Slide " + (current + 1) + " of " + slides.length;
            history.replaceState(null, "", "#present-" + (current + 1));
            window.scrollTo(0, 0);
            if (notesWindow && !notesWindow.closed) { notesWindow.postMessage({ notebookSlide: current }, "*"); }
          }
          function start(index) {
            document.body.classList.add("presenting");
            controls.hidden = false;
            show(index);
          }
          function stop() {
            var first = slides[current] ? slides[current][0] : null;
            document.body.classList.remove("presenting");
            controls.hidden = true;
            slides.forEach(function (nodes) { nodes.forEach(function (node) { node.classList.remove("slide-hidden"); }); });
            history.replaceState(null, "", first && first.id ? "#" + first.id : location.pathname);
            if (first) { first.scrollIntoView(); }
            current = -1;
            if (button) { button.focus(); }
          }
          function openNotes() {
            notesWindow = window.open(location.pathname + "#notes", "notebook-notes");
            // An already open notes window does not load again: tell it where we are.
            if (notesWindow && current >= 0) { notesWindow.postMessage({ notebookSlide: current }, "*"); }
          }
          window.addEventListener("message", function (event) {
            if (event.data && event.data.notebookNotesReady && current >= 0 && notesWindow) {
              notesWindow.postMessage({ notebookSlide: current }, "*");
            }
          });
          controls.addEventListener("click", function (event) {
            var target = event.target;
            if (target.hasAttribute("data-go")) { show(current + Number(target.getAttribute("data-go"))); }
            if (target.hasAttribute("data-notes")) { openNotes(); }
            if (target.hasAttribute("data-exit")) { stop(); }
          });
          if (button) { button.addEventListener("click", function () { start(0); }); }
          document.addEventListener("keydown", function (event) {
            if (event.ctrlKey || event.metaKey || event.altKey) { return; }
            var tag = document.activeElement ? document.activeElement.tagName : "";
            var field = /^(INPUT|TEXTAREA|SELECT)$/.test(tag);
            var control = /^(BUTTON|A|SUMMARY)$/.test(tag);
            var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
            if (current < 0) {
              if (key === "p" && !field) { event.preventDefault(); start(0); }
              return;
            }
            if (key === "Escape") { event.preventDefault(); stop(); return; }
            if (field) { return; }  // a sweep's slider keeps its arrow keys
            if (key === "ArrowRight" || key === "PageDown" || (key === " " && !control)) { event.preventDefault(); show(current + 1); }
            else if (key === "ArrowLeft" || key === "PageUp") { event.preventDefault(); show(current - 1); }
            else if (key === "n") { event.preventDefault(); openNotes(); }
          });
          // Printing while presenting: a slide per page. Each slide is measured as print lays it
          // out (the same width and type) and scaled down to one page's height when taller.
          window.addEventListener("beforeprint", function () {
            if (current < 0) { return; }
            document.body.classList.add("print-measure");
            slides.forEach(function (nodes, i) {
              nodes.forEach(function (node) { node.classList.remove("slide-hidden"); node.style.zoom = ""; });
            });
            var pageHeight = 780;
            slides.forEach(function (nodes) {
              var top = nodes[0].getBoundingClientRect().top;
              var bottom = Math.max.apply(null, nodes.map(function (node) { return node.getBoundingClientRect().bottom; }));
              var scale = Math.min(1, pageHeight / Math.max(1, bottom - top));
              if (scale < 1) { nodes.forEach(function (node) { node.style.zoom = String(scale); }); }
            });
            document.body.classList.remove("print-measure");
          });
          window.addEventListener("afterprint", function () {
            slides.forEach(function (nodes) { nodes.forEach(function (node) { node.style.zoom = ""; }); });
            if (current >= 0) { show(current); }
          });
          window.NotebookPresenter = { start: start, stop: stop, show: show, slides: function () { return slides.length; } };
          var match = /^#present(?:-(\\d+))?$/.exec(location.hash);
          if (match) { start(match[1] ? Number(match[1]) - 1 : 0); }
        })();

        """

    /// The button on every notebook page.
    static let button = #"<button type="button" id="present" class="present" aria-keyshortcuts="P" title="Present this notebook as slides (P)">Present</button>"#
}
