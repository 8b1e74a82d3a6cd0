/// The capability matrix as a Markdown table, for pasting into email, tickets and docs.
public struct MarkdownRenderer {
    public var glossary: Glossary
    public var language: Language

    public init(glossary: Glossary, language: Language = .en) {
        self.glossary = glossary
        self.language = language == .ru ? .ru : .en
    }

    func label(_ id: String) -> String { glossary.function(id)?.label(language.rawValue) ?? id }
    func label(_ key: ClaimKey) -> String { glossary.label(function: key.function, scope: key.scope, language: language.rawValue) }

    /// An ambiguous line: its kinds, its text and, for a conflict, the lines it contradicts.
    func ambiguity(_ a: Ambiguity, place: String) -> String {
        let conflicts = a.contradictions.map { Words.contradiction($0, language) }
        return "- \(place) (\(a.kinds.map { Words.kind($0, language) }.joined(separator: ", "))): \(a.text)"
            + (conflicts.isEmpty ? "" : " — " + conflicts.joined(separator: "; "))
    }

    /// Escapes what would break a table cell.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    public func render(_ comparison: Comparison) -> String {
        let names = comparison.sides.map(\.name)
        var lines = ["## " + (language == .ru ? "Матрица ответственности" : "Capability matrix") + ": " + names.joined(separator: " / "), ""]
        lines.append("| " + ([Words.header("Function", language)] + names + [Words.header("Verdict", language), Words.header("Lead", language)])
            .map(Self.cell).joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: "---|", count: names.count + 3))
        for row in comparison.rows {
            let verdict = Words.verdict(row.verdict, language)
            let cells = [label(row.key)] + row.stances.indices.map { Words.cell(row.stances[$0], conflicted: row.conflicted[$0], language) }
                + [row.verdict.isDifference ? "**\(verdict)**" : verdict, row.lead.map { names[$0] } ?? ""]
            lines.append("| " + cells.map(Self.cell).joined(separator: " | ") + " |")
        }
        if comparison.rows.contains(where: { $0.conflicted.contains(true) }) {
            lines += ["", Words.conflictLegend(language)]
        }
        if !comparison.splits.isEmpty {
            lines.append("")
            for split in comparison.splits {
                lines.append("- **\(label(split.function))**: \(Words.split(split, names: names, glossary: glossary, language))")
            }
        }
        let ambiguities = comparison.sides.flatMap { side in side.analysis.ambiguities.map { (side.name, $0) } }
        if !ambiguities.isEmpty {
            lines += ["", "### " + (language == .ru ? "Неоднозначные строки" : "Ambiguous lines"), ""]
            for (name, a) in ambiguities { lines.append(ambiguity(a, place: a.place.place(name, language))) }
        }
        let renderer = TextRenderer(style: TextStyle(language: language), glossary: glossary)
        for note in comparison.notes { lines += ["", "> " + renderer.trapNote(note, comparison)] }
        lines += ["", renderer.summary(comparison)]
        return lines.joined(separator: "\n") + "\n"
    }

    public func render(_ analysis: Analysis) -> String {
        var lines = ["## \(analysis.path)", ""]
        lines.append("| \(Words.header("Function", language)) | \(Words.header("Stance", language)) | \(Words.header("Line", language)) | \(Words.header("Text", language)) |")
        lines.append("|---|---|---|---|")
        for claim in analysis.claims.sorted(by: { ($0.line, $0.key) < ($1.line, $1.key) }) {
            lines.append("| " + [label(claim.key), Words.stance(claim.stance, language), claim.place.short(language), claim.text].map(Self.cell).joined(separator: " | ") + " |")
        }
        if !analysis.ambiguities.isEmpty {
            lines += ["", "### " + (language == .ru ? "Неоднозначные строки" : "Ambiguous lines"), ""]
            for a in analysis.ambiguities { lines.append(ambiguity(a, place: a.place.text())) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
