/// Which words of the glossary's phrases belong to one function only («бриф» to brief
/// writing) and which to several («кампании», "account"), per language. Drift uses it to tell
/// a function that changed from one the glossary merely matched loosely. A word of a phrase the
/// glossary matches as written ("localization", whose stem "local" other phrases use) counts as
/// written (`GlossaryIndex.exactKey`), not by its stem.
struct FunctionWords: Sendable {
    /// Stems used by exactly one function's phrases, by "language:function".
    private var own: [String: Set<String>] = [:]
    /// Stems used by several functions' phrases, by language.
    private var shared: [String: Set<String>] = [:]
    /// Each function's phrases as sets of stems, by "language:function".
    private var phrases: [String: [Set<String>]] = [:]

    init(_ index: GlossaryIndex) {
        var functionsOf: [String: Set<String>] = [:]
        for entry in index.glossary.phrases {
            var stems = Set<String>()
            for token in index.tokenizer.tokens(entry.phrase) where token.isWord && !index.isStopword(token) {
                let word = entry.exact ? GlossaryIndex.exactKey(token) : token.key
                stems.insert(word)
                // Two letters ("ТЗ", "PR") say too little to tell functions apart by.
                if token.normalized.count >= 3 { functionsOf["\(entry.language):\(word)", default: []].formUnion(entry.functions) }
            }
            guard !stems.isEmpty else { continue }
            for id in entry.functions { phrases["\(entry.language):\(id)", default: []].append(stems) }
        }
        for (key, ids) in functionsOf {
            let colon = key.firstIndex(of: ":")!
            let language = String(key[..<colon]), stem = String(key[key.index(after: colon)...])
            if ids.count == 1 {
                own["\(language):\(ids.first!)", default: []].insert(stem)
            } else {
                shared[language, default: []].insert(stem)
            }
        }
    }

    /// Whether any token (but those `skipping` lists) is one of the function's own words in
    /// that language.
    func mentions(_ function: String, in tokens: [Token], skipping: Set<Int> = [], language: Language) -> Bool {
        guard let words = own["\(language.rawValue):\(function)"] else { return false }
        return tokens.indices.contains {
            !skipping.contains($0) && (words.contains(tokens[$0].key) || words.contains(GlossaryIndex.exactKey(tokens[$0])))
        }
    }

    /// The words that complete a function's phrase: up to three words after it, before any
    /// punctuation or "and" («платное продвижение коротких видео», "paid promotion of
    /// short-form videos"). They name what the function works on, not a function of their own:
    /// promoting videos is not making them. Only a phrase of two words or more names an
    /// activity whole; after one word the next ones often say which: «расходы на проезд» are
    /// travel costs.
    static func complements(of mentions: [FunctionMention], in tokens: [Token]) -> Set<Int> {
        var result = Set<Int>()
        for mention in mentions where !mention.weak && mention.wordCount >= 2 {
            var words = 0
            var i = mention.last + 1
            while i < tokens.count, words < 3 {
                let token = tokens[i]
                if token.kind == .punctuation {
                    guard token.surface == "-" else { break }
                } else if ["and", "or", "и", "или", "а", "но", "but"].contains(token.normalized) {
                    break
                } else {
                    result.insert(i)
                    words += 1
                }
                i += 1
            }
        }
        return result
    }

    /// Whether a phrase holds a whole phrase of the function: "status reports" (client
    /// relations) holds "reports" and could be read as reporting on results too. One word in
    /// common is not enough: "performance analysis" shares "performance" with "performance
    /// marketing" and still names no paid media.
    func couldName(_ function: String, words: Set<String>, language: Language) -> Bool {
        (phrases["\(language.rawValue):\(function)"] ?? []).contains { $0.isSubset(of: words) }
    }

    /// A one-word match on a word several functions use ("Account Director" as accounting).
    func isAmbiguous(_ match: GlossaryIndex.PhraseMatch, tokens: [Token], language: Language) -> Bool {
        let words = tokens[match.tokens].filter(\.isWord)
        guard words.count == 1 else { return false }
        let word = match.entries.allSatisfy(\.exact) ? GlossaryIndex.exactKey(words[0]) : words[0].key
        return shared[language.rawValue, default: []].contains(word)
    }

    /// A phrase's words as `couldName` compares them: each by stem and as written.
    static func words(_ tokens: ArraySlice<Token>) -> Set<String> {
        Set(tokens.flatMap { [$0.key, GlossaryIndex.exactKey($0)] })
    }
}
