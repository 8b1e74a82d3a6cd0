/// One side of a drift check: an agreement's clauses and what each one states, read once
/// through the shared pipeline (tokenizer, glossary, ICU parsing).
struct Agreement {
    var path: String
    var language: Language
    var clauses: [ClauseContent]
    /// Every term the document defines, in order of definition.
    var terms: [DefinedTerm]
    var warnings: [Diagnostic]

    var length: Int { clauses.reduce(0) { $0 + $1.length } }
}

/// What one clause states: values, names, defined-term mentions, glossary functions, and its
/// segments' negation, modality and stance.
struct ClauseContent {
    var clause: AgreementClause
    var facts: TextFacts
    var values: [Value]
    /// Indices into `Agreement.terms` of the terms this clause defines.
    var defines: [Int] = []
    var mentions: [TermMention] = []
    var names: [NameRun] = []
    var functions: [FunctionMention]
    var segments: [Segment]
    var length: Int

    var text: String { clause.text }

    func line(ofToken i: Int) -> Int { clause.line(atOffset: facts.tokens[i].range.lowerBound) }
    func line(atOffset offset: Int) -> Int { clause.line(atOffset: offset) }
}

/// A glossary function a clause names.
struct FunctionMention {
    var id: String
    /// The phrase as written, the tokens it spans, and its words' stems.
    var phrase: String
    var token: Int
    var last: Int
    /// Stems and written forms of its words (`FunctionWords.words`), and how many words it has
    /// (stop words aside).
    var words: Set<String>
    var wordCount: Int
    /// Matched only through transliteration, or by one word several functions use.
    var weak: Bool
}

/// Reads outlines into agreements. Not thread-safe (ICU and Snowball state): one per thread.
final class AgreementReader {
    let index: GlossaryIndex
    let functionWords: FunctionWords
    let names = NameMatcher()
    let numberWords = NumberWords()
    private let sentences = SentenceSplitter()
    private var valueReaders: [Language: ValueReader] = [:]

    init(index: GlossaryIndex) {
        self.index = index
        functionWords = FunctionWords(index)
    }

    func read(_ outline: Outline) -> Agreement {
        let language = Self.language(of: outline.units.map(\.text).joined(separator: " "), otherwise: .en)
        var clauses: [ClauseContent] = []
        var terms: [DefinedTerm] = []
        for clause in ClauseSplitter.clauses(of: outline) {
            let facts = TextFacts(clause.text, index: index, heading: clause.role != .body)
            let defined = DefinedTerms.defined(in: clause.text, tokens: facts.tokens, tokenizer: index.tokenizer)
            // Each clause's numbers are read in its own language: «01.03.2027» is the 1st of
            // March in Russian and January 3rd in American English.
            let values = valueReader(Self.language(of: clause.text, otherwise: language))
            var content = ClauseContent(
                clause: clause, facts: facts, values: values.values(in: clause.text, tokens: facts.tokens),
                functions: facts.phrases.flatMap { match in
                    let weak = match.viaTransliteration || functionWords.isAmbiguous(match, tokens: facts.tokens, language: language)
                        || Self.isModifier(match, of: facts.phrases, tokens: facts.tokens)
                    let content = facts.tokens[match.tokens].filter { $0.isWord && !index.isStopword($0) }
                    let words = FunctionWords.words(content[...])
                    return match.functions.map {
                        FunctionMention(id: $0, phrase: facts.surface(match.tokens), token: match.tokens.lowerBound, last: match.tokens.upperBound,
                                        words: words, wordCount: content.count, weak: weak)
                    }
                },
                segments: [], length: clause.text.count)
            content.defines = Array(terms.count..<(terms.count + defined.count))
            terms += defined
            clauses.append(content)
        }
        // Terms are written with a capital wherever they are used, before their definition too
        // (a title, a heading), so mentions and names are read once every term is known.
        let common = Set(clauses.flatMap { $0.facts.tokens.filter { $0.kind == .word && $0.surface.first?.isLowercase == true }.map(NameMatcher.commonKey) })
        for i in clauses.indices {
            let facts = clauses[i].facts
            clauses[i].mentions = DefinedTerms.mentions(of: terms, in: facts.tokens, text: facts.text)
            let mentioned = Set(clauses[i].mentions.flatMap { Array($0.tokens) })
            var excluded = mentioned
            for value in clauses[i].values {
                excluded.formUnion(facts.tokens.indices.filter { value.range.contains(facts.tokens[$0].range.lowerBound) })
            }
            clauses[i].names = names.runs(facts.tokens, text: facts.text, excluded: excluded, common: common)
            clauses[i].segments = SegmentReader.segments(of: facts.text, facts: facts, sentences: sentences, terms: mentioned)
        }
        return Agreement(path: outline.path, language: language, clauses: clauses, terms: terms, warnings: outline.warnings)
    }

    /// An English phrase right before another one is that one's modifier: "production status
    /// reports" are reports, on production. (Russian puts its modifiers after the head word,
    /// «отчёты о ходе производства»; see `FunctionWords.complements`.)
    static func isModifier(_ match: GlossaryIndex.PhraseMatch, of matches: [GlossaryIndex.PhraseMatch], tokens: [Token]) -> Bool {
        guard tokens[match.tokens].allSatisfy({ $0.script == .latin }) else { return false }
        return matches.contains { $0.tokens.lowerBound == match.tokens.upperBound + 1 }
    }

    /// English or Russian by the letters that are more numerous: a Russian translation keeps
    /// Latin company names ("Northwind Agency LLC") and is still Russian.
    static func language(of text: String, otherwise: Language) -> Language {
        var counts = LanguageDetector.LetterCounts()
        LanguageDetector.count(text, into: &counts)
        guard counts.cyrillic + counts.latin > 0 else { return otherwise }
        return counts.cyrillic >= counts.latin ? .ru : .en
    }

    private func valueReader(_ language: Language) -> ValueReader {
        let key: Language = language == .ru ? .ru : .en
        if let reader = valueReaders[key] { return reader }
        let reader = ValueReader(language: key, numberWords: numberWords)
        valueReaders[key] = reader
        return reader
    }

    /// What alignment compares a clause by: its values, names and functions, written the same
    /// way in both languages.
    func anchors(_ content: ClauseContent) -> Set<String> {
        var anchors = Set<String>()
        for value in content.values {
            anchors.insert(value.anchor)
        }
        for run in content.names {
            for i in run.tokens {
                let skeleton = names.skeleton(content.facts.tokens[i])
                if skeleton.count >= 2 { anchors.insert("n" + skeleton) }
            }
        }
        for function in content.functions { anchors.insert("f" + function.id) }
        return anchors
    }
}
