/// Every pipeline step for one line, so a user can see why it was read as it was and fix
/// the glossary: tokens, stems, transliterations, glossary matches (with the file and line
/// each comes from), cues, clauses with their stances, negation, and the result.
public struct Explanation: Sendable {
    public struct TokenStep: Sendable {
        public var token: Token
        public var transliteration: String?
        public var isStopword: Bool
    }

    public struct Match: Sendable {
        public var text: String
        public var what: String
        public var sources: [GlossarySource]
    }

    public struct ClauseStep: Sendable {
        public var text: String
        public var strong: String?
        public var weak: String?
        public var passive: String?
        public var negated: Bool
    }

    public var text: String
    public var path: String?
    public var line: Int?
    public var language: Language?
    public var heading: (text: String, stance: String?)?
    public var tokens: [TokenStep]
    public var phrases: [Match]
    public var cues: [Match]
    public var hedges: [Match]
    public var clauses: [ClauseStep]
    public var claims: [Claim]
    public var ambiguities: [Ambiguity]
}

extension Analyzer {
    /// Explains a phrase as if it were a list item with no heading.
    public func explain(_ text: String) -> Explanation {
        let unit = Unit(kind: .item, line: 1, text: text)
        return explain(unit, in: Outline(path: "", units: [unit]), at: 0)
    }

    /// Explains the unit of an outline that holds `line`; nil when no unit starts or
    /// continues there.
    public func explain(_ outline: Outline, line: Int) -> Explanation? {
        let candidates = outline.units.indices.filter { i in
            let unit = outline.units[i]
            return unit.line <= line && line <= unit.line + unit.lineBreaks.count
        }
        guard let position = candidates.last else { return nil }
        var explanation = explain(outline.units[position], in: outline, at: position)
        explanation.path = outline.path
        explanation.line = line
        return explanation
    }

    func explain(_ unit: Unit, in outline: Outline, at position: Int) -> Explanation {
        let facts = TextFacts(unit.text, index: index, heading: unit.isHeadingLike)
        var heading: (String, String?)?
        if let scope = unit.scope {
            let reading = HeadingReading(TextFacts(outline.units[scope].text, index: index, heading: true))
            heading = (reading.text, reading.stance.map { "\($0.stance.rawValue) (\"\($0.reason)\")" })
        }
        let single = Outline(path: outline.path, units: Array(outline.units[...position]))
        let analysis = analyze(single)
        let claims = analysis.claims.filter { $0.line >= unit.line && $0.line <= unit.line + unit.lineBreaks.count }
        let ambiguities = analysis.ambiguities.filter { $0.line >= unit.line && $0.line <= unit.line + unit.lineBreaks.count }
        let readings = facts.clauses.map { ClauseReading($0, facts: facts, headingCues: unit.isHeadingLike) }
        return Explanation(
            text: unit.text, path: nil, line: nil,
            language: LanguageDetector.language(of: unit.text),
            heading: heading,
            tokens: facts.tokens.filter(\.isWord).map {
                Explanation.TokenStep(token: $0, transliteration: index.transliterate($0), isStopword: index.isStopword($0))
            },
            phrases: facts.phrases.map { match in
                Explanation.Match(text: facts.surface(match.tokens),
                                  what: match.functions.joined(separator: " + ") + (match.viaTransliteration ? " (via transliteration)" : ""),
                                  sources: match.entries.map(\.source))
            },
            cues: facts.cues.map { match in
                Explanation.Match(text: facts.surface(match.tokens),
                                  what: match.entries.map { $0.stance.map { "\($0.rawValue) cue" } ?? $0.role.rawValue }
                                      .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: ", "),
                                  sources: match.entries.map(\.source))
            },
            hedges: facts.hedges.map { match in
                Explanation.Match(text: facts.surface(match.tokens), what: match.entries.map(\.kind.rawValue).first ?? "",
                                  sources: match.entries.map(\.source))
            },
            clauses: zip(facts.clauses, readings).map { clause, reading in
                let range = clause.range
                let text = range.isEmpty ? "" : facts.surface(range.lowerBound...(range.upperBound - 1))
                return Explanation.ClauseStep(
                    text: text,
                    strong: reading.strong.map { "\($0.stance.rawValue) (\"\($0.reason)\")" },
                    weak: reading.weak.map { "\($0.stance.rawValue) (\"\($0.reason)\")" },
                    passive: reading.passive,
                    negated: !facts.negators(in: clause).isEmpty)
            },
            claims: claims, ambiguities: ambiguities)
    }
}
