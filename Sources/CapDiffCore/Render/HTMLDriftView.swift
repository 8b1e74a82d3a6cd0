/// One `DriftReport` as HTML sections: a table with a row per drifting clause, the source and
/// the translation side by side with the differing values marked, and what changed (each drift's
/// kind in words and its one-line reason); the kinds explained once; reading problems. With no
/// drift, a plain statement that there is none.
///
/// A marked value is a `<mark>` followed by the number of the change it belongs to, as text
/// ("[1]"): the mark's colour is never the only sign (a black-and-white print keeps the number
/// and the underline).
struct HTMLDriftView {
    var report: DriftReport
    /// The language of the report's own words; the clauses keep their documents' languages, and
    /// the reasons (which the checker writes in English) say they are English.
    var language: Language
    var headingLevel = 2

    private func t(_ en: String, _ ru: String) -> String { language == .ru ? ru : en }

    var sections: [HTMLNode] {
        guard report.hasDrift else { return [noDrift] + warnings }
        return [legend, clauses] + warnings
    }

    /// "Source: path (en) · Translation: path (ru)", for the page header.
    var documentsLine: HTMLNode {
        .tag("p", [("class", "meta")], [report.source, report.translation].enumerated().map { index, document in
            (index == 0 ? t("Source", "Оригинал") : t("Translation", "Перевод")) + ": \(document.path) (\(document.language.rawValue))"
        }.joined(separator: " · "))
    }

    var summaryLine: HTMLNode {
        .tag("p", [("class", "summary")], summary)
    }

    /// The text summary's counts, in the report's language.
    var summary: String {
        let aligned = t("\(report.sourceClauses) source and \(report.translationClauses) translation clauses, \(report.alignedPairs) pairs aligned",
                        "пунктов в оригинале: \(report.sourceClauses), в переводе: \(report.translationClauses); сопоставлено пар: \(report.alignedPairs)")
        let items = report.items
        guard !items.isEmpty else { return t("Summary: no drift (\(aligned)).", "Итог: расхождений нет (\(aligned)).") }
        let kinds = DriftKind.allCases.compactMap { kind -> String? in
            let n = items.filter { $0.kind == kind }.count
            return n == 0 ? nil : "\(n) \(Self.kind(kind, language))"
        }
        return t("Summary: \(items.count) drift\(items.count == 1 ? "" : "s") in \(report.clauses.count) clause\(report.clauses.count == 1 ? "" : "s")",
                 "Итог: расхождений — \(items.count), в пунктах — \(report.clauses.count)")
            + " (\(kinds.joined(separator: ", "))); \(aligned)."
    }

    // MARK: No drift

    var noDrift: HTMLNode {
        .tag("section", [("class", "no-drift")], [
            heading(t("No drift", "Расхождений нет")),
            .tag("p", [("class", "note ok")],
                 t("Every clause of the translation says what its source says: the same parties, roles, obligations, negations, values, dates, functions and names, and nothing left out or added.",
                   "Каждый пункт перевода говорит то же, что оригинал: те же стороны, роли, обязательства, отрицания, значения, даты, функции и имена; ничего не пропущено и не добавлено.")),
        ])
    }

    // MARK: The clauses

    var clauses: HTMLNode {
        let columns = ["col-clause", "col-side", "col-side", "col-changes"].map { HTMLNode.tag("col", [("class", $0)]) }
        let head = HTMLNode.tag("tr", [], [
            .tag("th", [("scope", "col")], t("Clause", "Пункт")),
            documentHeader(t("Source", "Оригинал"), report.source),
            documentHeader(t("Translation", "Перевод"), report.translation),
            .tag("th", [("scope", "col")], t("What changed", "Что изменилось")),
        ])
        return .tag("section", [("class", "drift")], [
            heading(t("Drifting clauses", "Пункты с расхождениями")),
            .tag("table", [("class", "drift")], [
                .tag("caption", [], t("Each drifting clause, source and translation side by side, the differing values marked",
                                      "Пункты с расхождениями: оригинал и перевод рядом, различия выделены")),
                .tag("colgroup", [], columns),
                .tag("thead", [], [head]),
                .tag("tbody", [], report.clauses.map(row)),
            ]),
        ])
    }

    private func documentHeader(_ role: String, _ document: DriftReport.Document) -> HTMLNode {
        .tag("th", [("scope", "col")], [.text(role),
                                       .tag("span", [("class", "other-label")], "\(document.path) (\(document.language.rawValue))")])
    }

    private func row(_ clause: ClauseDrift) -> HTMLNode {
        // Change n is marked n in the text; a value two changes name is marked once, with both.
        var sourceMarks: [(value: String, number: Int)] = [], translationMarks: [(value: String, number: Int)] = []
        for (index, item) in clause.items.enumerated() {
            sourceMarks.append((item.source, index + 1))
            translationMarks.append((item.translation, index + 1))
        }
        let kinds = clause.items.map(\.kind.rawValue)
        return .tag("tr", [("data-clause", clause.clause), ("data-kinds", kinds.joined(separator: " "))], [
            .tag("th", [("scope", "row"), ("class", "clause")], clause.clause),
            sideCell(clause.source, document: report.source, marks: sourceMarks,
                     missing: t("not in the source", "нет в оригинале")),
            sideCell(clause.translation, document: report.translation, marks: translationMarks,
                     missing: t("not in the translation", "нет в переводе")),
            .tag("td", [("class", "changes")], [.tag("ol", [("class", "changes")], clause.items.enumerated().map { index, item in
                change(item, number: index + 1, clause: clause)
            })]),
        ])
    }

    /// The clause's line and text, in its document's language, with the values marked; or a
    /// note that this side has no such clause.
    private func sideCell(_ text: ClauseText?, document: DriftReport.Document, marks: [(value: String, number: Int)],
                          missing: String) -> HTMLNode {
        guard let text else {
            return .tag("td", [("class", "side")], [.tag("span", [("class", "absent")], missing)])
        }
        return .tag("td", [("class", "side")], [
            .tag("div", [("class", "line")], t("line", "строка") + " \(text.line)"),
            .tag("p", [("class", "clause-text"), ("lang", HTMLPage.lang(document.language))], Self.marked(text.text, marks)),
        ])
    }

    private func change(_ item: DriftItem, number: Int, clause: ClauseDrift) -> HTMLNode {
        var children: [HTMLNode] = [
            .tag("span", [("class", "marker")], "[\(number)]"),
            .text(" "),
            .tag("strong", [("class", "kind")], Self.kind(item.kind, language)),
            .text(": "),
            // The checker explains itself in English, whatever the report's language.
            .tag("span", [("class", "reason"), ("lang", "en")], item.reason),
        ]
        // A drift inside a clause that spans lines says where; the clause's own first lines are
        // beside it already.
        var places: [String] = []
        if let line = item.sourceLine, line != clause.source?.line { places.append(t("source line", "строка оригинала") + " \(line)") }
        if let line = item.translationLine, line != clause.translation?.line { places.append(t("translation line", "строка перевода") + " \(line)") }
        if !places.isEmpty { children += [.text(" "), .tag("span", [("class", "line")], "(" + places.joined(separator: ", ") + ")")] }
        return .tag("li", [("data-kind", item.kind.rawValue)], children)
    }

    /// The text as nodes, each value's first whole-word occurrence (else its first occurrence)
    /// in a `<mark>` followed by the numbers of the changes that name it. A value that is the
    /// whole text (an omitted or added clause) is not marked: the empty cell beside it says so.
    static func marked(_ text: String, _ marks: [(value: String, number: Int)]) -> [HTMLNode] {
        var numbers: [String: [Int]] = [:]
        var values: [String] = []
        for (value, number) in marks where !value.isEmpty && value != text {
            if numbers[value] == nil { values.append(value) }
            numbers[value, default: []].append(number)
        }
        // Longer values first, so a value inside another does not take its place.
        var found: [(range: Range<String.Index>, value: String)] = []
        for value in values.sorted(by: { $0.count > $1.count }) {
            let free = occurrences(of: value, in: text).filter { range in !found.contains { $0.range.overlaps(range) } }
            guard let range = free.first(where: { isWholeWord($0, in: text) }) ?? free.first else { continue }
            found.append((range, value))
        }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        var nodes: [HTMLNode] = []
        var position = text.startIndex
        for (range, value) in found {
            if position < range.lowerBound { nodes.append(.text(String(text[position..<range.lowerBound]))) }
            nodes.append(.tag("mark", [], String(text[range])))
            nodes.append(.tag("sup", [("class", "marker")], "[" + numbers[value]!.map(String.init).joined(separator: ",") + "]"))
            position = range.upperBound
        }
        if position < text.endIndex { nodes.append(.text(String(text[position...]))) }
        return nodes
    }

    private static func occurrences(of value: String, in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var start = text.startIndex
        while start < text.endIndex, let range = text.range(of: value, range: start..<text.endIndex) {
            ranges.append(range)
            start = text.index(after: range.lowerBound)
        }
        return ranges
    }

    /// Not a piece of a longer word: no letter or digit just before or after.
    private static func isWholeWord(_ range: Range<String.Index>, in text: String) -> Bool {
        func wordy(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
        let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
        return !(before.map(wordy) ?? false) && !(after.map(wordy) ?? false)
    }

    // MARK: Kinds

    /// The contract's kind, in the report's language.
    static func kind(_ kind: DriftKind, _ language: Language) -> String {
        guard language == .ru else { return kind.rawValue }
        switch kind {
        case .omission: return "пропуск"
        case .addition: return "добавление"
        case .party: return "сторона"
        case .stance: return "роль"
        case .modality: return "модальность"
        case .negation: return "отрицание"
        case .number: return "число"
        case .date: return "дата"
        case .function: return "функция"
        case .name: return "имя"
        }
    }

    /// What each kind of drift means: the kinds this report has, once.
    var legend: HTMLNode {
        let meanings: [DriftKind: String] = [
            .omission: t("a clause, sentence or list item of the source is not in the translation",
                         "пункт, предложение или элемент списка оригинала не переведён"),
            .addition: t("the translation says something the source does not", "в переводе есть то, чего нет в оригинале"),
            .party: t("another party, or another side acts", "другая сторона, или действует другая сторона"),
            .stance: t("jointly, assists or alone: the role changed", "совместно, помогает или самостоятельно: роль изменилась"),
            .modality: t("shall and may: an obligation became a permission, or the reverse",
                         "обязан и вправе: обязанность стала правом или наоборот"),
            .negation: t("one side negates what the other affirms", "одна сторона отрицает то, что утверждает другая"),
            .number: t("another amount, percentage or duration", "другая сумма, доля или срок"),
            .date: t("another date", "другая дата"),
            .function: t("another function of the campaign", "другая функция кампании"),
            .name: t("another person's name", "другое имя"),
        ]
        let present = Set(report.items.map(\.kind))
        let items = DriftKind.allCases.filter(present.contains).map { kind in
            HTMLNode.tag("li", [("data-kind", kind.rawValue)], [.tag("strong", [], Self.kind(kind, language)), .text(" — " + meanings[kind]!)])
        }
        return .tag("section", [("class", "legend")], [
            heading(t("Kinds of drift", "Виды расхождений")),
            .tag("ul", [("class", "legend")], items),
            .tag("p", [("class", "meta")],
                 [.text(t("In the clauses, ", "В тексте пунктов ")), .tag("mark", [], t("a marked value", "выделенное значение")),
                  .tag("sup", [("class", "marker")], "[1]"),
                  .text(t(" is followed by the number of the change that names it.", " отмечено номером изменения, к которому оно относится."))]),
        ])
    }

    // MARK: Warnings

    /// Problems reading the documents that did not stop the check.
    var warnings: [HTMLNode] {
        guard !report.warnings.isEmpty else { return [] }
        return [.tag("section", [("class", "warnings")], [
            heading(t("Reading problems", "Проблемы чтения")),
            .tag("ul", [], report.warnings.map { .tag("li", [("lang", "en")], $0.description) }),
        ])]
    }

    private func heading(_ text: String) -> HTMLNode { .tag("h\(headingLevel)", [], text) }
}
