/// The one style sheet every HTML page carries inline (no external fonts, scripts or images:
/// a report has to open offline, from an email attachment).
///
/// Colour never carries meaning alone: every verdict is also written in words, and the tints
/// sit behind near-black text (contrast above 10:1, beyond WCAG AA's 4.5:1); the stronger
/// colours are only borders and swatches. Print keeps the colours, repeats table headers on
/// each page and leaves the paper size to the printer, so A4 and Letter both fit.
enum HTMLStyle {
    /// Tint (behind text) and edge (borders, swatches) per verdict.
    static let verdictColors: [(Verdict, tint: String, edge: String)] = [
        (.contested, "#fde2e1", "#b42318"),
        (.shared, "#dcebfd", "#175cd3"),
        (.covered, "#dcf3e3", "#1b7a3d"),
        (.unclear, "#fff0c2", "#8a5a00"),
        (.gap, "#f1e0f5", "#7a2e8e"),
    ]

    static func verdictClass(_ verdict: Verdict) -> String { "v-" + verdict.rawValue }

    static var css: String {
        let verdicts = verdictColors.map { verdict, tint, edge in
            ".\(verdictClass(verdict)) { background: \(tint); }\n"
                + ".\(verdictClass(verdict)) .verdict, .swatch.\(verdictClass(verdict)) { border-left-color: \(edge); }\n"
        }.joined()
        return base + verdicts + printRules
    }

    static let base = """

        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 75rem; padding: 1.5rem; color: #111; background: #fff;
          font: 15px/1.45 "Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif; }
        h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
        h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
        p { margin: .25rem 0; }
        .meta, .other-label, .line, .reason, .absent, .place { color: #444; }
        .other-label { display: block; font-weight: normal; font-size: .85em; }
        table { border-collapse: collapse; width: 100%; table-layout: fixed; }
        caption { text-align: left; font-weight: bold; padding: .25rem 0 .5rem; }
        th, td { border: 1px solid #8c8c8c; padding: .4rem .5rem; text-align: left; vertical-align: top;
          overflow-wrap: break-word; }
        thead th { background: #eee; }
        .matrix .col-function { width: 18%; }
        .matrix .col-verdict { width: 14%; }
        .matrix .col-lead { width: 12%; }
        .ambiguities .col-side { width: 14%; }
        .ambiguities .col-line { width: 7%; }
        .ambiguities .col-kinds { width: 15%; }
        .ambiguities .col-reasons { width: 28%; }
        .stance { font-weight: bold; }
        .conflict { font-weight: bold; color: #a00000; border: 1px solid #a00000; border-radius: 50%;
          padding: 0 .35em; cursor: help; }
        tr.scoped th[scope=row] { padding-left: 1.5rem; font-weight: normal; }
        .absent { font-style: italic; }
        .verdict { font-weight: bold; border-left: .45rem solid #111; }
        ol.evidence { list-style: none; margin: .3rem 0 0; padding: 0; font-size: .88em; }
        ol.evidence li { margin: .2rem 0 0; }
        .line { white-space: nowrap; font-variant-numeric: tabular-nums; }
        q:lang(en) { quotes: "“" "”" "‘" "’"; }
        q:lang(ru) { quotes: "«" "»" "„" "“"; }
        .subtitle { font-size: 1.15rem; font-weight: bold; margin: 0 0 .5rem; }
        .matrix { margin-top: 1.5rem; }
        ul.legend { list-style: none; margin: 0; padding: 0; display: grid; gap: .4rem 1.25rem;
          grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
        .swatch { display: inline-block; width: 1.6rem; height: 1rem; vertical-align: -.15rem; margin-right: .4rem;
          border: 1px solid #8c8c8c; border-left: .45rem solid #111; }
        .note { margin: 1rem 0; padding: .6rem .8rem; border: 1px solid #8a5a00; border-left: .45rem solid #8a5a00;
          background: #fff0c2; }
        .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; border-top: 1px solid #ddd; padding: .35rem 0; }
        .pair p { margin: 0; }
        section.playbook ul { margin: .25rem 0; padding-left: 1.25rem; }
        section.playbook li { margin: .2rem 0; }
        .drift .col-clause { width: 7%; }
        .drift .col-changes { width: 30%; }
        .clause-text { margin: .2rem 0 0; }
        mark { background: #fff0a0; color: #111; border-bottom: 2px solid #8a5a00; padding: 0 .1em; }
        .marker { font-size: .8em; font-weight: bold; color: #5c3d00; }
        sup.marker { line-height: 0; margin-left: .1em; }
        ol.changes { list-style: none; margin: 0; padding: 0; }
        ol.changes li + li { margin-top: .4rem; }
        .note.ok { border-color: #1b7a3d; background: #dcf3e3; }
        section.thread { border-top: 3px solid #8c8c8c; margin-top: 2.5rem; }
        dl.thread-meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .25rem 0 .5rem; }
        dl.thread-meta dt { font-weight: bold; }
        dl.thread-meta dd { margin: 0; overflow-wrap: anywhere; }
        table.batch-summary { width: auto; min-width: 60%; table-layout: auto; }
        .batch-summary tr.detail th { font-weight: normal; padding-left: 1.5rem; }
        td.count { text-align: right; font-variant-numeric: tabular-nums; }
        footer { margin-top: 2rem; font-size: .85em; color: #444; }

        """

    static let printRules = """
        @page { margin: 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 9.5pt; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          thead { display: table-header-group; }
          tr, li, .pair, .note { break-inside: avoid; }
          h1, h2, caption { break-after: avoid; }
        }

        """
}
