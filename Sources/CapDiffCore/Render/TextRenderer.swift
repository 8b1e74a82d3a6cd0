/// The terminal report: a side-by-side table that fits the width, the ambiguous lines with
/// their reasons, and a one-line summary.
public struct TextRenderer {
    public var style: TextStyle
    public var glossary: Glossary

    public init(style: TextStyle, glossary: Glossary) {
        self.style = style
        self.glossary = glossary
    }

    func label(_ id: String) -> String {
        glossary.function(id)?.label(style.language.rawValue) ?? id
    }

    func label(_ key: ClaimKey) -> String {
        glossary.label(function: key.function, scope: key.scope, language: style.language.rawValue)
    }

    public func render(_ comparison: Comparison) -> String {
        let lang = style.language
        let names = comparison.sides.map(\.name)
        var table = TextTable(columns: [TextTable.Column(title: Words.header("Function", lang), flexible: true)]
            + names.map { TextTable.Column(title: $0) }
            + [TextTable.Column(title: Words.header("Verdict", lang)), TextTable.Column(title: Words.header("Lead", lang))])
        for row in comparison.rows {
            let color = TextStyle.color(for: row.verdict)
            table.rows.append([(label(row.key), nil)]
                + row.stances.indices.map { side in
                    (Words.cell(row.stances[side], conflicted: row.conflicted[side], lang), row.stances[side] == nil ? TextStyle.Color.dim : nil)
                }
                + [(Words.verdict(row.verdict, lang), color), (row.lead.map { names[$0] } ?? "", nil)])
        }
        var lines = [fit(comparison.sides.map { "\($0.name) (\($0.analysis.path), \($0.analysis.language.rawValue))" }.joined(separator: "  vs  "), style.width), ""]
        lines += comparison.rows.isEmpty ? [lang == .ru ? "Ни одна сторона не называет известных функций." : "Neither side names a known function."] : table.render(style)
        if comparison.rows.contains(where: { $0.conflicted.contains(true) }) {
            lines.append(style.paint(fit(Words.conflictLegend(lang), style.width), .dim))
        }
        if !comparison.splits.isEmpty {
            lines.append("")
            for split in comparison.splits {
                lines.append(fit("\(label(split.function)): \(Words.split(split, names: names, glossary: glossary, lang))", style.width))
            }
        }
        let ambiguities = comparison.sides.flatMap { side in side.analysis.ambiguities.map { (side.name, $0) } }
        if !ambiguities.isEmpty {
            lines += ["", style.paint(lang == .ru ? "Неоднозначные строки" : "Ambiguous lines", .bold)]
            for (name, ambiguity) in ambiguities { lines += ambiguityLines(ambiguity, place: ambiguity.place.place(name, lang)) }
        }
        for note in comparison.notes { lines += ["", style.paint(trapNote(note, comparison), .yellow)] }
        for side in comparison.sides { lines += side.analysis.warnings.map { "warning: \($0)" } }
        lines += ["", summary(comparison)]
        return lines.joined(separator: "\n") + "\n"
    }

    func trapNote(_ note: Comparison.Note, _ comparison: Comparison) -> String {
        let names = comparison.sides.map(\.name)
        let list = note.otherStrategic.map(label).joined(separator: ", ")
        if style.language == .ru {
            return "Внимание: \(names[note.side]) не отвечает ни за одну стратегическую функцию, а \(names[note.other]) отвечает за \(note.otherStrategic.count) (\(list)) — \(names[note.side]) рискует стать подрядчиком, а не партнёром."
        }
        return "Note: \(names[note.side]) owns no strategic function while \(names[note.other]) owns \(note.otherStrategic.count) (\(list)): \(names[note.side]) risks becoming a subcontractor rather than a partner."
    }

    func summary(_ comparison: Comparison) -> String {
        let lang = style.language
        let counts = Verdict.allCases.compactMap { verdict -> String? in
            let n = comparison.rows.filter { $0.verdict == verdict }.count
            return n == 0 ? nil : "\(n) \(Words.verdict(verdict, lang))"
        }
        let ambiguous = comparison.sides.reduce(0) { $0 + $1.analysis.ambiguities.count }
        if lang == .ru {
            return "Итого: функций \(comparison.rows.count) (\(counts.joined(separator: ", "))); неоднозначных строк \(ambiguous)."
        }
        return "Summary: \(comparison.rows.count) function\(comparison.rows.count == 1 ? "" : "s") (\(counts.isEmpty ? "none" : counts.joined(separator: ", "))); \(ambiguous) ambiguous line\(ambiguous == 1 ? "" : "s")."
    }

    func ambiguityLines(_ ambiguity: Ambiguity, place: String) -> [String] {
        let kinds = ambiguity.kinds.map { Words.kind($0, style.language) }.joined(separator: ", ")
        let head = "  \(place)  \(kinds)"
        let text = "    " + fit(ambiguity.text, style.width - 4)
        let reasons = ambiguity.reasons.map { "    " + style.paint(fit($0, style.width - 4), .dim) }
        return [style.paint(head, .yellow), text] + reasons
    }

    public func render(_ analysis: Analysis) -> String {
        let lang = style.language
        var table = TextTable(columns: [TextTable.Column(title: Words.header("Function", lang)),
                                        TextTable.Column(title: Words.header("Stance", lang)),
                                        TextTable.Column(title: Words.header("Line", lang)),
                                        TextTable.Column(title: Words.header("Text", lang), flexible: true)])
        for claim in analysis.claims.sorted(by: { ($0.line, $0.key) < ($1.line, $1.key) }) {
            table.rows.append([(label(claim.key), nil), (Words.stance(claim.stance, lang), nil), (claim.place.short(lang), .dim), (claim.text, nil)])
        }
        var lines = [fit("\(analysis.path) (\(analysis.language.rawValue))", style.width), ""]
        lines += analysis.claims.isEmpty ? [lang == .ru ? "Известных функций не найдено." : "No known function found."] : table.render(style)
        if !analysis.ambiguities.isEmpty {
            lines += ["", style.paint(lang == .ru ? "Неоднозначные строки" : "Ambiguous lines", .bold)]
            for ambiguity in analysis.ambiguities { lines += ambiguityLines(ambiguity, place: ambiguity.place.place(analysis.path, lang)) }
        }
        lines += analysis.warnings.map { "warning: \($0)" }
        let stances = analysis.stances
        let summary = Stance.allCases.compactMap { stance -> String? in
            let n = stances.values.filter { $0 == stance }.count
            return n == 0 ? nil : "\(n) \(Words.stance(stance, lang))"
        }.joined(separator: ", ")
        lines += ["", lang == .ru
            ? "Итого: функций \(stances.count) (\(summary)); неоднозначных строк \(analysis.ambiguities.count)."
            : "Summary: \(stances.count) function\(stances.count == 1 ? "" : "s") (\(summary.isEmpty ? "none" : summary)); \(analysis.ambiguities.count) ambiguous line\(analysis.ambiguities.count == 1 ? "" : "s")."]
        return lines.joined(separator: "\n") + "\n"
    }
}
