import NotebookRuntime
import Plotting

/// A sweep on a page: every frame as a small multiple (what a reader without JavaScript sees),
/// and a labelled range input that the page's script turns into a one-frame-at-a-time view.
/// Identical frames are drawn once.
enum SweepHTML {
    /// The SVG a sweep may take before the build warns (each frame is drawn twice, for wide
    /// screens and for phones).
    static let budget = 6 << 20

    /// The HTML for `sweep`, whose figures get ids after `figureCount`; and its SVG bytes.
    static func render(_ sweep: Sweep, id: String, figureCount: inout Int) -> (html: String, svgBytes: Int) {
        var items = ""
        var bytes = 0
        for (index, frame) in sweep.frames.enumerated() {
            let label = HTML.escape(sweep.label(index))
            let caption = sweep.captions[index].isEmpty ? "" : " · " + HTML.escape(sweep.captions[index])
            let current = (index == sweep.initial ? " aria-current=\"true\"" : "") + " data-label=\"\(label)\""
            if let first = sweep.frames[..<index].firstIndex(of: frame) {
                items += "<li class=\"sweep-frame\" data-frame=\"\(index)\" data-same-as=\"\(first)\"\(current)><p class=\"sweep-same\">\(label): the same figure as \(HTML.escape(sweep.label(first)))</p><p class=\"sweep-caption\">\(label)\(caption)</p></li>\n"
                continue
            }
            figureCount += 1
            let svg = FigureHTML.render(frame, id: "fig-\(figureCount)")
            bytes += svg.utf8.count
            items += "<li class=\"sweep-frame\" data-frame=\"\(index)\"\(current)><figure class=\"plot\">\n\(svg)<figcaption class=\"sweep-caption\">\(label)\(caption)</figcaption></figure></li>\n"
        }
        let html = """
            <div class="sweep" id="\(id)">
            <div class="sweep-control" hidden><label for="\(id)-range">\(HTML.escape(sweep.parameter))</label> <input type="range" id="\(id)-range" min="0" max="\(sweep.frames.count - 1)" step="1" value="\(sweep.initial)" aria-valuetext="\(HTML.escape(sweep.label(sweep.initial)))"> <output for="\(id)-range" aria-live="polite">\(HTML.escape(sweep.label(sweep.initial)))</output></div>
            <ol class="sweep-frames" aria-label="\(HTML.escape(sweep.parameter)): \(sweep.frames.count) frames">
            \(items)</ol>
            </div>

            """
        return (html, bytes)
    }

    /// The page's script: each sweep shows one frame, chosen with its range input; labels and the
    /// live region follow. Without it every frame stays listed.
    static let script = """
        <script>
        document.querySelectorAll(".sweep").forEach(function (sweep) {
          var input = sweep.querySelector("input[type=range]");
          var output = sweep.querySelector("output");
          var frames = Array.prototype.slice.call(sweep.querySelectorAll(".sweep-frame"));
          var labels = frames.map(function (frame) { return frame.getAttribute("data-label"); });
          var captions = frames.map(function (frame) { return frame.querySelector(".sweep-caption").textContent; });
          function show(index) {
            var same = frames[index].getAttribute("data-same-as");
            var visible = same === null ? index : Number(same);
            frames.forEach(function (frame, i) {
              frame.hidden = i !== visible;
              frame.removeAttribute("aria-current");
              frame.querySelector(".sweep-caption").textContent = captions[i];
            });
            frames[visible].querySelector(".sweep-caption").textContent = captions[index];
            frames[visible].setAttribute("aria-current", "true");
            input.setAttribute("aria-valuetext", labels[index]);
            output.textContent = labels[index];
          }
          sweep.classList.add("sweep-live");
          sweep.querySelector(".sweep-control").hidden = false;
          input.addEventListener("input", function () { show(Number(input.value)); });
          show(Number(input.value));
        });
        </script>

        """
}
