/// Which market each function phrase of a unit is limited to. A scope word limits the phrase
/// it is attached to: inside it ("booking Russian creators"), just before it ("US paid media",
/// «российских блогеров»), or just after it in the same clause ("seeding in Russia", «посевы по
/// РФ»); a market phrase hanging off a function's phrase ("casting Russian creators") limits
/// that function's claim. A scope word attached to no phrase limits the phrases of its clause,
/// else of its sentence ("In the US we run paid media and seeding"); a heading's scope limits
/// the items under it. A phrase that only hangs off another passes its scope on to it ("legal
/// review of the US creator contracts"), and phrases of one function in one clause share a
/// scope ("Russian outreach and the creator shortlist"). A phrase limited to two scopes holds for both markets: no scope. The
/// market-knowledge functions (`market` in functions.tsv) are never scoped themselves.
struct ScopeReading {
    let facts: TextFacts
    let index: GlossaryIndex

    /// The most words between a scope word and the phrase it stands before ("US-based creator
    /// payments") or after ("seeding across the whole of Russia").
    static let wordsBefore = 2
    static let wordsAfter = 3

    func isMarket(_ phrase: GlossaryIndex.PhraseMatch) -> Bool {
        phrase.functions.allSatisfy { index.glossary.function($0)?.market != nil }
    }

    /// Per phrase of `facts.phrases`, its scope (nil: every market). `passingHead` gives, for a
    /// phrase that only hangs off another, the index of that other phrase.
    func scopes(heading: String?, passingHead: (Int) -> Int?) -> [String?] {
        let phrases = facts.phrases
        var attached = Array(repeating: Set<String>(), count: phrases.count)
        var free: [GlossaryIndex.ScopeMatch] = []
        for scope in facts.scopes {
            guard let target = attachment(of: scope) else { free.append(scope); continue }
            if !isMarket(phrases[target]) { attached[target].insert(scope.scope!) }
        }
        // "casting Russian creators": the market phrase's own scope words, or the market it
        // knows, limit the function it hangs off; so does any passing phrase's scope.
        for (i, phrase) in phrases.enumerated() {
            guard let head = passingHead(i), !isMarket(phrases[head]) else { continue }
            if isMarket(phrase) {
                let inside = facts.scopes.filter { phrase.tokens.contains($0.tokens.lowerBound) }.compactMap(\.scope)
                let known = phrase.functions.compactMap { index.glossary.function($0)?.market }
                attached[head].formUnion(inside.isEmpty ? known : inside)
            } else {
                attached[head].formUnion(attached[i])
            }
        }
        // A scope word attached to no phrase limits its clause's phrases, else its sentence's.
        for scope in free {
            guard let clause = facts.clauses.first(where: { $0.range.contains(scope.tokens.lowerBound) }) else { continue }
            let open = phrases.indices.filter { !isMarket(phrases[$0]) && attached[$0].isEmpty }
            var targets = open.filter { clause.range.contains(phrases[$0].tokens.lowerBound) }
            if targets.isEmpty, !phrases.contains(where: { clause.range.contains($0.tokens.lowerBound) }) {
                targets = open.filter { i in facts.clauses.contains { $0.sentence == clause.sentence && $0.range.contains(phrases[i].tokens.lowerBound) } }
            }
            for i in targets { attached[i].insert(scope.scope!) }
        }
        // Phrases of one function in one clause are one statement: they share a scope.
        for i in phrases.indices where attached[i].isEmpty && !isMarket(phrases[i]) {
            let clause = facts.clauses.first { $0.range.contains(phrases[i].tokens.lowerBound) }
            let siblings = phrases.indices.filter { j in
                j != i && phrases[j].functions == phrases[i].functions && clause?.range.contains(phrases[j].tokens.lowerBound) == true
            }
            let shared = siblings.reduce(into: Set<String>()) { $0.formUnion(attached[$1]) }
            if shared.count == 1 { attached[i] = shared }
        }
        return phrases.indices.map { i in
            if isMarket(phrases[i]) { return nil }
            if attached[i].isEmpty { return heading }
            return attached[i].count == 1 ? attached[i].first : nil
        }
    }

    /// The phrase a scope word is attached to: the one holding it, else the next one just after
    /// it, else the one just before it in the same clause.
    func attachment(of scope: GlossaryIndex.ScopeMatch) -> Int? {
        let phrases = facts.phrases
        if let i = phrases.firstIndex(where: { $0.tokens.contains(scope.tokens.lowerBound) }) { return i }
        if let i = phrases.firstIndex(where: { $0.tokens.lowerBound > scope.tokens.upperBound }),
           joins(scope.tokens.upperBound, phrases[i].tokens.lowerBound, words: Self.wordsBefore) {
            return i
        }
        if let i = phrases.lastIndex(where: { $0.tokens.upperBound < scope.tokens.lowerBound }),
           sameClause(phrases[i].tokens.upperBound, scope.tokens.lowerBound),
           joins(phrases[i].tokens.upperBound, scope.tokens.lowerBound, words: Self.wordsAfter) {
            return i
        }
        return nil
    }

    /// Only words (at most `words`, hyphens and slashes between them) stand between two tokens.
    /// The full stop of an abbreviation ("U.S. creators") is no barrier.
    func joins(_ from: Int, _ to: Int, words: Int) -> Bool {
        let between = facts.tokens[(from + 1)..<to]
        return between.filter(\.isWord).count <= words && !between.indices.contains { i in
            GlossaryIndex.isBarrier(facts.tokens[i]) && !(facts.tokens[i].surface == "." && facts.tokens[i - 1].surface.contains("."))
        }
    }

    func sameClause(_ a: Int, _ b: Int) -> Bool {
        facts.clauses.contains { $0.range.contains(a) && $0.range.contains(b) }
    }

    /// A heading's scope ("US", "In Russia:", "Russian market"): a scope word in a heading that
    /// names no function other than market knowledge.
    static func headingScope(_ facts: TextFacts, index: GlossaryIndex) -> String? {
        let reading = ScopeReading(facts: facts, index: index)
        guard facts.phrases.allSatisfy(reading.isMarket) else { return nil }
        let scopes = Set(facts.scopes.compactMap(\.scope))
        return scopes.count == 1 ? scopes.first : nil
    }
}
