/// Splits text into tokens with ICU's word break iterator (not at whitespace: "co-produce",
/// "day-to-day", «т.д.» and "KPI-отчёт" come out as their words), then normalises and stems
/// each word. Not thread-safe: one per thread.
public final class Tokenizer {
    private let words: ICUBreaker?
    private let normalizer = TextNormalizer()
    private let english = SnowballStemmer(algorithm: "english")
    private let russian = SnowballStemmer(algorithm: "russian")

    public init() {
        words = try? ICUBreaker(.word)
    }

    public func tokens(_ text: String) -> [Token] {
        let utf8 = text.utf8
        let segments = words?.segments(utf8: text) ?? [BreakSegment(start: 0, end: utf8.count, status: 200)]
        var result: [Token] = []
        result.reserveCapacity(segments.count)
        for segment in segments {
            let start = utf8.index(utf8.startIndex, offsetBy: segment.start)
            let end = utf8.index(start, offsetBy: segment.end - segment.start)
            let surface = String(text[start..<end])
            let range = segment.start..<segment.end
            if !segment.isWordLike {
                // Spaces vanish; each punctuation mark is kept, since it separates clauses.
                for char in surface where !char.isWhitespace {
                    let s = String(char)
                    result.append(Token(kind: .punctuation, surface: s, normalized: normalizer.normalize(s), key: s,
                                        script: .other, range: range, isMixedScript: false))
                }
                continue
            }
            let kind: Token.Kind = segment.status < 200 ? .number : .word
            for part in Self.splitContraction(surface) {
                result.append(makeToken(part, kind: kind, range: range))
            }
        }
        return result
    }

    /// The key of a single word, as a glossary phrase of one word would be keyed.
    public func key(_ word: String) -> String {
        tokens(word).first(where: \.isWord)?.key ?? normalizer.normalize(word)
    }

    /// Every stem and exact form this tokenizer has made, numbered: tries key on the numbers.
    private var interned: [String: Int32] = [:]
    /// Per normalised word: its stem and the stem's and the word's numbers.
    private var known: [String: (key: String, keyID: Int32, exactID: Int32)] = [:]

    /// Once frozen (when a glossary index is built), keys no glossary entry has get -1: they
    /// can match nothing, and numbering every word of a large mailbox would only cost memory.
    public var internsNewKeys = true

    /// The number of a key (a stem, or "=" and a word matched exactly), given on first sight.
    public func intern(_ key: String) -> Int32 {
        if let id = interned[key] { return id }
        guard internsNewKeys else { return -1 }
        let id = Int32(interned.count)
        interned[key] = id
        return id
    }

    /// The number of a key if this tokenizer has seen it, else -1 (which matches nothing).
    public func internedID(_ key: String) -> Int32 { interned[key] ?? -1 }

    /// What a written word becomes, remembered: the same words recur on every line, and
    /// normalising and stemming them again is most of tokenising's cost.
    private var bySurface: [String: Token] = [:]

    private func makeToken(_ surface: String, kind: Token.Kind, range: Range<Int>) -> Token {
        if var token = bySurface[surface], token.kind == kind {
            token.range = range
            return token
        }
        var normalized = normalizer.normalize(surface)
        var counts = LanguageDetector.LetterCounts()
        LanguageDetector.count(surface, into: &counts)
        let mixed = kind == .word && counts.cyrillic > 0 && counts.latin > 0 && normalizer.isMixedScript(surface)
        if mixed { normalized = normalizer.repairMixedScript(normalized) }
        let script: Script = mixed ? Self.script(of: normalized)
            : counts.cyrillic == 0 && counts.latin == 0 ? .other : counts.cyrillic >= counts.latin ? .cyrillic : .latin
        let word: (key: String, keyID: Int32, exactID: Int32)
        if let hit = known[normalized] {
            word = hit
        } else {
            let key = stem(normalized, script: script)
            word = (key, intern(key), intern("=" + normalized))
            if known.count < 200_000 { known[normalized] = word }
        }
        let token = Token(kind: kind, surface: surface, normalized: normalized, key: word.key, script: script, range: range,
                          isMixedScript: mixed, keyID: word.keyID, exactID: word.exactID)
        // Interned numbers change when the glossary's words are added, so only words seen
        // after that are remembered whole.
        if !internsNewKeys, bySurface.count < 200_000 { bySurface[surface] = token }
        return token
    }

    func stem(_ normalized: String, script: Script) -> String {
        switch script {
        case .latin: english?.stem(normalized) ?? normalized
        case .cyrillic: Self.foldFleetingVowel(russian?.stem(normalized) ?? normalized)
        case .other: normalized
        }
    }

    static func script(of word: String) -> Script {
        var counts = LanguageDetector.LetterCounts()
        LanguageDetector.count(word, into: &counts)
        if counts.cyrillic == 0 && counts.latin == 0 { return .other }
        return counts.cyrillic >= counts.latin ? .cyrillic : .latin
    }

    /// Snowball keeps Russian fleeting vowels, so «рынок» stems to "рынок" but «рынка» to
    /// "рынк". Dropping an о/е between the last two consonants of a stem gives both one key.
    static func foldFleetingVowel(_ stem: String) -> String {
        guard let lastScalar = stem.unicodeScalars.last, "кцнл".unicodeScalars.contains(lastScalar) else { return stem }
        let chars = Array(stem)
        guard chars.count >= 4 else { return stem }
        let vowels: Set<Character> = ["а", "е", "и", "о", "у", "ы", "э", "ю", "я", "й", "ь", "ъ"]
        let last = chars[chars.count - 1], middle = chars[chars.count - 2], before = chars[chars.count - 3]
        guard "кцнл".contains(last), middle == "о" || middle == "е", !vowels.contains(before) else { return stem }
        return String(chars[..<(chars.count - 2)]) + String(last)
    }

    /// "don't" → "do" + "not", "can't" → "can" + "not", "we'll" → "we" + "will", "team's" → "team":
    /// so cue phrases and negation need one spelling each.
    static func splitContraction(_ word: String) -> [String] {
        guard word.utf8.contains(0x27) || word.unicodeScalars.contains("\u{2019}") else { return [word] }
        let w = word.replacingOccurrences(of: "\u{2019}", with: "'")
        guard let apostrophe = w.firstIndex(of: "'") else { return [word] }
        let lower = w.lowercased()
        switch lower {
        case "can't": return [String(w.prefix(2)) + "n", "not"]
        case "won't": return ["will", "not"]
        case "shan't": return ["shall", "not"]
        default: break
        }
        if lower.endsWith("n't") { return [String(w.dropLast(3)), "not"] }
        let head = String(w[..<apostrophe])
        switch String(lower[lower.index(after: lower.firstIndex(of: "'")!)...]) {
        case "ll": return [head, "will"]
        case "re": return [head, "are"]
        case "ve": return [head, "have"]
        case "d": return [head, "would"]
        case "m": return [head, "am"]
        case "s": return [head]
        default: return [word]
        }
    }
}

/// Splits prose into sentences with ICU's sentence break iterator. Not thread-safe.
public final class SentenceSplitter {
    private let breaker: ICUBreaker?

    public init() {
        breaker = try? ICUBreaker(.sentence)
    }

    /// The UTF-8 ranges of the sentences of `text`.
    public func split(_ text: String) -> [Range<Int>] {
        guard let breaker else { return [0..<text.utf8.count] }
        return breaker.segments(utf8: text).map { $0.start..<$0.end }
    }
}
