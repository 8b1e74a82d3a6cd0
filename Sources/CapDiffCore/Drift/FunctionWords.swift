/// Which words of the glossary's phrases belong to one function only («бриф» to brief
/// writing) and which to several («кампании», "account"), per language. Drift uses it to tell
/// a function that changed from one the glossary merely matched loosely.
struct FunctionWords: Sendable {
    /// Stems used by exactly one function's phrases, by "language:function".
    private var own: [String: Set<String>] = [:]
    /// Stems used by several functions' phrases, by language.
    private var shared: [String: Set<String>] = [:]
    /// Every stem of each function's phrases, by "language:function".
    private var all: [String: Set<String>] = [:]

    init(_ index: GlossaryIndex) {
        var functionsOf: [String: Set<String>] = [:]
        for entry in index.glossary.phrases {
            for token in index.tokenizer.tokens(entry.phrase) where token.isWord && !index.isStopword(token) && token.normalized.count >= 3 {
                functionsOf["\(entry.language):\(token.key)", default: []].formUnion(entry.functions)
                for id in entry.functions { all["\(entry.language):\(id)", default: []].insert(token.key) }
            }
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

    /// Whether any token is one of the function's own words in that language.
    func mentions(_ function: String, in tokens: [Token], language: Language) -> Bool {
        guard let words = own["\(language.rawValue):\(function)"] else { return false }
        return tokens.contains { words.contains($0.key) }
    }

    /// Whether a phrase's words also appear in the function's own phrases: "status reports"
    /// (client relations) could be read as reporting on results too.
    func couldName(_ function: String, words: Set<String>, language: Language) -> Bool {
        !(all["\(language.rawValue):\(function)"] ?? []).isDisjoint(with: words)
    }

    /// A one-word match on a word several functions use ("Account Director" as accounting).
    func isAmbiguous(_ match: GlossaryIndex.PhraseMatch, tokens: [Token], language: Language) -> Bool {
        let words = tokens[match.tokens].filter(\.isWord)
        return words.count == 1 && shared[language.rawValue, default: []].contains(words[0].key)
    }
}
