/// Who does what: the parties each side names, who acts, and how (jointly, assisting, alone).
extension ClauseComparison {
    /// A mention of a party term, by the source's term index.
    struct PartyMention {
        var term: Int
        var mention: TermMention
        var content: ClauseContent

        var surface: String { content.facts.surface(mention.tokens) }
        var line: Int { content.line(ofToken: mention.tokens.lowerBound) }
    }

    /// Mentions of party terms, by the source's term index.
    func partyMentions(_ side: [ClauseContent], isSource: Bool) -> [PartyMention] {
        let inverse = Dictionary(context.parties.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return side.flatMap { content in
            content.mentions.compactMap { mention in
                let id = isSource ? (context.parties[mention.term] != nil ? mention.term : nil) : inverse[mention.term]
                return id.map { PartyMention(term: $0, mention: mention, content: content) }
            }
        }
    }

    func partyDifferences() -> [DriftItem] {
        let a = partyMentions(source, isSource: true), b = partyMentions(translation, isSource: false)
        guard !a.isEmpty || !b.isEmpty else { return [] }
        // Who does it: the first party in the subject's form on each side, or the agent of an
        // English passive ("the Partner shall be paid by the Agency").
        func actor(_ side: [PartyMention]) -> PartyMention? {
            guard let subject = side.first(where: \.mention.isSubjectForm) else { return nil }
            let agent = side.first { other in
                other.content.clause.line == subject.content.clause.line
                    && DefinedTerms.isPassiveAgent(other.mention, of: subject.mention, in: subject.content.facts.tokens)
            }
            return agent ?? subject
        }
        // "The Agency and the Partner shall jointly…" / «Партнёр и Агентство совместно…»: the
        // same parties act together on both sides, whichever is named first.
        func partners(of actor: PartyMention, in side: [PartyMention]) -> Set<Int> {
            let tokens = actor.content.facts.tokens
            return Set(side.filter { other in
                other.content.clause.line == actor.content.clause.line && other.term != actor.term
                    && Self.joinedByAnd(actor.mention.tokens, other.mention.tokens, tokens)
            }.map(\.term))
        }
        if let sa = actor(a), let sb = actor(b), sa.term != sb.term,
           !(partners(of: sa, in: a).contains(sb.term) && partners(of: sb, in: b).contains(sa.term)) {
            return [item(.party, sa.surface, sb.surface, sa.line, sb.line, "\"\(sa.surface)\" acts in the source, \"\(sb.surface)\" in the translation")]
        }
        // One party's mentions became another's.
        var countA: [Int: Int] = [:], countB: [Int: Int] = [:]
        for m in a { countA[m.term, default: 0] += 1 }
        for m in b { countB[m.term, default: 0] += 1 }
        let fewer = Set(countA.keys).union(countB.keys).filter { countA[$0, default: 0] > countB[$0, default: 0] }
        let more = Set(countA.keys).union(countB.keys).filter { countB[$0, default: 0] > countA[$0, default: 0] }
        guard let lost = fewer.sorted().first, let gained = more.sorted().first(where: { $0 != lost }) else { return [] }
        let la = a.first { $0.term == lost }!, gb = b.first { $0.term == gained }!
        return [item(.party, la.surface, gb.surface, la.line, gb.line, "\"\(la.surface)\" in the source is \"\(gb.surface)\" in the translation")]
    }

    func stanceDifferences(alreadyParty: Bool) -> [DriftItem] {
        func marks(_ side: [ClauseContent]) -> [(StanceMark, String, Int)] {
            side.flatMap { content in
                content.segments.flatMap { segment in
                    segment.stances.map { ($0.key, $0.value, content.line(atOffset: segment.range.lowerBound)) }
                }
            }
        }
        let a = marks(source), b = marks(translation)
        // Jointly, assisting or alone: how a party does the work. Being responsible is the plain
        // case, which most clauses state one way or another.
        let ka = Set(a.map(\.0)).subtracting([.responsible]), kb = Set(b.map(\.0)).subtracting([.responsible])
        guard ka != kb else { return [] }
        let responsibleA = a.first { $0.0 == .responsible }, responsibleB = b.first { $0.0 == .responsible }
        var wa = a.first { ka.contains($0.0) && !kb.contains($0.0) }, wb = b.first { kb.contains($0.0) && !ka.contains($0.0) }
        // Helping that became being responsible, or the reverse, whatever else the helping side
        // says ("assists … by sharing its database").
        if kb.isEmpty, let responsibleB, let supports = a.first(where: { $0.0 == .supports }) {
            (wa, wb) = (supports, responsibleB)
        } else if ka.isEmpty, let responsibleA, let supports = b.first(where: { $0.0 == .supports }) {
            (wa, wb) = (responsibleA, supports)
        } else {
            // "alone as well as in association with others" states two stances: only a side
            // that states one can contradict the other.
            guard ka.count <= 1, kb.count <= 1 else { return [] }
            if ka.isEmpty || kb.isEmpty {
                // A stance word a translation leaves out matters when a party went with it
                // ("jointly with the Partner" → «самостоятельно»); alone it is often just phrasing.
                let partiesA = Set(partyMentions(source, isSource: true).map(\.term))
                let partiesB = Set(partyMentions(translation, isSource: false).map(\.term))
                guard partiesA != partiesB, !alreadyParty else { return [] }
            }
        }
        let sa = wa.map { "\($0.0.rawValue) (\"\($0.1)\")" } ?? "no stance word", sb = wb.map { "\($0.0.rawValue) (\"\($0.1)\")" } ?? "no stance word"
        return [item(.stance, wa?.1 ?? "", wb?.1 ?? "", wa?.2 ?? source.first?.clause.line, wb?.2 ?? translation.first?.clause.line,
                     "\(sa) in the source, \(sb) in the translation")]
    }

    /// "the Agency and the Partner", «Агентство и Партнёр»: two mentions with only "and" (and
    /// articles) between them.
    static func joinedByAnd(_ x: ClosedRange<Int>, _ y: ClosedRange<Int>, _ tokens: [Token]) -> Bool {
        let (first, second) = x.lowerBound < y.lowerBound ? (x, y) : (y, x)
        guard first.upperBound < second.lowerBound else { return false }
        let between = tokens[(first.upperBound + 1)..<second.lowerBound].filter(\.isWord).map(\.normalized)
        return between.contains { ["and", "и", "&"].contains($0) } && between.allSatisfy { ["and", "и", "the", "&"].contains($0) }
    }
}
