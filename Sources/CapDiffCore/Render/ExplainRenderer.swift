/// `capdiff explain` as text (one section per pipeline step) or as JSON.
public struct ExplainRenderer {
    /// The explained document's pages or slides, where its lines are counted per page or slide.
    public var pages: PageMap?

    public init(pages: PageMap? = nil) {
        self.pages = pages
    }

    /// Where a running line of the explained document is.
    func place(_ line: Int) -> Location { pages?.location(ofLine: line) ?? Location(line: line) }

    public func render(_ e: Explanation) -> String {
        var lines: [String] = []
        if let path = e.path, let line = e.line { lines.append(place(line).place(path)) }
        lines.append("text:        \(e.text)")
        lines.append("language:    \(e.language?.rawValue ?? "none (no letters)")")
        if let heading = e.heading {
            lines.append("heading:     \(heading.text) → \(heading.stance ?? "no stance")")
        }
        lines.append("normalized:  " + e.normalized)
        lines.append("")
        lines.append("tokens (surface → normalized → stem [script] ⇄ transliteration):")
        for step in e.tokens {
            let t = step.token
            var line = "  \(t.surface) → \(t.normalized) → \(t.key) [\(t.script)]"
            if let tr = step.transliteration, tr != t.normalized { line += " ⇄ \(tr)" }
            if step.isStopword { line += " (stop word)" }
            if let synonym = step.synonym { line += " (read as \"\(synonym.means)\", \(synonym.source))" }
            if t.isMixedScript { line += " (mixed script)" }
            lines.append(line)
        }
        func section(_ title: String, _ items: [(Explanation.Match, String)]) {
            lines.append("")
            lines.append(title + (items.isEmpty ? " none" : ""))
            for (match, what) in items {
                lines.append("  \"\(match.text)\" → \(what)   (\(Self.sources(match.entries)))")
            }
        }
        section("glossary matches:", e.phrases.map {
            ($0.match, $0.functions.joined(separator: " + ") + ($0.viaTransliteration ? " (via transliteration)" : ""))
        })
        section("cues:", e.cues.map { ($0.match, $0.roles.joined(separator: ", ")) })
        section("hedges:", e.hedges.map { ($0.match, $0.kind.rawValue) })
        section("scopes:", e.scopes.map { ($0.match, $0.scope.map { "scope \($0)" } ?? "not a scope (a language or a party)") })
        lines.append("")
        lines.append("clauses:")
        for clause in e.clauses {
            var parts: [String] = []
            if let s = clause.strong { parts.append("stance " + s) }
            if let w = clause.weak { parts.append("implied " + w) }
            if let p = clause.passive { parts.append("passive \"\(p)\" (names no owner)") }
            if let n = clause.negation { parts.append("negated by \"\(n)\" (scope: this clause)") }
            for n in clause.notNegations { parts.append("\"\(n)\" is no negation") }
            lines.append("  [\(clause.text)] " + (parts.isEmpty ? "no stance" : parts.joined(separator: "; ")))
        }
        lines.append("")
        lines.append("claims:" + (e.claims.isEmpty ? " none" : ""))
        for c in e.claims { lines.append("  \(c.key) \(c.stance.rawValue) (\(place(c.line).text()), \(c.basis))") }
        lines.append("ambiguity:" + (e.ambiguities.isEmpty ? " none" : ""))
        for a in e.ambiguities {
            lines.append("  \(place(a.line).text()): \(a.kinds.map(\.rawValue).joined(separator: ", ")): \(a.reasons.joined(separator: "; "))")
        }
        lines.append("")
        lines.append("not in the glossary:" + (e.uncovered.isEmpty ? " none" : ""))
        for word in e.uncovered {
            var line = "  \(word.word) (stem \(word.stem))"
            if !word.relatedPhrases.isEmpty { line += "; same stem in " + Self.sources(word.relatedPhrases) }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `glossary/phrases.tsv:9 "creative concept"`, for each entry.
    static func sources(_ entries: [(source: GlossarySource, written: String)]) -> String {
        entries.map { "\($0.source) \"\($0.written)\"" }.joined(separator: ", ")
    }

    public func json(_ e: Explanation) -> JSON {
        let heading: JSON = e.heading.map { .object([("text", .string($0.text)), ("stance", JSON($0.stance))]) } ?? .null
        let fields: [(String, JSON)] = [
            ("text", .string(e.text)),
            ("path", JSON(e.path)),
        ] + (e.line.map { JSONViews.lineFields(place($0)) } ?? [("line", .null)]) + [
            ("language", JSON(e.language?.rawValue)),
            ("heading", heading),
            ("normalized", .string(e.normalized)),
            ("tokens", .array(e.tokens.map(Self.json))),
            ("phrases", .array(e.phrases.map(Self.json))),
            ("cues", .array(e.cues.map(Self.json))),
            ("hedges", .array(e.hedges.map(Self.json))),
            ("scopes", .array(e.scopes.map(Self.json))),
            ("clauses", .array(e.clauses.map(Self.json))),
            ("claims", .array(e.claims.map { var c = $0; c.location = pages?.location(ofLine: c.line); return JSONViews.claim(c) })),
            ("ambiguities", .array(e.ambiguities.map { a in
                var a = a
                a.location = pages?.location(ofLine: a.line)
                return JSONViews.ambiguity(a, side: nil)
            })),
            ("uncovered", .array(e.uncovered.map(Self.json))),
        ]
        return .object(fields)
    }

    static func json(_ list: [(source: GlossarySource, written: String)]) -> JSON {
        .array(list.map { .object([("file", .string($0.source.file)), ("line", .int($0.source.line)), ("entry", .string($0.written))]) })
    }

    static func json(_ step: Explanation.TokenStep) -> JSON {
        .object([
            ("surface", .string(step.token.surface)),
            ("normalized", .string(step.token.normalized)),
            ("stem", .string(step.token.key)),
            ("script", .string("\(step.token.script)")),
            ("transliteration", JSON(step.transliteration)),
            ("stop_word", .bool(step.isStopword)),
            ("synonym_of", JSON(step.synonym?.means)),
            ("mixed_script", .bool(step.token.isMixedScript)),
        ])
    }

    static func json(_ step: Explanation.PhraseStep) -> JSON {
        .object([("text", .string(step.match.text)), ("functions", .array(step.functions.map { .string($0) })),
                 ("via_transliteration", .bool(step.viaTransliteration)), ("entries", json(step.match.entries))])
    }

    static func json(_ step: Explanation.CueStep) -> JSON {
        .object([("text", .string(step.match.text)), ("roles", .array(step.roles.map { .string($0) })),
                 ("entries", json(step.match.entries))])
    }

    static func json(_ step: Explanation.HedgeStep) -> JSON {
        .object([("text", .string(step.match.text)), ("kind", .string(step.kind.rawValue)), ("entries", json(step.match.entries))])
    }

    static func json(_ step: Explanation.ScopeStep) -> JSON {
        .object([("text", .string(step.match.text)), ("scope", JSON(step.scope)), ("entries", json(step.match.entries))])
    }

    static func json(_ clause: Explanation.ClauseStep) -> JSON {
        .object([("text", .string(clause.text)), ("stance", JSON(clause.strong)), ("implied", JSON(clause.weak)),
                 ("passive", JSON(clause.passive)), ("negation", JSON(clause.negation)),
                 ("not_negations", .array(clause.notNegations.map { .string($0) }))])
    }

    static func json(_ word: Explanation.Uncovered) -> JSON {
        .object([("word", .string(word.word)), ("stem", .string(word.stem)), ("same_stem", json(word.relatedPhrases))])
    }
}
