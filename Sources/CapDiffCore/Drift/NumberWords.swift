/// Numbers written in words anywhere in a clause, cardinal or ordinal: "Wave one", «Первая
/// волна», "the second instalment", «двадцать первого». `ValueReader` reads a number word
/// only before a unit ("one another" and «одна из сторон» are no quantities), so these are no
/// values of their own; but a figure one side writes ("Wave 1", "Phase 2") that the other
/// writes out («Первая волна», «второй этап») is the same number, not a changed one.
/// Not thread-safe (it owns ICU formats): one per thread.
final class NumberWords {
    private lazy var english = try? ICUNumberParser(.spellout, locale: "en_US")
    private lazy var russian = try? ICUNumberParser(.spellout, locale: "ru_RU")
    /// Each word's value, or nil when it is no number word. ICU's spelled-out parsing costs
    /// about a millisecond a call, and a document repeats its words.
    private var cache: [String: Double?] = [:]

    /// Whether any of the clauses writes `value` in words.
    func writes(_ value: Double, in clauses: [ClauseContent]) -> Bool {
        clauses.contains { numbers(in: $0.text, tokens: $0.facts.tokens).contains(value) }
    }

    /// The numbers a text writes in words: each run of number words as a whole ("twenty-first",
    /// «двадцать первого» is 21, not 20 and 1), else each word alone.
    func numbers(in text: String, tokens: [Token]) -> Set<Double> {
        var found = Set<Double>()
        var text16: [UInt16] = []
        var utf16Of: [Int: Int] = [:]
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            defer { i += 1 }
            guard token.kind == .word, token.surface.allSatisfy(\.isLetter), let value = wordValue(token) else { continue }
            if text16.isEmpty {
                text16 = Array(text.utf16)
                var u8 = 0, u16 = 0
                for scalar in text.unicodeScalars {
                    utf16Of[u8] = u16
                    u8 += UTF8.width(scalar)
                    u16 += UTF16.width(scalar)
                }
                utf16Of[u8] = u16
            }
            // A compound starts with a number word and ends where a later word does.
            if let start = utf16Of[token.range.lowerBound], let (compound, end) = parser(token.script)?.parse(text16, at: start),
               let last = tokens.indices.dropFirst(i + 1).first(where: { utf16Of[tokens[$0].range.upperBound] == end }) {
                found.insert(compound)
                i = last
            } else {
                found.insert(value)
            }
        }
        return found
    }

    /// Whether the word alone is a number word ("twenty", «двести», "second").
    func isNumberWord(_ token: Token) -> Bool { wordValue(token) != nil }

    private func wordValue(_ token: Token) -> Double? {
        let key = token.normalized
        if let cached = cache[key] { return cached }
        var value: Double?
        if let parser = parser(token.script) {
            let units = Array(key.utf16)
            if let (parsed, end) = parser.parse(units, at: 0), end == units.count { value = parsed }
        }
        cache[key] = value
        return value
    }

    private func parser(_ script: Script) -> ICUNumberParser? {
        switch script {
        case .cyrillic: russian
        case .latin: english
        default: nil
        }
    }
}
