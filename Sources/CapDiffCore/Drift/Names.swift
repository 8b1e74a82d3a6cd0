/// Names of people and organisations in a clause ("Anna Petrova", «ООО «Север Медиа»»,
/// "Harbor & Vine Creative Inc."), read as runs of capitalised words, and compared across
/// scripts through ICU's Russian-Latin/BGN transliteration and a consonant skeleton that
/// tolerates the usual spelling variants (Dmitry/Dmitriy, Whitaker/Уитакер, Collins/Коллинз).
struct NameRun: Sendable, Equatable {
    /// The words' tokens (indices into the clause's tokens).
    var tokens: [Int]
    var surface: String
}

/// Finds name runs in a clause and decides whether two words name the same thing.
/// Not thread-safe (it owns an ICU transliterator): one per thread.
final class NameMatcher {
    private lazy var bgn = try? ICUTransliterator(id: "Russian-Latin/BGN")
    private var skeletons: [String: String] = [:]
    private var spellings: [String: String] = [:]

    /// Legal-form words: "LLC" and «ООО» say what kind of company, not which one.
    static let legalForms: Set<String> = [
        "llc", "inc", "ltd", "llp", "lp", "plc", "corp", "corporation", "co", "company", "gmbh", "ag", "sa", "jsc", "pjsc",
        "cjsc", "ооо", "оао", "зао", "пао", "ао", "ип", "нко", "ано",
    ]

    /// Capitalised words that start a sentence are names only when another capitalised word
    /// follows ("Anna Petrova will…", not "Shooting starts…").
    static let sentenceEnds: Set<String> = [".", "!", "?", ";", ":"]

    /// Runs of capitalised words, skipping tokens `excluded` marks (defined terms, values,
    /// reference words), legal forms, and words the document also writes in lower case
    /// (`common`: "Each", "Agreement" in a title); "&" may join two words of one name.
    func runs(_ tokens: [Token], text: String, excluded: Set<Int>, common: Set<String>) -> [NameRun] {
        var runs: [NameRun] = []
        var current: [Int] = []
        var startsSentence = true
        var currentStartsSentence = false
        func flush() {
            defer { current = [] }
            guard !current.isEmpty else { return }
            if currentStartsSentence, current.count < 2 { return }
            runs.append(NameRun(tokens: current, surface: Self.surface(tokens, current, text)))
        }
        for (i, token) in tokens.enumerated() {
            if token.kind == .punctuation {
                if token.surface == "&", !current.isEmpty { continue }
                flush()
                if Self.sentenceEnds.contains(token.surface) { startsSentence = true }
                continue
            }
            let isName = token.kind == .word && token.surface.first?.isUppercase == true && token.surface.count >= 2
                && !excluded.contains(i) && !Self.legalForms.contains(token.normalized) && !common.contains(Self.commonKey(token))
                && !ClauseNumbering.isReferenceWord(token.normalized)
            if isName {
                if current.isEmpty { currentStartsSentence = startsSentence }
                current.append(i)
            } else {
                flush()
            }
            startsSentence = false
        }
        flush()
        return runs
    }

    /// Whether two words, in either script, are one name: their transliterated consonant
    /// skeletons are equal, or one letter apart in long names (two in very long ones).
    func sameName(_ a: Token, _ b: Token) -> Bool {
        if a.normalized == b.normalized { return true }
        let sa = skeleton(a), sb = skeleton(b)
        // One consonant says little: "Anna" is «Анна», but "Sui" is not «СЕ».
        guard sa.count >= 2 || (a.normalized.count >= 3 && b.normalized.count >= 3), !sa.isEmpty else { return false }
        if sa == sb { return true }
        // Short skeletons must agree exactly: "United" (ntd) is not «Наций» (nts).
        let longest = max(sa.count, sb.count)
        guard longest >= 5 else { return false }
        return Self.editDistance(sa, sb) <= (longest >= 8 ? 2 : 1)
    }

    /// The word in Latin letters (BGN for Cyrillic), reduced to consonants the way
    /// `GlossaryIndex.skeleton` does, with the sounds English and Russian spell differently
    /// folded together: g/j/dzh, s/z, ch/k, and h and w dropped ("Harbor" is «Харбор»).
    func skeleton(_ token: Token) -> String {
        if let cached = skeletons[token.normalized] { return cached }
        var skeleton = GlossaryIndex.skeleton(latin: spelling(token), stripPlural: false)
        skeleton = String(skeleton.map { $0 == "g" ? "j" : $0 == "z" ? "s" : $0 }.filter { $0 != "h" })
        var collapsed = ""
        for char in skeleton where collapsed.last != char { collapsed.append(char) }
        skeletons[token.normalized] = collapsed
        return collapsed
    }

    /// The word in lower-case ASCII letters, vowels kept: BGN for Cyrillic, and the spelling
    /// differences between the languages folded.
    func spelling(_ token: Token) -> String {
        if let cached = spellings[token.normalized] { return cached }
        var latin = token.normalized
        // English "w" is Russian «у» as often as «в» (Whitaker, Уитакер; New, Нью): dropped.
        if token.script == .cyrillic { latin = bgn?(latin) ?? latin } else { latin = String(latin.filter { $0 != "w" }) }
        // "ch" is «к» in Michael (Майкл) and «ч» in Rachel (Рейчел): one sound class; BGN's
        // "dzh" (Джессика) is English "j".
        latin = GlossaryIndex.asciiLetters(latin.replacing("dzh", with: "j").replacing("ch", with: "k"))
        spellings[token.normalized] = latin
        return latin
    }

    /// A name against a word in lower case: the spellings, vowels and all, must be close too,
    /// since a short skeleton matches too much ("made" and «Медиа» are both "md").
    func sameName(_ name: Token, asWord word: Token) -> Bool {
        guard sameName(name, word) else { return false }
        let a = spelling(name), b = spelling(word)
        return Self.editDistance(a, b) <= (max(a.count, b.count) >= 6 ? 2 : 1)
    }

    /// How a word is looked up among the words a document writes in lower case: by stem in
    /// Russian («Каждая» is «каждой»), as written in English ("United" is not "unit").
    static func commonKey(_ token: Token) -> String {
        token.script == .cyrillic ? token.key : token.normalized
    }

    static func surface(_ tokens: [Token], _ indices: [Int], _ text: String) -> String {
        let utf8 = Array(text.utf8)
        let range = tokens[indices.first!].range.lowerBound..<tokens[indices.last!].range.upperBound
        return String(decoding: utf8[range], as: UTF8.self)
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}

/// Capitalised words that translate rather than transliterate ("United Nations" and
/// «Объединённых Наций»), learned from the aligned clauses of the two documents themselves,
/// as sentence aligners bootstrap a dictionary: two words go together when they keep
/// appearing in the same clause pairs and rarely apart.
struct NameLexicon {
    private var partners: [String: Set<String>] = [:]

    /// `pairs` lists, per aligned clause pair, the keys of the name words on each side that
    /// transliteration did not match.
    init(pairs: [(source: Set<String>, translation: Set<String>)]) {
        var together: [String: [String: Int]] = [:]
        var sourceCount: [String: Int] = [:], translationCount: [String: Int] = [:]
        for (source, translation) in pairs {
            for s in source { sourceCount[s, default: 0] += 1 }
            for t in translation { translationCount[t, default: 0] += 1 }
            for s in source { for t in translation { together[s, default: [:]][t, default: 0] += 1 } }
        }
        for (s, counts) in together {
            for (t, n) in counts {
                // Twice at least, and in most of either word's clauses (Dice ≥ 0.6).
                let dice = 2 * Double(n) / Double(sourceCount[s]! + translationCount[t]!)
                guard n >= 2, dice >= 0.6 else { continue }
                partners["s:" + s, default: []].insert(t)
                partners["t:" + t, default: []].insert(s)
            }
        }
    }

    /// The translation-side keys a source word goes with (or the reverse).
    func partners(ofSource key: String) -> Set<String> { partners["s:" + key] ?? [] }
    func partners(ofTranslation key: String) -> Set<String> { partners["t:" + key] ?? [] }
}
