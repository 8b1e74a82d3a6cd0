/// Everything the glossary finds in one unit's text: its tokens, the function phrases, the
/// stance cues, the hedges, and the clauses they fall into. Built once per unit; the stance
/// and ambiguity rules only read it.
struct TextFacts {
    let text: String
    let tokens: [Token]
    let phrases: [GlossaryIndex.PhraseMatch]
    /// Cue matches that do not overlap a function phrase ("management" in "campaign
    /// management" is the function, not the cue "manage").
    let cues: [GlossaryIndex.CueMatch]
    let hedges: [GlossaryIndex.HedgeMatch]
    /// Scope wordings ("US", «по России»), with those naming a language or a party ("into
    /// Russian", "the US side") that hide the scope word inside them.
    let scopeMatches: [GlossaryIndex.ScopeMatch]
    let clauses: [Clause]
    /// "we" / "you" matches that stand as subjects: not after a preposition ("with your
    /// producer", «с вашей командой» are objects). Found once per unit (issue 14: each clause
    /// reads them, and finding them per clause cost the square of a unit's length).
    let subjects: [GlossaryIndex.CueMatch]

    init(_ text: String, index: GlossaryIndex, heading: Bool = false, selfNames: [SelfName] = []) {
        self.text = text
        let tokens = index.tokenizer.tokens(text)
        self.tokens = tokens
        var allCues = index.matchCues(tokens, inHeading: heading)
        scopeMatches = index.matchScopes(tokens)
        if !scopeMatches.isEmpty {
            // "US" named as a market is not the pronoun "us".
            let inScopes = Set(scopeMatches.flatMap { Array($0.tokens) })
            allCues.removeAll { cue in cue.tokens.allSatisfy(inScopes.contains) && cue.entries.contains { $0.role == .we || $0.role == .you } }
        }
        // The writer's own name is one more way of saying "we".
        let named = selfNames.flatMap { $0.occurrences(in: tokens) }
        allCues += named
        allCues.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        let inNames = Set(named.flatMap { Array($0.tokens) })
        var found = index.matchPhrases(tokens, transliterate: false).filter { !$0.tokens.allSatisfy(inNames.contains) }
        if found.isEmpty, !heading, allCues.contains(where: { $0.entries.contains { [.cue, .heading, .we, .you].contains($0.role) } }) {
            // A line that claims something but names no function: try its words in the other
            // script («кпи» for "KPI», «креатив» for "creative"). Only here, since ICU's
            // transliterators take ~10 ms to open.
            found = index.matchPhrases(tokens, transliterate: true).filter { !$0.tokens.allSatisfy(inNames.contains) }
        }
        phrases = found
        let covered = Set(phrases.flatMap { Array($0.tokens) })
        cues = allCues.filter { match in
            // A stance word wholly inside a function phrase is part of the function's name
            // ("manage" in "talent management"); negators and subjects always count.
            match.entries.contains { $0.role != .cue && $0.role != .heading } || !match.tokens.allSatisfy(covered.contains)
        }
        hedges = index.matchHedges(tokens)
        clauses = Clause.split(tokens: tokens, cues: cues, phrases: phrases)
        subjects = Self.subjects(cues, tokens: tokens)
    }

    /// The scope wordings that name a scope.
    var scopes: [GlossaryIndex.ScopeMatch] { scopeMatches.filter { $0.scope != nil } }

    static func subjects(_ cues: [GlossaryIndex.CueMatch], tokens: [Token]) -> [GlossaryIndex.CueMatch] {
        cues.filter { match in
            guard match.entries.contains(where: { $0.role == .we || $0.role == .you }) else { return false }
            guard let previous = tokens[..<match.tokens.lowerBound].last(where: \.isWord),
                  tokens[..<match.tokens.lowerBound].last(where: { $0.kind != .punctuation || !"-‐".contains($0.surface) }) == previous
            else { return true }
            return !Self.prepositions.contains(previous.normalized)
        }
    }

    static let prepositions: Set<String> = [
        "with", "to", "for", "from", "of", "at", "on", "about", "among", "between", "alongside", "through", "than", "into",
        "с", "со", "для", "от", "к", "ко", "у", "о", "об", "при", "по", "между", "перед", "над", "под", "через", "без",
    ]

    /// The text of a token range as written.
    func surface(_ range: ClosedRange<Int>) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: tokens[range.lowerBound].range.lowerBound)
        let end = utf8.index(utf8.startIndex, offsetBy: tokens[range.upperBound].range.upperBound)
        return String(text[start..<end])
    }

    func cues(in clause: Clause, role: CueRole) -> [(match: GlossaryIndex.CueMatch, entry: CueEntry)] {
        cues.filter { clause.range.contains($0.tokens.lowerBound) }
            .flatMap { match in match.entries.filter { $0.role == role }.map { (match, $0) } }
    }

    /// Negation words in the clause that are not part of a non-negating phrase ("not only",
    /// «не позднее»).
    func negators(in clause: Clause) -> [GlossaryIndex.CueMatch] {
        let exempt = Set(cues(in: clause, role: .notNegation).flatMap { Array($0.match.tokens) })
        return cues(in: clause, role: .negator).map(\.match).filter { !$0.tokens.contains(where: exempt.contains) }
    }
}

/// The writer's own name, keyed like the text, so it can be found as a subject.
struct SelfName {
    let text: String
    let keys: [String]
    let entry: CueEntry

    init(_ text: String, tokenizer: Tokenizer) {
        self.text = text
        keys = tokenizer.tokens(text).filter(\.isWord).map(\.key)
        entry = CueEntry(role: .we, stance: nil, language: "", phrase: text, exact: false,
                         source: GlossarySource(file: "the document's own name", line: 0))
    }

    func occurrences(in tokens: [Token]) -> [GlossaryIndex.CueMatch] {
        guard !keys.isEmpty else { return [] }
        let words = tokens.indices.filter { tokens[$0].isWord }
        var result: [GlossaryIndex.CueMatch] = []
        var i = 0
        while i + keys.count <= words.count {
            if (0..<keys.count).allSatisfy({ tokens[words[i + $0]].key == keys[$0] }) {
                result.append(GlossaryIndex.CueMatch(tokens: words[i]...words[i + keys.count - 1], entries: [entry]))
                i += keys.count
            } else {
                i += 1
            }
        }
        return result
    }
}

/// A stretch of a unit between clause breaks (commas, semicolons, colons, dashes, "but",
/// "since", «но», «так как», and "and" before a new subject or a negation). Stance is read
/// per clause, so "we advise on paid media, but we do not buy it" gives two statements.
struct Clause {
    var range: Range<Int>
    /// Clauses of one sentence share an index; cues carry over only within a sentence.
    var sentence: Int

    static let breakWords: Set<String> = [
        "but", "while", "whereas", "although", "though", "however", "since", "because", "so", "unless",
        "но", "однако", "хотя", "зато", "поскольку", "потому", "так", "чтобы", "если",
    ]
    static let conjunctions: Set<String> = ["and", "or", "и", "или", "а"]
    static let sentenceEnds: Set<String> = [".", "!", "?", ";", "…"]

    /// A full stop ends a sentence only before a capital letter (or at the end): "etc. are",
    /// «и т. д. и» and "approx. 30" go on.
    static func endsSentence(_ tokens: [Token], at i: Int) -> Bool {
        guard tokens[i].surface == "." else { return true }
        guard let next = tokens[(i + 1)...].first(where: { $0.kind != .punctuation }) else { return true }
        return next.surface.first?.isUppercase ?? true
    }
    static let clauseMarks: Set<String> = [",", ":", "—", "–", "(", ")", "[", "]"]

    static func split(tokens: [Token], cues: [GlossaryIndex.CueMatch], phrases: [GlossaryIndex.PhraseMatch]) -> [Clause] {
        // Where a subject or a negation starts: "and" right before one begins a new clause.
        var starts = Set<Int>()
        for match in cues where match.entries.contains(where: { [.we, .you, .negator].contains($0.role) }) {
            starts.insert(match.tokens.lowerBound)
        }
        let insidePhrase = Set(phrases.flatMap { Array($0.tokens) })
        var clauses: [Clause] = []
        var start = 0
        var sentence = 0
        func close(_ end: Int, nextSentence: Bool) {
            if end > start { clauses.append(Clause(range: start..<end, sentence: sentence)) }
            if nextSentence { sentence += 1 }
        }
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            if token.kind == .punctuation {
                if sentenceEnds.contains(token.surface) {
                    close(i, nextSentence: endsSentence(tokens, at: i))
                    start = i + 1
                } else if clauseMarks.contains(token.surface) {
                    close(i, nextSentence: false)
                    start = i + 1
                }
            } else if !insidePhrase.contains(i) {
                let word = token.normalized
                var next = i + 1
                while next < tokens.count, !tokens[next].isWord { next += 1 }
                let beforeSubject = next < tokens.count && starts.contains(next)
                if breakWords.contains(word) || (conjunctions.contains(word) && beforeSubject) {
                    close(i, nextSentence: false)
                    start = i
                }
            }
            i += 1
        }
        close(tokens.count, nextSentence: false)
        return clauses
    }
}
