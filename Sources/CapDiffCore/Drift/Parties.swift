/// A term an agreement defines and then writes with a capital: (the "Agency"), («Партнёр»),
/// (hereinafter the "Partner"), (далее — «Партнёр»), "Licensor means …", «Вы означает …».
/// The parties among them are who does what; the others (the "Campaign") are still left out
/// of names.
struct DefinedTerm: Sendable, Equatable {
    var surface: String
    /// Stems of its words, so «Партнёру» and «Партнёра» are mentions of «Партнёр».
    var keys: [String]
    /// Its words as defined: in Russian, the nominative, which marks the subject of a clause.
    var normalized: [String]
    /// How sure it is that the term names a party (see `Evidence`).
    var evidence: Evidence

    enum Evidence: Int, Sendable, Comparable {
        case none
        /// A capitalised name stands just before the definition: "Northwind (the "Agency")",
        /// but also «кампании Brightnest («Кампания»)».
        case weak
        /// A company (a legal form such as "LLC" or «ООО» just before the definition), or a
        /// person or entity ("Licensor means the individual(s) or entity(ies)").
        case strong

        static func < (a: Evidence, b: Evidence) -> Bool { a.rawValue < b.rawValue }
    }

    /// Whether a term and its translation name a party: surely on one side, or likely on both.
    static func areParty(_ a: DefinedTerm, _ b: DefinedTerm) -> Bool {
        max(a.evidence, b.evidence) == .strong || (a.evidence == .weak && b.evidence == .weak)
    }

    /// "You" and «Вы» are defined in some licences; every form of the pronoun mentions them.
    var pronounForms: Set<String>? {
        guard normalized.count == 1 else { return nil }
        return Self.pronouns.first { $0.contains(normalized[0]) }
    }

    static let pronouns: [Set<String>] = [
        ["you", "your", "yours", "yourself", "yourselves"],
        ["вы", "вас", "вам", "вами", "ваш", "ваша", "ваше", "ваши", "вашего", "вашей", "вашему", "вашим", "ваших", "вашими",
         "вашу", "вашем", "вашею"],
    ]
    /// The nominative forms, which can be the subject of a clause.
    static let subjectPronouns: Set<String> = ["you", "вы"]
}

/// A defined term's occurrence in a clause.
struct TermMention: Sendable, Equatable {
    var term: Int
    var tokens: ClosedRange<Int>
    /// Could be the clause's grammatical subject: in Russian, written as defined (nominative)
    /// and after no preposition; in English, after no preposition and not possessive.
    var isSubjectForm: Bool
}

enum DefinedTerms {
    static let openQuotes: Set<Character> = ["\"", "“", "«", "„", "'", "‘"]
    static let closeQuotes: Set<Character> = ["\"", "”", "»", "“", "'", "’"]
    static let quotes = openQuotes.union(closeQuotes)
    /// Words that may come between the bracket and the quoted term.
    static let introducers: Set<String> = ["hereinafter", "referred", "to", "as", "the", "together", "collectively", "each",
                                           "a", "далее", "именуемое", "именуемый", "именуемая", "именуемые", "совместно",
                                           "вместе", "также"]
    static let definingVerbs: Set<String> = ["means", "mean", "означает", "означают", "означать"]
    /// Words in a definition that make the defined term a person or an entity.
    static let entityWords: Set<String> = ["individual", "individuals", "entity", "entities", "person", "persons", "party",
                                           "parties", "company", "organization", "organisation", "лицо", "лица", "лиц",
                                           "организация", "организации", "сторона", "стороны", "компания"]

    /// The terms a clause defines, in order.
    static func defined(in text: String, tokens: [Token], tokenizer: Tokenizer) -> [DefinedTerm] {
        var terms: [DefinedTerm] = []
        if let term = leadingDefinition(text, tokens: tokens, tokenizer: tokenizer) { terms.append(term) }
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "(") {
            index = text.index(after: open)
            guard let close = text[index...].prefix(120).firstIndex(of: ")") else { continue }
            var inner = text[index..<close].trimmingWhitespace()
            // Words before the quote: "hereinafter the", «далее —».
            while let first = inner.first, !openQuotes.contains(first) {
                let word = inner.prefix { $0.isLetter }
                if word.isEmpty, "—–-,:".contains(first) {
                    inner = inner.dropFirst().trimmingWhitespace()
                } else if !word.isEmpty, introducers.contains(word.lowercased()) {
                    inner = inner.dropFirst(word.count).trimmingWhitespace()
                } else {
                    break
                }
            }
            guard let first = inner.first, openQuotes.contains(first), let last = inner.last, closeQuotes.contains(last),
                  inner.count > 2 else { continue }
            let surface = String(inner.dropFirst().dropLast()).trimming(quotes)
            guard let firstLetter = surface.first, firstLetter.isUppercase, surface.count <= 60 else { continue }
            let before = text[..<open].suffix(80)
            let words = before.split(whereSeparator: { !$0.isLetter })
            let evidence: DefinedTerm.Evidence = words.suffix(8).contains { NameMatcher.legalForms.contains($0.lowercased()) } ? .strong
                : words.last?.first?.isUppercase == true || before.trimmingWhitespace().last.map(closeQuotes.contains) == true ? .weak : .none
            if let term = term(surface, evidence: evidence, tokenizer: tokenizer) { terms.append(term) }
            index = close
        }
        return terms
    }

    /// "Licensor means …", «Лицензиар означает …»: a definition clause's own term.
    private static func leadingDefinition(_ text: String, tokens: [Token], tokenizer: Tokenizer) -> DefinedTerm? {
        let words = tokens.enumerated().filter { $0.element.isWord }.prefix(8)
        guard let verb = words.first(where: { definingVerbs.contains($0.element.normalized) }), verb.offset > 0,
              tokens[0].surface.first?.isUppercase == true || openQuotes.contains(tokens[0].surface.first ?? " ") else { return nil }
        let start = tokens.firstIndex(where: \.isWord)!
        let utf8 = Array(text.utf8)
        let surface = String(decoding: utf8[tokens[start].range.lowerBound..<tokens[verb.offset - 1].range.upperBound], as: UTF8.self)
            .trimming(quotes)
        // "means the individual(s) or entity(ies)", «означает физическое лицо»; a definition
        // that only mentions people further on («предоставление материала неограниченному
        // кругу лиц») defines no party.
        let body = tokens[(verb.offset + 1)...].filter(\.isWord).prefix(4).map(\.normalized)
        return term(surface, evidence: body.contains(where: entityWords.contains) ? .strong : .none, tokenizer: tokenizer)
    }

    private static func term(_ surface: String, evidence: DefinedTerm.Evidence, tokenizer: Tokenizer) -> DefinedTerm? {
        let words = tokenizer.tokens(surface).filter(\.isWord)
        guard !words.isEmpty, words.count <= 6 else { return nil }
        return DefinedTerm(surface: surface, keys: words.map(\.key), normalized: words.map(\.normalized), evidence: evidence)
    }

    static let englishPrepositions: Set<String> = [
        "by", "to", "from", "with", "of", "for", "on", "upon", "against", "between", "than", "as", "under", "in", "at",
        "toward", "towards", "including", "without", "via", "about",
    ]
    static let russianPrepositions: Set<String> = [
        "в", "во", "на", "за", "через", "про", "о", "об", "обо", "от", "до", "для", "у", "с", "со", "к", "ко", "по", "из",
        "без", "при", "перед", "между", "над", "под", "между",
    ]
    static let englishClauseStarts: Set<String> = ["and", "or", "but", "that", "if", "unless", "where", "when", "whereas",
                                                   "which", "who", "then", "while", "whether", "once", "until", "so", "nor"]
    static let determiners: Set<String> = ["the", "a", "an", "each", "either", "its", "this", "such", "every", "any"]

    /// Where the clause mentions the terms (by stem, with a capital; pronouns in any case).
    static func mentions(of terms: [DefinedTerm], in tokens: [Token], text: String) -> [TermMention] {
        var result: [TermMention] = []
        var i = 0
        let utf8 = Array(text.utf8)
        while i < tokens.count {
            guard tokens[i].isWord else { i += 1; continue }
            var found: (term: Int, length: Int)?
            for (t, term) in terms.enumerated() {
                if let forms = term.pronounForms {
                    if forms.contains(tokens[i].normalized) { found = (t, 1); break }
                    continue
                }
                guard tokens[i].surface.first?.isUppercase == true, i + term.keys.count <= tokens.count else { continue }
                let words = tokens[i..<(i + term.keys.count)]
                if zip(words, term.keys).allSatisfy({ sameStem($0, $1) }), found.map({ term.keys.count > $0.length }) ?? true {
                    found = (t, term.keys.count)
                }
            }
            guard let (t, length) = found else { i += 1; continue }
            let range = i...(i + length - 1)
            result.append(TermMention(term: t, tokens: range,
                                      isSubjectForm: isSubjectForm(terms[t], range, tokens, utf8)))
            i += length
        }
        return result
    }

    static let englishBe: Set<String> = ["be", "been", "being", "is", "are", "was", "were"]

    /// "The Partner shall be paid by the Agency": `agent` follows "by" after a passive verb of
    /// which `subject` is the subject, within a few words. ("The Licensor shall not be bound by
    /// any terms communicated by You" has no party right after its "by".)
    static func isPassiveAgent(_ agent: TermMention, of subject: TermMention, in tokens: [Token]) -> Bool {
        guard agent.tokens.lowerBound > subject.tokens.upperBound, tokens[agent.tokens.lowerBound].script == .latin else { return false }
        let between = tokens[(subject.tokens.upperBound + 1)..<agent.tokens.lowerBound].filter(\.isWord).map(\.normalized)
        guard between.count <= 8, let by = between.lastIndex(where: { !determiners.contains($0) }), between[by] == "by" else { return false }
        return between[..<by].contains(where: englishBe.contains) && !tokens[subject.tokens.upperBound..<agent.tokens.lowerBound].contains { $0.surface == "." || $0.surface == ";" }
    }

    /// Snowball's Russian stems vary by a letter between forms («Материал» → «материа»,
    /// «Материалу» → «материал»), so a Cyrillic stem may differ from the term's by a final
    /// letter or two.
    static func sameStem(_ token: Token, _ key: String) -> Bool {
        if token.key == key { return true }
        guard token.script == .cyrillic else { return false }
        let (short, long) = token.key.count <= key.count ? (token.key, key) : (key, token.key)
        return short.count >= 4 && long.count - short.count <= 2 && long.hasPrefix(short)
    }

    private static func isSubjectForm(_ term: DefinedTerm, _ range: ClosedRange<Int>, _ tokens: [Token], _ utf8: [UInt8]) -> Bool {
        let words = tokens[range].map(\.normalized)
        var before = range.lowerBound - 1
        while before >= 0, !tokens[before].isWord || determiners.contains(tokens[before].normalized) { before -= 1 }
        let previous = before >= 0 ? tokens[before].normalized : ""
        if tokens[range.lowerBound].script == .cyrillic {
            if russianPrepositions.contains(previous) { return false }
            if term.pronounForms != nil { return DefinedTerm.subjectPronouns.contains(words[0]) }
            return words == term.normalized
        }
        // English marks no case: a subject starts its clause ("The Agency shall", "if You
        // Share", "that the Licensor has"), while "grants You" and "from the Licensor" do not.
        if englishPrepositions.contains(previous) { return false }
        if before >= 0, !englishClauseStarts.contains(previous),
           !(tokens[before + 1..<range.lowerBound].contains { $0.kind == .punctuation && ",;:(".contains($0.surface) }) {
            return false
        }
        if term.pronounForms != nil { return DefinedTerm.subjectPronouns.contains(words[0]) }
        // "the Partner's fee": the possessive is no subject.
        let end = tokens[range.upperBound].range.upperBound
        let next = utf8[end..<min(utf8.count, end + 4)]
        return !(next.starts(with: Array("'s".utf8)) || next.starts(with: Array("’s".utf8)))
    }
}

extension String {
    /// The string without leading and trailing characters of a set (quotes, here).
    func trimming(_ characters: Set<Character>) -> String {
        var s = Substring(self)
        while let first = s.first, characters.contains(first) || first.isWhitespace { s = s.dropFirst() }
        while let last = s.last, characters.contains(last) || last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
