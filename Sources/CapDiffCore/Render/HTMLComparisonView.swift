/// One `Comparison` as HTML sections: the capability matrix (a row per function, both sides'
/// stances with the evidence lines, the verdict in words and colour, the lead), the ambiguous
/// lines with their reasons, and the subcontractor-trap note. A page shows one of these for
/// `compare`; a batch page shows one per thread (nested under the thread's heading, hence
/// `headingLevel`, and with the message each quoted line comes from, hence the places).
struct HTMLComparisonView {
    /// Where a quoted line comes from when its line number alone does not say: a thread's lines
    /// are lines of its messages. Shown before the line number; `title` (the Message-ID) on hover.
    struct Place {
        var text: String
        var title: String?
    }

    var comparison: Comparison
    var glossary: Glossary
    /// The language of the report's own words; quotes keep their documents' languages.
    var language: Language
    var headingLevel = 2
    /// Per side, the place of each claim of its analysis (same order); nil when lines are lines
    /// of the side's one document.
    var claimPlaces: [[Place]]? = nil
    /// Per side, the place of each ambiguous line of its analysis (same order).
    var ambiguityPlaces: [[Place]]? = nil

    private var names: [String] { comparison.sides.map(\.name) }
    private var other: Language { language == .ru ? .en : .ru }

    private func t(_ en: String, _ ru: String) -> String { language == .ru ? ru : en }

    var sections: [HTMLNode] {
        [matrix] + splits + [ambiguities] + notes
    }

    /// "northwind: fixtures/northwind.md (en) · sever-media: …", for the page header.
    var sidesLine: HTMLNode {
        .tag("p", [("class", "meta")], comparison.sides.map { "\($0.name): \($0.analysis.path) (\($0.analysis.language.rawValue))" }
            .joined(separator: " · "))
    }

    var summaryLine: HTMLNode {
        .tag("p", [("class", "summary")], TextRenderer(style: TextStyle(language: language), glossary: glossary).summary(comparison))
    }

    var matrix: HTMLNode {
        let columns: [HTMLNode] = [.tag("col", [("class", "col-function")])]
            + names.map { _ in .tag("col", [("class", "col-side")]) }
            + [.tag("col", [("class", "col-verdict")]), .tag("col", [("class", "col-lead")])]
        let head = HTMLNode.tag("tr", [], [.tag("th", [("scope", "col")], t("Function", "Функция"))]
            + comparison.sides.map { side in
                .tag("th", [("scope", "col")], [.text(side.name),
                                               .tag("span", [("class", "other-label")], "\(side.analysis.path) (\(side.analysis.language.rawValue))")])
            }
            + [.tag("th", [("scope", "col")], t("Verdict", "Вердикт")), .tag("th", [("scope", "col")], t("Lead", "Ведёт"))])
        let body = comparison.rows.isEmpty
            ? [HTMLNode.tag("tr", [], [.tag("td", [("colspan", String(names.count + 3))],
                                          t("Neither side names a known function.", "Ни одна сторона не называет известных функций."))])]
            : comparison.rows.map(row)
        return .tag("table", [("class", "matrix")], [
            .tag("caption", [], t("Who owns each function", "Кто за что отвечает") + ": " + names.joined(separator: " / ")),
            .tag("colgroup", [], columns),
            .tag("thead", [], [head]),
            .tag("tbody", [], body),
        ])
    }

    private func row(_ row: Comparison.Row) -> HTMLNode {
        let label = glossary.label(function: row.function, scope: row.scope, language: language.rawValue)
        let otherLabel = glossary.function(row.function)?.labels[other.rawValue] == nil ? nil
            : glossary.label(function: row.function, scope: row.scope, language: other.rawValue)
        var header: [HTMLNode] = [.text(label)]
        if let otherLabel, otherLabel != label {
            header.append(.tag("span", [("class", "other-label"), ("lang", other.rawValue)], otherLabel))
        }
        let stanceCells = comparison.sides.indices.map { side in
            stanceCell(row.stances[side], evidence: row.evidence[side], places: evidencePlaces(row, side: side),
                       language: comparison.sides[side].analysis.language, conflicted: row.conflicted[side])
        }
        // A function's scoped rows follow its unscoped one, indented under it.
        let rowClass = HTMLStyle.verdictClass(row.verdict) + (row.scope == nil ? "" : " scoped")
        return .tag("tr", [("class", rowClass), ("data-function", row.function), ("data-scope", row.scope),
                           ("data-verdict", row.verdict.rawValue)],
                    [.tag("th", [("scope", "row")], header)] + stanceCells + [
                        .tag("td", [("class", "verdict")], Words.verdict(row.verdict, language)),
                        .tag("td", [("class", "lead")], row.lead.map { names[$0] } ?? "—"),
                    ])
    }

    /// The places of a row's evidence on one side: its analysis' claims of that function and
    /// stance, which are the evidence, in the same order.
    private func evidencePlaces(_ row: Comparison.Row, side: Int) -> [Place?] {
        guard let places = claimPlaces?[side] else { return row.evidence[side].map { _ in nil } }
        let indices = comparison.evidenceIndices(row, side: side)
        return row.evidence[side].indices.map { i in i < indices.count && indices[i] < places.count ? places[indices[i]] : nil }
    }

    private func placeNode(_ place: Place) -> HTMLNode {
        .tag("span", [("class", "place"), ("title", place.title)], place.text)
    }

    /// The stance in words, then each line that states it, quoted in its document's language.
    private func stanceCell(_ stance: Stance?, evidence: [Claim], places: [Place?], language quoted: Language, conflicted: Bool) -> HTMLNode {
        guard let stance else {
            return .tag("td", [("class", "stance-cell")], [.tag("span", [("class", "absent")], t("not mentioned", "не упоминается"))])
        }
        let quotes = zip(evidence, places).map { claim, place in
            HTMLNode.tag("li", [], (place.map { [placeNode($0), .text(", ")] } ?? []) + [
                .tag("span", [("class", "line")], claim.place.text(language)),
                .text(" "),
                // The line's own language where the analysis knows it: a Russian outline may
                // quote an English line.
                .tag("q", [("lang", HTMLPage.lang(claim.language ?? quoted))], claim.text),
            ])
        }
        let mark: [HTMLNode] = conflicted
            ? [.text(" "), .tag("span", [("class", "conflict"), ("title", t("the document contradicts itself on this",
                                                                               "документ противоречит сам себе"))], "!")]
            : []
        return .tag("td", [("class", "stance-cell")],
                    [.tag("span", [("class", "stance")], Words.stance(stance, language))] + mark
                        + (quotes.isEmpty ? [] : [.tag("ol", [("class", "evidence")], quotes)]))
    }

    /// Functions split by market, each side owning its own part.
    var splits: [HTMLNode] {
        guard !comparison.splits.isEmpty else { return [] }
        let items = comparison.splits.map { split in
            HTMLNode.tag("li", [], [.tag("strong", [], glossary.label(function: split.function, scope: nil, language: language.rawValue)),
                                    .text(": " + Words.split(split, names: names, glossary: glossary, language))])
        }
        return [.tag("aside", [("class", "note splits"), ("role", "note")], [.tag("ul", [], items)])]
    }

    var ambiguities: HTMLNode {
        let title = t("Ambiguous lines", "Неоднозначные строки")
        let lines = comparison.sides.indices.flatMap { side in
            comparison.sides[side].analysis.ambiguities.enumerated().map { index, ambiguity in
                (comparison.sides[side], ambiguity, ambiguityPlaces.flatMap { index < $0[side].count ? $0[side][index] : nil })
            }
        }
        guard !lines.isEmpty else {
            return .tag("section", [("class", "ambiguities")], [heading(title),
                                                               .tag("p", [], t("No ambiguous lines.", "Неоднозначных строк нет."))])
        }
        let head = HTMLNode.tag("tr", [], [
            t("Side", "Сторона"), t("Line", "Строка"), t("Why it is open", "Что неясно"), t("Text", "Текст"), t("Reasons", "Причины"),
        ].map { .tag("th", [("scope", "col")], $0) })
        let rows = lines.map { side, ambiguity, place in
            HTMLNode.tag("tr", [], [
                .tag("td", [], [.text(side.name)] + (place.map { [.tag("span", [("class", "other-label place"), ("title", $0.title)], $0.text)] } ?? [])),
                .tag("td", [("class", "line")], ambiguity.place.short(language)),
                .tag("td", [], ambiguity.kinds.map { Words.kind($0, language) }.joined(separator: ", ")),
                .tag("td", [("lang", HTMLPage.lang(side.analysis.language))], ambiguity.text),
                // The analyser explains itself in English, whatever the report's language.
                .tag("td", [("class", "reason"), ("lang", "en")], ambiguity.reasons.joined(separator: "; ")),
            ])
        }
        let columns = ["col-side", "col-line", "col-kinds", "col-text", "col-reasons"].map { HTMLNode.tag("col", [("class", $0)]) }
        return .tag("section", [("class", "ambiguities")], [
            heading(title),
            .tag("table", [("class", "ambiguities")], [
                .tag("caption", [], t("Lines whose wording leaves ownership open", "Строки, из которых не ясно, кто отвечает")),
                .tag("colgroup", [], columns),
                .tag("thead", [], [head]),
                .tag("tbody", [], rows),
            ]),
        ])
    }

    /// The subcontractor-trap notes, worded as in the text report.
    var notes: [HTMLNode] {
        let renderer = TextRenderer(style: TextStyle(language: language), glossary: glossary)
        return comparison.notes.map { note in
            .tag("aside", [("class", "note"), ("role", "note")], [.tag("p", [], renderer.trapNote(note, comparison))])
        }
    }

    /// What each verdict's words and colours mean; a page shows it once, however many matrices.
    static func legend(_ language: Language, headingLevel: Int = 2) -> HTMLNode {
        func t(_ en: String, _ ru: String) -> String { language == .ru ? ru : en }
        let meanings: [Verdict: String] = [
            .contested: t("both sides claim to own it: decide before launch", "обе стороны считают функцию своей: решить до запуска"),
            .shared: t("a collaboration point; the lead is the side that owns it", "совместная работа; ведёт та сторона, что за неё отвечает"),
            .covered: t("one side owns it; the other agrees or is silent", "одна сторона отвечает, другая согласна или молчит"),
            .unclear: t("someone helps or wants to share, nobody owns it", "кто-то помогает или готов делить, но никто не отвечает"),
            .gap: t("nobody does it", "никто этим не занимается"),
        ]
        let items = HTMLStyle.verdictColors.map { verdict, _, _ in
            HTMLNode.tag("li", [], [
                .tag("span", [("class", "swatch " + HTMLStyle.verdictClass(verdict)), ("aria-hidden", "true")]),
                .tag("strong", [], Words.verdict(verdict, language)),
                .text(" — " + meanings[verdict]!),
            ])
        }
        return .tag("section", [("class", "legend")], [
            .tag("h\(headingLevel)", [], t("Verdicts", "Вердикты")),
            .tag("ul", [("class", "legend")], items),
        ])
    }

    private func heading(_ text: String) -> HTMLNode { .tag("h\(headingLevel)", [], text) }
}
