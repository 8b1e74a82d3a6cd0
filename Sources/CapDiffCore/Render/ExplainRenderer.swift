/// `capdiff explain` as text: one section per pipeline step.
public struct ExplainRenderer {
    public init() {}

    public func render(_ e: Explanation) -> String {
        var lines: [String] = []
        if let path = e.path, let line = e.line { lines.append("\(path):\(line)") }
        lines.append("text:        \(e.text)")
        lines.append("language:    \(e.language?.rawValue ?? "none (no letters)")")
        if let heading = e.heading {
            lines.append("heading:     \(heading.text) → \(heading.stance ?? "no stance")")
        }
        lines.append("normalized:  " + e.tokens.map(\.token.normalized).joined(separator: " "))
        lines.append("")
        lines.append("tokens (surface → normalized → stem [script] transliteration):")
        for step in e.tokens {
            let t = step.token
            var line = "  \(t.surface) → \(t.normalized) → \(t.key) [\(t.script)]"
            if let tr = step.transliteration, tr != t.normalized { line += " ⇄ \(tr)" }
            if step.isStopword { line += " (stop word)" }
            if t.isMixedScript { line += " (mixed script)" }
            lines.append(line)
        }
        func section(_ title: String, _ matches: [Explanation.Match]) {
            lines.append("")
            lines.append(title + (matches.isEmpty ? " none" : ""))
            for m in matches {
                lines.append("  \"\(m.text)\" → \(m.what)   (\(m.sources.map(\.description).joined(separator: ", ")))")
            }
        }
        section("glossary matches:", e.phrases)
        section("cues:", e.cues)
        section("hedges:", e.hedges)
        lines.append("")
        lines.append("clauses:")
        for clause in e.clauses {
            var parts: [String] = []
            if clause.negated { parts.append("negated") }
            if let s = clause.strong { parts.append("stance " + s) }
            if let w = clause.weak { parts.append("implied " + w) }
            if let p = clause.passive { parts.append("passive \"\(p)\"") }
            lines.append("  [\(clause.text)] " + (parts.isEmpty ? "no stance" : parts.joined(separator: "; ")))
        }
        lines.append("")
        lines.append("claims:" + (e.claims.isEmpty ? " none" : ""))
        for c in e.claims { lines.append("  \(c.function) \(c.stance.rawValue) (line \(c.line), \(c.basis))") }
        lines.append("ambiguity:" + (e.ambiguities.isEmpty ? " none" : ""))
        for a in e.ambiguities {
            lines.append("  line \(a.line): \(a.kinds.map(\.rawValue).joined(separator: ", ")): \(a.reasons.joined(separator: "; "))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
