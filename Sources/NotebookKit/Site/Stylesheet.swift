/// The site's one CSS file: light and dark themes (the SVG plots read their colours from the
/// same custom properties), a print style, no external resources.
enum Stylesheet {
    static let css = """
        :root {
          --nb-bg: #ffffff; --nb-fg: #1f2328; --nb-muted: #59636e; --nb-grid: #d8dee4; --nb-accent: #0969da;
          --nb-code-bg: #f6f8fa; --nb-pass: #1a7f37; --nb-fail: #cf222e; --nb-fail-bg: #ffebe9; --nb-contour: #ffffff;
          --nb-font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
          --nb-mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
          color-scheme: light dark;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --nb-bg: #0d1117; --nb-fg: #e6edf3; --nb-muted: #9198a1; --nb-grid: #30363d; --nb-accent: #4493f8;
            --nb-code-bg: #161b22; --nb-pass: #3fb950; --nb-fail: #f85149; --nb-fail-bg: #2d1214;
            --nb-series-1: #56B4E9; --nb-series-2: #E69F00; --nb-series-3: #009E73; --nb-series-4: #CC79A7;
            --nb-series-5: #F0E442; --nb-series-6: #0072B2; --nb-series-7: #D55E00; --nb-series-8: #ffffff;
          }
        }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--nb-bg); color: var(--nb-fg); font: 16px/1.6 var(--nb-font); }
        a { color: var(--nb-accent); }
        header.site { padding: 0.6rem 1.5rem; border-bottom: 1px solid var(--nb-grid); font-weight: 600; }
        header.site { display: flex; align-items: center; justify-content: space-between; gap: 1rem; }
        header.site a { text-decoration: none; color: var(--nb-fg); }
        .search { position: relative; font-weight: normal; }
        .search input { font: inherit; font-size: 0.9rem; padding: 0.25rem 0.5rem; border: 1px solid var(--nb-grid); border-radius: 6px; background: var(--nb-bg); color: var(--nb-fg); width: 16rem; max-width: 50vw; }
        #search-results { position: absolute; right: 0; z-index: 10; list-style: none; margin: 0.25rem 0 0; padding: 0.25rem 0; min-width: 20rem; max-width: 80vw; background: var(--nb-bg); border: 1px solid var(--nb-grid); border-radius: 6px; box-shadow: 0 4px 12px rgba(0,0,0,0.15); }
        #search-results li { padding: 0.25rem 0.75rem; font-size: 0.9rem; }
        #search-results [role=option] { cursor: pointer; color: var(--nb-accent); }
        #search-results [aria-selected=true] { background: var(--nb-code-bg); outline: 2px solid var(--nb-accent); outline-offset: -2px; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
        .layout { display: flex; gap: 2rem; max-width: 92rem; margin: 0 auto; padding: 1rem 1.5rem; }
        main { flex: 1; min-width: 0; max-width: 66rem; }
        main :is(p, ul, ol, blockquote, h1, h2, h3, h4, .math-block) { max-width: 46rem; }
        body.presenting main :is(p, ul, ol, blockquote, h1, h2, h3, h4, .math-block) { max-width: none; }
        nav.toc { flex: 0 0 14rem; min-width: 0; overflow-wrap: anywhere; order: 2; position: sticky; top: 1rem; align-self: flex-start; font-size: 0.9rem; }
        nav.toc h2 { font-size: 0.9rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--nb-muted); }
        nav.toc ul { list-style: none; padding: 0; margin: 0; }
        nav.toc .toc-3 { padding-left: 1rem; }
        h1, h2, h3, h4 { line-height: 1.25; }
        h1 .anchor, h2 .anchor, h3 .anchor, h4 .anchor { margin-left: 0.4rem; color: var(--nb-muted); text-decoration: none; opacity: 0; }
        h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { opacity: 1; }
        .skip-link { position: absolute; left: 0.5rem; top: -3rem; z-index: 20; padding: 0.4rem 0.8rem; background: var(--nb-bg); color: var(--nb-accent); border: 2px solid var(--nb-accent); border-radius: 6px; }
        .skip-link:focus { top: 0.5rem; }
        :focus-visible { outline: 2px solid var(--nb-accent); outline-offset: 2px; }
        code, pre { font-family: var(--nb-mono); font-size: 0.88rem; }
        :not(pre) > code { background: var(--nb-code-bg); padding: 0.1em 0.3em; border-radius: 4px; overflow-wrap: anywhere; }
        pre { background: var(--nb-code-bg); padding: 0.75rem 1rem; border-radius: 6px; overflow-x: auto; line-height: 1.45; }
        pre.code code { counter-reset: none; }
        h3 > code, h4 > code { font-size: 1em; background: none; padding: 0; }
        h4:has(> code) { border-top: 1px solid var(--nb-code-bg); padding-top: 0.75rem; }
        a.symbol > code { text-decoration: underline; }
        .ln::before { content: attr(data-line); display: inline-block; width: 2.5em; margin-right: 1em; color: var(--nb-muted); text-align: right; user-select: none; }
        .kw { color: #cf222e; } .ty { color: #8250df; } .st { color: #0a3069; } .nu { color: #0550ae; } .cm { color: var(--nb-muted); font-style: italic; } .fn { color: #6639ba; } .at { color: #953800; }
        @media (prefers-color-scheme: dark) { .kw { color: #ff7b72; } .ty { color: #d2a8ff; } .st { color: #a5d6ff; } .nu { color: #79c0ff; } .fn { color: #d2a8ff; } .at { color: #ffa657; } }
        .cell { margin: 1.25rem 0; border-left: 3px solid var(--nb-grid); padding-left: 0.75rem; }
        .cell.failed { border-left-color: var(--nb-fail); }
        .cell-source { font-size: 0.8rem; color: var(--nb-muted); font-family: var(--nb-mono); }
        .exercise { margin: 1.5rem 0; border: 1px solid var(--nb-grid); border-left: 4px solid var(--nb-accent); border-radius: 6px; padding: 0.25rem 1rem 0.75rem; }
        .exercise.failed { border-left-color: var(--nb-fail); }
        .exercise-title { margin: 0.5rem 0; color: var(--nb-accent); }
        .exercise details { margin: 0.5rem 0; }
        .exercise summary { cursor: pointer; font-weight: 600; }
        .exercise summary:focus-visible { outline: 2px solid var(--nb-accent); outline-offset: 2px; }
        .exercise .solution { border-top: 1px dashed var(--nb-grid); padding-top: 0.25rem; }
        pre.output { background: transparent; border: 1px dashed var(--nb-grid); }
        figure.plot { margin: 1rem 0; }
        figure.plot svg { max-width: 100%; height: auto; }
        .plot-narrow { display: none; }
        @media screen and (max-width: 40rem) { body:not(.presenting) .plot-wide { display: none; } body:not(.presenting) .plot-narrow { display: block; } }
        .sweep-frames { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0.5rem; }
        .sweep-live .sweep-frames { display: block; }
        .sweep-live .sweep-same { display: none; }
        .sweep-control { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; }
        .sweep-control[hidden] { display: none; }
        .sweep-control input { flex: 1 1 12rem; min-width: 8rem; }
        .sweep-caption { font-size: 0.9rem; text-align: center; }
        button.present { font: inherit; font-size: 0.9rem; padding: 0.3rem 0.8rem; border: 1px solid var(--nb-grid); border-radius: 0.3rem; background: var(--nb-bg); color: var(--nb-fg); cursor: pointer; }
        .slide-controls { position: fixed; right: 1rem; bottom: 1rem; display: flex; gap: 0.5rem; align-items: center; background: var(--nb-bg); padding: 0.4rem 0.6rem; border: 1px solid var(--nb-grid); border-radius: 0.4rem; font-size: 1rem; }
        .slide-controls[hidden] { display: none; }
        .slide-controls button { font: inherit; padding: 0.2rem 0.6rem; }
        body.presenting header.site, body.presenting nav.toc, body.presenting footer { display: none; }
        body.presenting .layout { display: block; max-width: none; padding: 0; }
        body.presenting main { max-width: 64rem; margin: 0 auto; padding: 2rem 2.5rem 5rem; font-size: 1.5rem; }
        body.presenting .slide-hidden { display: none !important; }
        body.presenting figure.plot svg { width: 100%; max-height: 72vh; }
        body.presenting .ln, body.presenting .cell-source { display: none; }
        body.presenting pre { font-size: 1.1rem; }
        body.notes-view > *:not(.notes-panel) { display: none; }
        body.print-measure main { width: 720px; max-width: none; margin: 0; padding: 0; font-size: 14pt; }
        body.print-measure .slide-hidden { display: revert !important; }
        body.print-measure figure.plot svg { max-height: 480px; }
        .notes-panel { padding: 1.5rem 2rem; font-size: 1.4rem; }
        .notes-text { white-space: pre-wrap; }
        .notes-next { color: var(--nb-muted); }
        table { border-collapse: collapse; margin: 1rem 0; font-size: 0.92rem; }
        th, td { border: 1px solid var(--nb-grid); padding: 0.3rem 0.6rem; }
        th { background: var(--nb-code-bg); }
        caption { caption-side: top; text-align: left; color: var(--nb-muted); }
        ul.checks { list-style: none; padding-left: 0; }
        ul.checks .pass { color: var(--nb-pass); } ul.checks .fail { color: var(--nb-fail); font-weight: 600; }
        ul.checks .where { font-family: var(--nb-mono); font-size: 0.8rem; color: var(--nb-muted); }
        .failure { background: var(--nb-fail-bg); border: 1px solid var(--nb-fail); border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
        .failure pre { background: transparent; margin: 0.5rem 0 0; padding: 0; }
        .value { font-variant-numeric: tabular-nums; }
        math { font-size: 1.1em; }
        .math-block { margin: 0.75rem 0; padding: 0.5rem 0; overflow-x: auto; overflow-y: hidden; }
        .table-scroll { overflow-x: auto; max-width: 100%; }
        .table-scroll > table { margin: 0.25rem 0; }
        .math-error { color: var(--nb-fail); font-family: var(--nb-mono); border-bottom: 1px dotted var(--nb-fail); }
        .value.missing { color: var(--nb-fail); }
        .note { color: var(--nb-muted); font-style: italic; }
        li.task { list-style: none; }
        footer { border-top: 1px solid var(--nb-grid); padding: 1rem 1.5rem; }
        nav.pager { display: flex; justify-content: space-between; max-width: 92rem; margin: 0 auto; }
        .index-list { list-style: none; padding: 0; }
        .index-list li { margin: 0.8rem 0; }
        .index-list .summary { display: block; color: var(--nb-muted); }
        .status-pass { color: var(--nb-pass); } .status-fail { color: var(--nb-fail); }
        @media (max-width: 56rem) { .layout { display: block; } nav.toc { position: static; border-top: 1px solid var(--nb-grid); } }
        @media (max-width: 30rem) { .layout { padding: 0.75rem; } header.site { padding: 0.5rem 0.75rem; flex-wrap: wrap; } .search input { width: 100%; max-width: none; } .search { flex: 1 1 100%; } #search-results { min-width: 0; left: 0; right: 0; } pre { padding: 0.5rem 0.6rem; } .ln::before { width: 1.8em; margin-right: 0.6em; } }
        @media print {
          header.site, nav.toc, footer, .anchor, .search, .skip-link { display: none; }
          .table-scroll { overflow: visible; }
          body { font-size: 11pt; background: #fff; color: #000; }
          .layout { display: block; max-width: none; padding: 0; }
          pre, figure.plot, table, .cell { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
          .slide-controls, button.present { display: none; }
          body.presenting .slide-hidden { display: revert !important; }
          body.presenting main { font-size: 14pt; padding: 0; }
          body.presenting main > h2 { break-before: page; }
          body.presenting figure.plot svg { max-height: 480px; }
          .sweep-control { display: none; }
        }

        """
}
