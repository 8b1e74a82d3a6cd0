/// A glossary compiled for matching: every phrase, cue and hedge tokenised, normalised and
/// stemmed the way the text will be, in tries. Not thread-safe (it owns a tokenizer and
/// ICU transliterators): one per thread.
public final class GlossaryIndex {
    public let glossary: Glossary
    public let tokenizer: Tokenizer
    private let phrases = Trie<PhraseEntry>()
    /// Cue tries by role class, so a longer cue of one class never hides a word of another
    /// ("we can help" as a heading cue must not swallow the subject "we" and the cue "help").
    private let stanceCues = Trie<CueEntry>()
    private let headingCues = Trie<CueEntry>()
    private let negationCues = Trie<CueEntry>()
    private let subjectCues = Trie<CueEntry>()
    private let verbCues = Trie<CueEntry>()
    private let modalityCues = Trie<CueEntry>()
    private let hedges = Trie<HedgeEntry>()
    private let scopes = Trie<ScopeEntry>()
    private let stopwords: Set<String>
    /// Stem → the stem it is read as (synonyms.tsv), for phrase matching.
    private let synonyms: [String: String]
    /// The same, by interned number.
    private let synonymIDs: [Int32: Int32]
    /// Single-word Latin phrases by consonant skeleton, for loanwords written in Cyrillic;
    /// built on first use.
    private lazy var skeletons: [String: [PhraseEntry]] = {
        var result: [String: [PhraseEntry]] = [:]
        for entry in glossary.phrases where !entry.exact && !entry.phrase.contains(" ") {
            let words = tokenizer.tokens(entry.phrase).filter(\.isWord)
            guard words.count == 1, words[0].script == .latin else { continue }
            let skeleton = Self.skeleton(latin: words[0].normalized)
            if skeleton.count >= 4 { result[skeleton, default: []].append(entry) }
        }
        return result
    }()
    private lazy var russianToLatin = LoanwordTransliteration.cyrillicToLatin()
    private lazy var latinToCyrillic = LoanwordTransliteration.latinToCyrillic()
    /// The standard transliterations, for showing a word in the other script (`explain`).
    private lazy var bgn = try? ICUTransliterator(id: "Russian-Latin/BGN")
    private lazy var latinCyrillic = try? ICUTransliterator(id: "Latin-Cyrillic")
    private var alternateKeys: [String: [Int32]] = [:]

    public init(_ glossary: Glossary, tokenizer: Tokenizer = Tokenizer()) {
        self.glossary = glossary
        self.tokenizer = tokenizer
        tokenizer.internsNewKeys = true
        stopwords = Set(glossary.stopwords.map { tokenizer.tokens($0.word).first(where: \.isWord)?.normalized ?? $0.word })
        var synonyms: [String: String] = [:]
        var synonymIDs: [Int32: Int32] = [:]
        for entry in glossary.synonyms {
            let (word, means) = (tokenizer.key(entry.word), tokenizer.key(entry.means))
            synonyms[word] = means
            synonymIDs[tokenizer.intern(word)] = tokenizer.intern(means)
        }
        self.synonyms = synonyms
        self.synonymIDs = synonymIDs
        for entry in glossary.phrases {
            phrases.insert(keys(of: entry).map(tokenizer.intern), entry)
        }
        for entry in glossary.cues {
            let keys = tokenizer.tokens(entry.phrase).filter(\.isWord).map { entry.exact ? $0.exactID : $0.keyID }
            switch entry.role {
            case .cue, .agent, .notCue:
                stanceCues.insert(keys, entry)
                headingCues.insert(keys, entry)
            case .heading, .headingHint: headingCues.insert(keys, entry)
            case .negator, .notNegation: negationCues.insert(keys, entry)
            case .we, .you: subjectCues.insert(keys, entry)
            case .modal, .nonAction: verbCues.insert(keys, entry)
            case .obligation, .permission: modalityCues.insert(keys, entry)
            }
        }
        for entry in glossary.hedges {
            hedges.insert(tokenizer.tokens(entry.phrase).filter(\.isWord).map { entry.exact ? $0.exactID : $0.keyID }, entry)
        }
        for entry in glossary.scopePhrases {
            scopes.insert(tokenizer.tokens(entry.phrase).filter(\.isWord).map { entry.match == .stem ? $0.keyID : $0.exactID }, entry)
        }
        tokenizer.internsNewKeys = false
    }

    public func isStopword(_ token: Token) -> Bool {
        stopwords.contains(token.normalized)
    }

    /// The keys a phrase is stored under: its words but stop words (all of them when it has
    /// nothing else), each stemmed (a synonym as the word it means) or, for an exact phrase,
    /// as written. `glossary lint` reads
    /// them too, to find phrases that collide or can never match.
    func keys(of entry: PhraseEntry) -> [String] {
        let words = tokenizer.tokens(entry.phrase).filter(\.isWord)
        let content = words.filter { !isStopword($0) }
        return (content.isEmpty ? words : content).map { entry.exact ? Self.exactKey($0) : stemKey($0) }
    }

    /// A word's stem as phrase matching reads it: a synonym's as the stem of the word it means.
    func stemKey(_ token: Token) -> String {
        synonyms[token.key] ?? token.key
    }

    // MARK: Phrases

    /// A glossary phrase found in a text.
    public struct PhraseMatch: Sendable, Equatable {
        /// Indices into the token array the match spans (stop words inside included).
        public var tokens: ClosedRange<Int>
        public var entries: [PhraseEntry]
        /// The phrase matched only once a word was transliterated into the other script.
        public var viaTransliteration: Bool

        /// The phrase could mean any one of its functions ("influencer marketing"): it claims none.
        public var isEitherOf: Bool { entries.contains(where: \.eitherOf) && functions.count > 1 }

        /// The functions the phrase names, in glossary order, without repeats.
        public var functions: [String] {
            var seen: [String] = []
            for id in entries.flatMap(\.functions) where !seen.contains(id) { seen.append(id) }
            return seen
        }
    }

    /// Punctuation that ends a phrase: a phrase never spans a comma or a dash.
    static func isBarrier(_ token: Token) -> Bool {
        token.kind == .punctuation && !"-‐/'&+".contains(token.surface)
    }

    /// Finds glossary phrases left to right, longest first. Stop words are skipped; a word
    /// that matches nothing as written is tried transliterated into the other script.
    public func matchPhrases(_ tokens: [Token], transliterate: Bool = true) -> [PhraseMatch] {
        var matches: [PhraseMatch] = []
        var segment: [Int] = []
        func flush() {
            let positions = segment.map { index in
                let token = tokens[index]
                return TriePosition(keys: transliterate ? keys(for: token) : ownKeys(token))
            }
            var i = 0
            while i < segment.count {
                let found = phrases.startsWith(positions[i])
                    ? phrases.longestMatch(from: i, in: positions, gaps: 1) { self.isModifier(tokens[segment[$0]]) } : nil
                if let found {
                    matches.append(PhraseMatch(tokens: segment[i]...segment[i + found.length - 1], entries: found.values,
                                               viaTransliteration: found.alternate))
                    i += found.length
                } else if transliterate, let entries = skeletonMatch(tokens[segment[i]]) {
                    matches.append(PhraseMatch(tokens: segment[i]...segment[i], entries: entries, viaTransliteration: true))
                    i += 1
                } else {
                    i += 1
                }
            }
            segment = []
        }
        for (index, token) in tokens.enumerated() {
            if Self.isBarrier(token) { flush(); continue }
            if token.isWord, !isStopword(token) { segment.append(index) }
        }
        flush()
        return matches
    }

    /// A word a phrase may skip: for Russian an adjective («российских» in «договоры с
    /// российскими блогерами»), never a noun («соцсетей»); for English a capitalised word or one
    /// that starts no phrase of its own.
    func isModifier(_ token: Token) -> Bool {
        guard token.kind == .word else { return false }
        switch token.script {
        case .latin:
            // "booking Russian creators": a capitalised adjective, or any word that starts no phrase.
            return token.surface.first?.isUppercase == true || phrases.root.children[synonymIDs[token.keyID] ?? token.keyID] == nil
        case .cyrillic: return Self.russianAdjectiveEndings.contains(where: token.normalized.endsWith)
        case .other: return false
        }
    }

    /// Adjective endings that nouns rarely share (not -ие, -ом: «привлечение», «блогером»).
    static let russianAdjectiveEndings = ["ий", "ый", "ой", "ая", "яя", "ое", "ые", "их", "ых", "ую", "юю",
                                          "ого", "его", "ому", "ему", "ыми", "ими", "ым", "им"]

    /// The keys a token is read as: its stem (a synonym's as the stem it means) and its exact form.
    private func ownKeys(_ token: Token) -> [(key: Int32, alternate: Bool)] {
        [(synonymIDs[token.keyID] ?? token.keyID, false), (token.exactID, false)]
    }

    /// The keys a token may be read as: its own, then its stem in the other script.
    private func keys(for token: Token) -> [(key: Int32, alternate: Bool)] {
        let own = ownKeys(token)
        guard token.kind == .word, token.script != .other else { return own }
        if let cached = alternateKeys[token.normalized] { return own + cached.map { ($0, true) } }
        var alternates: [String] = []
        if token.normalized.count < 3 {
            // Too short to transliterate safely: «и», "us".
        } else if token.script == .cyrillic, let translit = russianToLatin {
            let latin = Self.asciiLetters(translit(token.normalized))
            if !latin.isEmpty { alternates.append(tokenizer.stem(latin, script: .latin)) }
        } else if token.script == .latin, let translit = latinToCyrillic {
            let cyrillic = tokenizer.stem(ICUNormalizer.nfkcCasefold(translit(token.normalized)), script: .cyrillic)
            if !cyrillic.isEmpty { alternates.append(cyrillic) }
        }
        alternates.removeAll { $0 == token.key }
        // A transliterated stem no glossary word has cannot match: look it up, do not add it.
        let ids = alternates.map(tokenizer.internedID).filter { $0 >= 0 }
        alternateKeys[token.normalized] = ids
        return own + ids.map { ($0, true) }
    }

    /// The word in the other script (ICU's Russian-Latin/BGN or Latin-Cyrillic), for `explain`.
    public func transliterate(_ token: Token) -> String? {
        guard token.kind == .word else { return nil }
        switch token.script {
        case .cyrillic: return bgn?(token.normalized)
        case .latin: return latinCyrillic?(token.normalized)
        case .other: return nil
        }
    }

    /// A Cyrillic loanword whose sound matches a one-word English phrase: «креатив» and
    /// "creative", «аутрич» and "outreach", «брифы» and "brief" share a consonant skeleton.
    private func skeletonMatch(_ token: Token) -> [PhraseEntry]? {
        guard token.kind == .word, token.script == .cyrillic, token.normalized.count >= 4,
              let translit = russianToLatin else { return nil }
        let skeleton = Self.skeleton(latin: Self.asciiLetters(translit(token.key)), stripPlural: false)
        // Four consonants at least: three let «дальнейшую» (stem «дальн») pass for "deadline".
        guard skeleton.count >= 4 else { return nil }
        return skeletons[skeleton]
    }

    static func asciiLetters(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic }.map(Character.init))
    }

    /// A rough consonant skeleton of a Latin word, spelling English and transliterated Russian
    /// sounds alike: c/k/q, "tion"/"shn", ph/f, w/v; vowels and doubled letters dropped.
    static func skeleton(latin word: String, stripPlural: Bool = true) -> String {
        var w = Array(asciiLetters(word).utf8)
        if stripPlural, w.count > 4, w.last == UInt8(ascii: "s"), w[w.count - 2] != UInt8(ascii: "s") { w.removeLast() }
        // Rewrites applied in order, left to right, like chained replacements.
        let rules: [(String, String)] = [("tion", "shn"), ("sion", "shn"), ("ph", "f"), ("ck", "k"), ("qu", "kv"), ("q", "k"),
                                         ("x", "ks"), ("w", "v"), ("ce", "se"), ("ci", "si"), ("cy", "si"), ("c", "k"),
                                         ("kh", "h"), ("zh", "j"), ("dzh", "j"), ("y", "")]
        for (from, to) in rules {
            let f = Array(from.utf8), t = Array(to.utf8)
            guard w.count >= f.count else { continue }
            var out: [UInt8] = []
            out.reserveCapacity(w.count)
            var i = 0
            while i < w.count {
                if i + f.count <= w.count, w[i..<(i + f.count)].elementsEqual(f) {
                    out += t
                    i += f.count
                } else {
                    out.append(w[i])
                    i += 1
                }
            }
            w = out
        }
        var result: [UInt8] = []
        for byte in w where !"aeiou".utf8.contains(byte) {
            if result.last != byte { result.append(byte) }
        }
        return String(decoding: result, as: UTF8.self)
    }

    // MARK: Cues and hedges

    /// The key of a word matched as written rather than by stem.
    static func exactKey(_ token: Token) -> String { "=" + token.normalized }

    public struct CueMatch: Sendable, Equatable {
        public var tokens: ClosedRange<Int>
        public var entries: [CueEntry]
    }

    /// Finds stance cues (with heading cues in a heading), negators, subjects and verbs, each
    /// class left to right, longest first, over all words including stop words; a cue never
    /// spans punctuation other than hyphens.
    public func matchCues(_ tokens: [Token], inHeading: Bool = false) -> [CueMatch] {
        let segments = Self.segments(tokens, crossPunctuation: false)
        // "stays entirely with you" is "stays with you": stance cues read past intensifiers.
        let plain = tokens.contains { $0.isWord && Self.isIntensifier($0.normalized) }
            ? Self.segments(tokens, crossPunctuation: false, skippingIntensifiers: true) : segments
        return (matchAll(inHeading ? headingCues : stanceCues, plain)
            + [negationCues, subjectCues, verbCues, modalityCues].flatMap { matchAll($0, segments) })
            .sorted { $0.0.lowerBound < $1.0.lowerBound }
            .map { CueMatch(tokens: $0.0, entries: $0.1) }
    }

    public struct HedgeMatch: Sendable, Equatable {
        public var tokens: ClosedRange<Int>
        public var entries: [HedgeEntry]
    }

    /// Finds hedges; punctuation inside them is ignored, so «и т.д.» matches "и т д".
    public func matchHedges(_ tokens: [Token]) -> [HedgeMatch] {
        matchAll(hedges, Self.segments(tokens, crossPunctuation: true)).map { HedgeMatch(tokens: $0.0, entries: $0.1) }
    }

    /// A scope wording found in a text: a market ("US", «в России»), or a wording in which a
    /// scope word names something else (`scope` nil: "into Russian", "the US side").
    public struct ScopeMatch: Sendable, Equatable {
        public var tokens: ClosedRange<Int>
        public var entry: ScopeEntry
        public var scope: String? { entry.scope == ScopeEntry.notScope ? nil : entry.scope }
    }

    /// Finds scope wordings left to right, longest first, over all words. A wording marked
    /// `case` matches only as capitalised: "US" is the country, "us" the pronoun — except in a
    /// text written all in capitals, where case tells nothing.
    public func matchScopes(_ tokens: [Token]) -> [ScopeMatch] {
        guard scopes.count > 0 else { return [] }
        let shouting = Self.isAllCaps(tokens)
        var result: [ScopeMatch] = []
        for (range, entries) in matchAll(scopes, Self.segments(tokens, crossPunctuation: false)) {
            let fitting = entries.filter { entry in
                entry.match != .cased || (!shouting && Self.sameCase(entry.phrase, tokens[range].filter(\.isWord), tokenizer: tokenizer))
            }
            // Where one wording is listed both as a scope and as naming none, it names none.
            guard let entry = fitting.first(where: { $0.scope == ScopeEntry.notScope }) ?? fitting.first else { continue }
            result.append(ScopeMatch(tokens: range, entry: entry))
        }
        return result
    }

    static func sameCase(_ phrase: String, _ words: [Token], tokenizer: Tokenizer) -> Bool {
        let wanted = tokenizer.tokens(phrase).filter(\.isWord).map(\.surface)
        return wanted.count == words.count && zip(wanted, words).allSatisfy { $0 == $1.surface }
    }

    /// Three words or more, every letter a capital: a heading or disclaimer in capitals.
    static func isAllCaps(_ tokens: [Token]) -> Bool {
        let words = tokens.filter { $0.kind == .word }
        return words.count >= 3 && words.allSatisfy { word in !word.surface.contains(where: \.isLowercase) }
    }

    /// Stretches of words between barriers (or the whole text, crossing punctuation), each word
    /// with its keys: its stem and its exact form.
    struct Segment {
        var indices: [Int]
        var positions: [TriePosition]
    }

    /// Words that only stress a stance ("entirely", «полностью»). A switch: this runs for
    /// every word, and comparing short strings costs less than hashing them.
    static func isIntensifier(_ word: String) -> Bool {
        switch word {
        case "entirely", "fully", "completely", "squarely", "firmly", "wholly", "totally", "полностью", "целиком", "всецело": true
        default: false
        }
    }

    static func segments(_ tokens: [Token], crossPunctuation: Bool, skippingIntensifiers: Bool = false) -> [Segment] {
        var result: [Segment] = []
        var current = Segment(indices: [], positions: [])
        for (index, token) in tokens.enumerated() {
            if token.isWord, skippingIntensifiers, isIntensifier(token.normalized) {
                continue
            } else if token.isWord {
                current.indices.append(index)
                current.positions.append(.init(keys: [(token.keyID, false), (token.exactID, false)]))
            } else if !crossPunctuation && isBarrier(token), !current.indices.isEmpty {
                result.append(current)
                current = Segment(indices: [], positions: [])
            }
        }
        if !current.indices.isEmpty { result.append(current) }
        return result
    }

    private func matchAll<V>(_ trie: Trie<V>, _ segments: [Segment]) -> [(ClosedRange<Int>, [V])] {
        var result: [(ClosedRange<Int>, [V])] = []
        for segment in segments {
            var i = 0
            while i < segment.indices.count {
                if trie.startsWith(segment.positions[i]), let found = trie.longestMatch(from: i, in: segment.positions) {
                    result.append((segment.indices[i]...segment.indices[i + found.length - 1], found.values))
                    i += found.length
                } else {
                    i += 1
                }
            }
        }
        return result
    }
}
