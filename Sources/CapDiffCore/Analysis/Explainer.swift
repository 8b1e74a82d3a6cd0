/// Every pipeline step for one line, so a user can see why it was read as it was and fix the
/// glossary: normalised text, tokens with stems and transliterations, the detected language,
/// glossary matches (with the file and line each comes from), stance cues, hedges, clauses
/// with their stances and negation scope, the claims and ambiguity flags, and the words no
/// entry covers.
public struct Explanation: Sendable {
    public struct TokenStep: Sendable {
        public var token: Token
        /// The word in the other script (ICU's Russian-Latin/BGN or Latin-Cyrillic).
        public var transliteration: String?
        public var isStopword: Bool
        /// The synonyms.tsv entry that makes phrase matching read the word as another.
        public var synonym: SynonymEntry?
    }

    /// A glossary entry found in the text.
    public struct Match: Sendable {
        /// The words of the text it covers, as written.
        public var text: String
        /// Where each matching entry is, with the entry as the glossary writes it.
        public var entries: [(source: GlossarySource, written: String)]
    }

    public struct PhraseStep: Sendable {
        public var match: Match
        public var functions: [String]
        /// Matched only once a word was transliterated into the other script.
        public var viaTransliteration: Bool
    }

    public struct CueStep: Sendable {
        public var match: Match
        /// What the cue does: "owns cue", "we", "negator"…
        public var roles: [String]
    }

    public struct HedgeStep: Sendable {
        public var match: Match
        public var kind: AmbiguityKind
    }

    /// A scope wording: the market it names, or nil where its scope word names something else
    /// (a language, a party).
    public struct ScopeStep: Sendable {
        public var match: Match
        public var scope: String?
    }

    public struct ClauseStep: Sendable {
        public var text: String
        /// The stance a cue states outright, with the words that state it.
        public var strong: String?
        /// The stance a subject implies ("we design …").
        public var weak: String?
        /// An ownerless passive wording ("will be handled").
        public var passive: String?
        /// The negation word that turns this clause into `excludes`; the clause is its scope.
        public var negation: String?
        /// Negation words that do not negate here ("no later than", «не позднее»).
        public var notNegations: [String]
    }

    /// A word no glossary entry covers, with phrases that share its stem (a near miss the
    /// glossary could be extended from).
    public struct Uncovered: Sendable {
        public var word: String
        public var stem: String
        public var relatedPhrases: [(source: GlossarySource, written: String)]
    }

    public var text: String
    public var path: String?
    public var line: Int?
    public var language: Language?
    public var heading: (text: String, stance: String?)?
    public var tokens: [TokenStep]
    public var phrases: [PhraseStep]
    public var cues: [CueStep]
    public var hedges: [HedgeStep]
    public var scopes: [ScopeStep]
    public var clauses: [ClauseStep]
    public var claims: [Claim]
    public var ambiguities: [Ambiguity]
    public var uncovered: [Uncovered]

    /// The text as matching sees it: each word normalised (NFKC, case-folded, ё → е).
    public var normalized: String { tokens.map(\.token.normalized).joined(separator: " ") }
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
            let reading = HeadingReading(TextFacts(outline.units[scope].text, index: index, heading: true), index: index)
            heading = (reading.text, reading.stance.map { "\($0.stance.rawValue) (\"\($0.reason)\")" })
        }
        // The analysis of the outline up to this unit, so headings above it count.
        let analysis = analyze(Outline(path: outline.path, units: Array(outline.units[...position])))
        let lines = unit.line...(unit.line + unit.lineBreaks.count)
        let readings = facts.clauses.map { ClauseReading($0, facts: facts, headingCues: unit.isHeadingLike) }
        func match(_ tokens: ClosedRange<Int>, _ entries: [(GlossarySource, String)]) -> Explanation.Match {
            Explanation.Match(text: facts.surface(tokens), entries: entries)
        }
        return Explanation(
            text: unit.text, path: nil, line: nil,
            language: LanguageDetector.language(of: unit.text),
            heading: heading,
            tokens: facts.tokens.filter(\.isWord).map { token in
                Explanation.TokenStep(token: token, transliteration: index.transliterate(token), isStopword: index.isStopword(token),
                                      synonym: index.glossary.synonyms.last { index.tokenizer.key($0.word) == token.key })
            },
            phrases: facts.phrases.map { found in
                Explanation.PhraseStep(match: match(found.tokens, found.entries.map { ($0.source, $0.phrase) }),
                                       functions: found.functions, viaTransliteration: found.viaTransliteration)
            },
            cues: facts.cues.map { found in
                Explanation.CueStep(match: match(found.tokens, found.entries.map { ($0.source, $0.phrase) }),
                                    roles: found.entries.map(Self.role).uniqued())
            },
            hedges: facts.hedges.map { found in
                Explanation.HedgeStep(match: match(found.tokens, found.entries.map { ($0.source, $0.phrase) }),
                                      kind: found.entries.first?.kind ?? .hedge)
            },
            scopes: facts.scopeMatches.map { found in
                Explanation.ScopeStep(match: match(found.tokens, [(found.entry.source, found.entry.phrase)]), scope: found.scope)
            },
            clauses: zip(facts.clauses, readings).map { clause, reading in
                let range = clause.range
                return Explanation.ClauseStep(
                    text: range.isEmpty ? "" : facts.surface(range.lowerBound...(range.upperBound - 1)),
                    strong: reading.strong.map { "\($0.stance.rawValue) (\"\($0.reason)\")" },
                    weak: reading.weak.map { "\($0.stance.rawValue) (\"\($0.reason)\")" },
                    passive: reading.passive,
                    negation: facts.negators(in: clause).first.map { facts.surface($0.tokens) },
                    notNegations: facts.cues(in: clause, role: .notNegation).map { facts.surface($0.match.tokens) }.uniqued())
            },
            claims: analysis.claims.filter { lines.contains($0.line) },
            ambiguities: analysis.ambiguities.filter { lines.contains($0.line) },
            uncovered: uncovered(facts))
    }

    /// Words that no phrase, cue or hedge covers and that are neither stop words nor the
    /// clause breaks grammar reads ("but", «но»), each with up to three glossary phrases sharing
    /// its stem.
    func uncovered(_ facts: TextFacts) -> [Explanation.Uncovered] {
        var covered = Set<Int>()
        for range in facts.phrases.map(\.tokens) + facts.cues.map(\.tokens) + facts.hedges.map(\.tokens) + facts.scopeMatches.map(\.tokens) {
            covered.formUnion(range)
        }
        let words = facts.tokens.indices.filter { i in
            let token = facts.tokens[i]
            return token.kind == .word && !covered.contains(i) && !index.isStopword(token)
                && !Clause.breakWords.contains(token.normalized) && !Clause.conjunctions.contains(token.normalized)
        }
        guard !words.isEmpty else { return [] }
        let keyed = index.glossary.phrases.map { (entry: $0, keys: Set(index.keys(of: $0))) }
        var result: [Explanation.Uncovered] = []
        for token in words.map({ facts.tokens[$0] }) where !result.contains(where: { $0.stem == token.key }) {
            let related = keyed.lazy.filter { $0.keys.contains(self.index.stemKey(token)) || $0.keys.contains(GlossaryIndex.exactKey(token)) }
                .prefix(3).map { ($0.entry.source, $0.entry.phrase) }
            result.append(Explanation.Uncovered(word: token.surface, stem: token.key, relatedPhrases: Array(related)))
        }
        return result
    }

    /// What a cue entry does, in a word or two: "owns cue", "needs heading cue", "negator".
    static func role(_ entry: CueEntry) -> String {
        guard let stance = entry.stance else { return entry.role.rawValue }
        switch entry.role {
        case .cue: return "\(stance.rawValue) cue"
        case .heading: return "\(stance.rawValue) heading cue"
        case .headingHint: return "\(stance.rawValue) heading hint"
        case .agent: return "\(stance.rawValue) agent"
        default: return "\(entry.role.rawValue) (\(stance.rawValue))"
        }
    }
}

extension Array where Element: Equatable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var result: [Element] = []
        for element in self where !result.contains(element) { result.append(element) }
        return result
    }
}
