/// A sentence of a clause, or a part of one between semicolons ("No one shall be held in
/// slavery; slavery … shall be prohibited"), with what it says about negation, modality and
/// stance. Negation and modality are compared segment by segment: over a whole clause,
/// Russian negative concord («Никто не должен») and one negation elsewhere hide a change.
struct Segment: Sendable {
    /// UTF-8 offsets in the clause text.
    var range: Range<Int>
    /// Indices into the clause's tokens.
    var tokens: Range<Int>
    var length: Int
    /// The inline item letter it starts with ("(b)", «б)»), as a numbering key.
    var itemKey: String?
    /// The words that negate it, as written.
    var negation: String?
    /// The binding words ("shall", «обязуется») and the optional ones ("may", «вправе»).
    var obligations: [String] = []
    var permissions: [String] = []
    /// "unless", which a translation writes with a negation as often as without («если … не»,
    /// «кроме случаев, когда»): the segment's negation says nothing then.
    var hasUnless = false
    /// "only", «только»: "shall be entered into only with consent" is «может быть заключен
    /// только при согласии», a condition rather than a permission.
    var isRestrictive = false
    /// Who does the work: jointly, with help, or alone.
    var stances: [StanceMark: String] = [:]
}

/// The stance an agreement gives a party's work: "jointly" / «совместно», "assists" /
/// «содействует», "solely" / «самостоятельно».
enum StanceMark: String, Sendable, Hashable, CaseIterable {
    case shares = "jointly", supports = "assists", solely
    /// "is responsible for", «отвечает за»: the party does the work itself.
    case responsible
}

enum SegmentReader {
    /// Splits a clause into segments: sentences (ICU), then semicolons.
    /// `terms` marks the tokens of defined-term mentions: CC's defined verb "Share" is no stance.
    static func segments(of text: String, facts: TextFacts, sentences: SentenceSplitter, terms: Set<Int>) -> [Segment] {
        var ranges: [Range<Int>] = []
        for sentence in sentences.split(text) {
            var start = sentence.lowerBound
            for token in facts.tokens where token.surface == ";" && sentence.contains(token.range.lowerBound) {
                ranges.append(start..<token.range.upperBound)
                start = token.range.upperBound
            }
            ranges.append(start..<sentence.upperBound)
        }
        let utf8 = Array(text.utf8)
        return ranges.compactMap { range -> Segment? in
            let tokens = facts.tokens.indices.filter { range.contains(facts.tokens[$0].range.lowerBound) }
            guard let first = tokens.first, tokens.contains(where: { facts.tokens[$0].isWord }) else { return nil }
            let tokenRange = first..<(tokens.last! + 1)
            let segmentText = String(decoding: utf8[range], as: UTF8.self).trimmingWhitespace()
            var segment = Segment(range: range, tokens: tokenRange, length: segmentText.count)
            segment.itemKey = ClauseNumbering.leading(segmentText).flatMap { leading in
                leading.number.form == .item ? ClauseNumbering.key(leading.number.written) : nil
            } ?? inlineItemKey(segmentText)
            read(&segment, facts: facts, terms: terms)
            return segment
        }
    }

    /// "…responsible for: (a) creator outreach": an item that starts after a colon.
    private static func inlineItemKey(_ text: Substring) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let rest = text[text.index(after: colon)...].trimmingWhitespace()
        guard let leading = ClauseNumbering.leading(rest), leading.number.form == .item else { return nil }
        return ClauseNumbering.key(leading.number.written)
    }

    private static func read(_ segment: inout Segment, facts: TextFacts, terms: Set<Int>) {
        let clause = Clause(range: segment.tokens, sentence: 0)
        segment.negation = facts.negators(in: clause).first { isClausal($0, facts: facts) }.map { facts.surface($0.tokens) }
        segment.obligations = Self.distinct(facts.cues(in: clause, role: .obligation)).map { facts.surface($0.tokens) }
        segment.permissions = Self.distinct(facts.cues(in: clause, role: .permission).filter { !isEntitlement($0.entry.phrase) })
            .map { facts.surface($0.tokens) }
        // The glossary's stance cues for working jointly and for helping. They are read
        // directly rather than through ClauseReading, whose outline rules make "the Partner
        // shall jointly own" a need (the partner is the outline's "you").
        for (match, entry) in facts.cues(in: clause, role: .cue) where !match.tokens.contains(where: terms.contains) {
            switch entry.stance {
            case .shares: segment.stances[.shares] = segment.stances[.shares] ?? facts.surface(match.tokens)
            case .supports: segment.stances[.supports] = segment.stances[.supports] ?? facts.surface(match.tokens)
            default: break
            }
        }
        if let solely = solelyWord(in: segment.tokens, facts.tokens) { segment.stances[.solely] = solely }
        if let responsible = facts.cues(in: clause, role: .obligation).first(where: { isResponsibility($0.entry.phrase) }) {
            segment.stances[.responsible] = facts.surface(responsible.match.tokens)
        }
        segment.isRestrictive = segment.tokens.contains { ["only", "только", "лишь"].contains(facts.tokens[$0].normalized) }
        segment.hasUnless = segment.tokens.contains { facts.tokens[$0].normalized == "unless" }
    }

    /// One match per place: "shall be responsible for" is one obligation, though the glossary
    /// lists "shall" too.
    static func distinct(_ cues: [(match: GlossaryIndex.CueMatch, entry: CueEntry)]) -> [GlossaryIndex.CueMatch] {
        var result: [GlossaryIndex.CueMatch] = []
        for (match, _) in cues where !result.contains(where: { $0.tokens.overlaps(match.tokens) }) { result.append(match) }
        return result
    }

    /// The glossary's obligations that make a party responsible: "is responsible for",
    /// «отвечает за», «несёт ответственность».
    static func isResponsibility(_ phrase: String) -> Bool {
        let lower = phrase.lowercased()
        return lower.contains("responsib") || lower.contains("ответствен") || lower.hasPrefix("отвеча")
    }

    /// "has the right to", "is entitled to", «имеет право»: an entitlement, which official
    /// translations render as an obligation («должен обладать правами») as often as a
    /// permission, so it says nothing about modality drift.
    static func isEntitlement(_ phrase: String) -> Bool {
        let lower = phrase.lowercased()
        return lower.contains("right") || lower.contains("entitled") || lower.contains("право")
    }

    /// Whether a negation word negates the statement rather than one word of it. In Russian,
    /// «не» before an adjective or participle is a word's own negation («не подлежащую отмене»
    /// is English "irrevocable", which has no "not"), «ни» after «бы» concedes («где бы он ни
    /// находился», "wherever he is"), and «пока … не» means "until".
    static func isClausal(_ match: GlossaryIndex.CueMatch, facts: TextFacts) -> Bool {
        let i = match.tokens.lowerBound
        let word = facts.tokens[i].normalized
        if word == "не", match.tokens.count == 1, let next = facts.tokens[(i + 1)...].first(where: \.isWord),
           next.script == .cyrillic, isAdjectival(next.normalized) {
            return false
        }
        if word == "ни", facts.tokens[max(0, i - 3)..<i].contains(where: { $0.normalized == "бы" }) { return false }
        // «пока его виновность не будет установлена» is "until proved guilty": «пока … не» is
        // Russian for "until".
        if word == "не", facts.tokens[max(0, i - 4)..<i].contains(where: { $0.normalized == "пока" }) { return false }
        return true
    }

    static let adjectivalEndings = ["ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им",
                                    "ых", "их", "ую", "юю", "ыми", "ими"]

    /// A Russian adjective or participle by its ending («подлежащую», «зависящим»,
    /// «являющиеся»); reflexive participles end in «-ся» after it.
    static func isAdjectival(_ word: String) -> Bool {
        var w = Substring(word)
        if w.hasSuffix("ся") || w.hasSuffix("сь") { w = w.dropLast(2) }
        guard w.count >= 5 else { return false }
        return adjectivalEndings.contains { w.hasSuffix($0) }
    }

    /// Words that make one party do the work alone. The glossary's stance cues say who does
    /// the work in outlines ("we", "you"); an agreement's exclusive wording has no cue there.
    static let solelyPhrases: [[String]] = [
        ["solely"], ["alone"], ["independently"], ["exclusively"], ["unilaterally"], ["single-handedly"], ["on", "its", "own"],
        ["by", "itself"], ["самостоятельно"], ["единолично"], ["единоличным"], ["единоличное"], ["в", "одностороннем", "порядке"],
        ["собственными", "силами"], ["своими", "силами"],
    ]

    static func solelyWord(in range: Range<Int>, _ tokens: [Token]) -> String? {
        let words = range.filter { tokens[$0].isWord }
        for (position, i) in words.enumerated() {
            for phrase in solelyPhrases where position + phrase.count <= words.count {
                if phrase.indices.allSatisfy({ tokens[words[position + $0]].normalized == phrase[$0] }) {
                    return phrase.count == 1 ? tokens[i].surface : phrase.joined(separator: " ")
                }
            }
        }
        return nil
    }
}
