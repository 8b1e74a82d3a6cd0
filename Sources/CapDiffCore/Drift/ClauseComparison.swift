/// Compares one aligned group of clauses (usually one clause with its translation; two with
/// one where a translation joined or split them) and lists how they differ, by the
/// contract's drift kinds.
struct ClauseComparison {
    /// What the comparison knows about the two documents as a whole.
    struct Context {
        var source: Agreement
        var translation: Agreement
        /// Party terms: the source's term index → the translation's.
        var parties: [Int: Int]
        var lexicon: NameLexicon
        var names: NameMatcher
        /// Name skeletons anywhere in each document, to tell a replaced name from a translated one.
        var translationNameSkeletons: Set<String>
        /// In how many clauses of each document each name word (by stem) appears.
        var sourceNameClauses: [String: Int]
        var translationNameClauses: [String: Int]
        var ratio: Double
        var functionWords: FunctionWords
    }

    let label: String
    let source: [ClauseContent]
    let translation: [ClauseContent]
    let context: Context

    func differences() -> [DriftItem] {
        var items: [DriftItem] = []
        items += segmentDifferences()
        items += partyDifferences()
        items += stanceDifferences(alreadyParty: items.contains { $0.kind == .party })
        items += valueDifferences()
        items += functionDifferences()
        items += nameDifferences()
        return items
    }

    private func item(_ kind: DriftKind, _ source: String, _ translation: String, _ sourceLine: Int?, _ translationLine: Int?,
                      _ reason: String) -> DriftItem {
        DriftItem(clause: label, kind: kind, source: source, translation: translation, sourceLine: sourceLine,
                  translationLine: translationLine, reason: reason)
    }

    // MARK: Segments: omissions, additions, negation, modality

    private struct Located {
        var content: ClauseContent
        var segment: Segment
        var text: String {
            String(decoding: Array(content.text.utf8)[segment.range], as: UTF8.self).trimmingWhitespace().description
        }
        var line: Int { content.line(atOffset: segment.range.lowerBound) }
    }

    private func segmentDifferences() -> [DriftItem] {
        let a = source.flatMap { c in c.segments.map { Located(content: c, segment: $0) } }
        let b = translation.flatMap { c in c.segments.map { Located(content: c, segment: $0) } }
        let items = { (side: [Located], isSource: Bool) in
            side.map { located in
                Aligner.Item(length: located.segment.length, anchors: segmentAnchors(located, isSource: isSource), key: located.segment.itemKey)
            }
        }
        var result: [DriftItem] = []
        for bead in Aligner.align(items(a, true), items(b, false), ratio: context.ratio) {
            let sa = Array(a[bead.source]), sb = Array(b[bead.translation])
            if sb.isEmpty, let lost = sa.first, lost.segment.itemKey != nil || Self.isSubstantial(lost.text) {
                result.append(item(.omission, lost.text, "", lost.line, translation.first?.clause.line,
                                   "the translation leaves out \"\(fitReason(lost.text))\""))
                continue
            }
            if sa.isEmpty, let added = sb.first, added.segment.itemKey != nil || Self.isSubstantial(added.text) {
                result.append(item(.addition, "", added.text, source.first?.clause.line, added.line,
                                   "only the translation says \"\(fitReason(added.text))\""))
                continue
            }
            guard !sa.isEmpty, !sb.isEmpty else { continue }
            let negA = sa.compactMap(\.segment.negation).first, negB = sb.compactMap(\.segment.negation).first
            let unless = sa.contains(where: \.segment.hasUnless) || sb.contains(where: \.segment.hasUnless)
            if (negA == nil) != (negB == nil), !unless {
                result.append(item(.negation, negA ?? "", negB ?? "", sa[0].line, sb[0].line,
                                   negA != nil ? "the source negates (\"\(negA!)\"), the translation does not"
                                       : "the translation negates (\"\(negB!)\"), the source does not"))
                continue
            }
            // Under a negation "shall not", "may not" and «не вправе» all forbid.
            guard negA == nil, !(sa.contains(where: \.segment.isRestrictive) && sb.contains(where: \.segment.isRestrictive)) else { continue }
            // A binding word that became an optional one, or the reverse: the side with fewer
            // obligations has more permissions. (A side with no modal word at all, such as the
            // Russian present tense «Агентство отвечает за…» for "shall", says nothing here.)
            let oa = sa.flatMap(\.segment.obligations), pa = sa.flatMap(\.segment.permissions)
            let ob = sb.flatMap(\.segment.obligations), pb = sb.flatMap(\.segment.permissions)
            if oa.count > ob.count, pb.count > pa.count, let o = oa.first, let p = pb.first {
                result.append(item(.modality, o, p, sa[0].line, sb[0].line, "an obligation (\"\(o)\") became a permission (\"\(p)\")"))
            } else if pa.count > pb.count, ob.count > oa.count, let p = pa.first, let o = ob.first {
                result.append(item(.modality, p, o, sa[0].line, sb[0].line, "a permission (\"\(p)\") became an obligation (\"\(o)\")"))
            }
        }
        return result
    }

    /// What a sentence states that its translation states too: values, parties, names, and
    /// whether it binds, permits or negates. A translation's extra sentence that states
    /// something of its own («Это право может быть ограничено законом») then stands apart.
    private func segmentAnchors(_ located: Located, isSource: Bool) -> Set<String> {
        let segment = located.segment, content = located.content
        var anchors = Set<String>()
        for value in content.values where segment.range.contains(value.range.lowerBound) {
            anchors.insert(value.isDate ? "d\(Int(value.magnitude))" : "v\(value.magnitude)")
        }
        for (term, mention, _) in partyMentions([content], isSource: isSource) where segment.tokens.contains(mention.tokens.lowerBound) {
            anchors.insert("p\(term)")
        }
        for run in content.names where segment.tokens.contains(run.tokens[0]) {
            for i in run.tokens { anchors.insert("n" + context.names.skeleton(content.facts.tokens[i])) }
        }
        if !segment.obligations.isEmpty { anchors.insert("obliged") }
        if !segment.permissions.isEmpty { anchors.insert("permitted") }
        if segment.negation != nil { anchors.insert("negated") }
        return anchors
    }

    /// A part worth reporting as left out or added: a list item, or a few words at least ("Now,
    /// therefore," joins the next paragraph in some translations).
    static func isSubstantial(_ text: String) -> Bool {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { $0.count >= 2 }.count >= 4
    }

    private func fitReason(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(59)) + "…"
    }

    // MARK: Parties

    /// Mentions of party terms, by the source's term index.
    private func partyMentions(_ side: [ClauseContent], isSource: Bool) -> [(term: Int, mention: TermMention, content: ClauseContent)] {
        let inverse = Dictionary(context.parties.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return side.flatMap { content in
            content.mentions.compactMap { mention in
                let id = isSource ? (context.parties[mention.term] != nil ? mention.term : nil) : inverse[mention.term]
                return id.map { ($0, mention, content) }
            }
        }
    }

    private func partyDifferences() -> [DriftItem] {
        let a = partyMentions(source, isSource: true), b = partyMentions(translation, isSource: false)
        guard !a.isEmpty || !b.isEmpty else { return [] }
        let surface = { (m: (term: Int, mention: TermMention, content: ClauseContent)) in m.content.facts.surface(m.mention.tokens) }
        let line = { (m: (term: Int, mention: TermMention, content: ClauseContent)) in m.content.line(ofToken: m.mention.tokens.lowerBound) }
        // Who does it: the first party in the subject's form on each side, or the agent of an
        // English passive ("the Partner shall be paid by the Agency").
        func actor(_ side: [(term: Int, mention: TermMention, content: ClauseContent)]) -> (term: Int, mention: TermMention, content: ClauseContent)? {
            guard let subject = side.first(where: \.mention.isSubjectForm) else { return nil }
            let agent = side.first { other in
                other.content.clause.line == subject.content.clause.line
                    && DefinedTerms.isPassiveAgent(other.mention, of: subject.mention, in: subject.content.facts.tokens)
            }
            return agent ?? subject
        }
        if let sa = actor(a), let sb = actor(b), sa.term != sb.term {
            return [item(.party, surface(sa), surface(sb), line(sa), line(sb),
                         "\"\(surface(sa))\" acts in the source, \"\(surface(sb))\" in the translation")]
        }
        // One party's mentions became another's.
        var countA: [Int: Int] = [:], countB: [Int: Int] = [:]
        for m in a { countA[m.term, default: 0] += 1 }
        for m in b { countB[m.term, default: 0] += 1 }
        let fewer = Set(countA.keys).union(countB.keys).filter { countA[$0, default: 0] > countB[$0, default: 0] }
        let more = Set(countA.keys).union(countB.keys).filter { countB[$0, default: 0] > countA[$0, default: 0] }
        guard let lost = fewer.sorted().first, let gained = more.sorted().first(where: { $0 != lost }) else { return [] }
        let la = a.first { $0.term == lost }!, gb = b.first { $0.term == gained }!
        return [item(.party, surface(la), surface(gb), line(la), line(gb),
                     "\"\(surface(la))\" in the source is \"\(surface(gb))\" in the translation")]
    }

    // MARK: Stance

    private func stanceDifferences(alreadyParty: Bool) -> [DriftItem] {
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
        // "alone as well as in association with others" states two stances: only a side that
        // states one can contradict the other.
        guard ka.count <= 1, kb.count <= 1 else { return [] }
        var wa = a.first { ka.contains($0.0) && !kb.contains($0.0) }, wb = b.first { kb.contains($0.0) && !ka.contains($0.0) }
        if ka.isEmpty || kb.isEmpty {
            // A stance word a translation leaves out matters when a party went with it ("jointly
            // with the Partner" → «самостоятельно»), or when helping became being responsible;
            // alone it is often just phrasing.
            let partiesA = Set(partyMentions(source, isSource: true).map(\.term))
            let partiesB = Set(partyMentions(translation, isSource: false).map(\.term))
            let responsibleA = a.first { $0.0 == .responsible }, responsibleB = b.first { $0.0 == .responsible }
            if ka == [.supports], let responsibleB {
                wb = responsibleB
            } else if kb == [.supports], let responsibleA {
                wa = responsibleA
            } else {
                guard partiesA != partiesB, !alreadyParty else { return [] }
            }
        }
        let sa = wa.map { "\($0.0.rawValue) (\"\($0.1)\")" } ?? "no stance word", sb = wb.map { "\($0.0.rawValue) (\"\($0.1)\")" } ?? "no stance word"
        return [item(.stance, wa?.1 ?? "", wb?.1 ?? "", wa?.2 ?? source.first?.clause.line, wb?.2 ?? translation.first?.clause.line,
                     "\(sa) in the source, \(sb) in the translation")]
    }

    // MARK: Values

    private func valueDifferences() -> [DriftItem] {
        let a = source.flatMap { c in c.values.map { ($0, c) } }, b = translation.flatMap { c in c.values.map { ($0, c) } }
        var lostA = a.filter { va in !b.contains { va.0.agrees(with: $0.0) } }
        var lostB = b.filter { vb in !a.contains { vb.0.agrees(with: $0.0) } }
        // A date one side could not read leaves its day and year as plain numbers.
        lostB.removeAll { vb in lostA.contains { $0.0.unit == .date && Self.components(ofDay: $0.0.magnitude).contains(vb.0.magnitude) && !vb.0.isDate } }
        lostA.removeAll { va in lostB.contains { $0.0.unit == .date && Self.components(ofDay: $0.0.magnitude).contains(va.0.magnitude) && !va.0.isDate } }
        var result: [DriftItem] = []
        for dates in [true, false] {
            let da = lostA.filter { $0.0.isDate == dates }, db = lostB.filter { $0.0.isDate == dates }
            guard !da.isEmpty || !db.isEmpty else { continue }
            let sa = da.map(\.0.surface).joined(separator: ", "), sb = db.map(\.0.surface).joined(separator: ", ")
            let reason = da.isEmpty ? "only the translation states \"\(sb)\"" : db.isEmpty ? "only the source states \"\(sa)\""
                : "\"\(sa)\" in the source, \"\(sb)\" in the translation"
            result.append(item(dates ? .date : .number, sa, sb, da.first.map { $0.1.line(atOffset: $0.0.range.lowerBound) } ?? source.first?.clause.line,
                               db.first.map { $0.1.line(atOffset: $0.0.range.lowerBound) } ?? translation.first?.clause.line, reason))
        }
        return result
    }

    /// Day, month and year of a day count since 1970-01-01 (the civil calendar).
    static func components(ofDay day: Double) -> [Double] {
        let z = Int(day) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return [Double(d), Double(m), Double(y)]
    }

    // MARK: Functions

    private func functionDifferences() -> [DriftItem] {
        // Who does which function is what an agreement's roles say; elsewhere ("the Campaign
        // targets 25,000 installs") a glossary word is seldom a function.
        if !context.parties.isEmpty {
            guard !partyMentions(source, isSource: true).isEmpty, !partyMentions(translation, isSource: false).isEmpty else { return [] }
        }
        let la = context.source.language, lb = context.translation.language
        let a = source.flatMap { c in c.functions.map { ($0, c) } }, b = translation.flatMap { c in c.functions.map { ($0, c) } }
        let ia = Set(a.map(\.0.id)), ib = Set(b.map(\.0.id))
        // Glossary coverage differs between languages; a function that is only missing may be
        // worded another way («управляют кампанией» for "campaign management"), so a function
        // counts as absent only when none of its own words appears either, and counts as
        // present only when matched firmly (not through transliteration, nor by one word several
        // functions share). One function turning into another is a drift.
        func absent(_ id: String, _ side: [ClauseContent], _ language: Language) -> Bool {
            !side.contains { context.functionWords.mentions(id, in: $0.facts.tokens, language: language) }
        }
        guard let fa = a.first(where: { !$0.0.weak && !ib.contains($0.0.id) && absent($0.0.id, translation, lb) }),
              let fb = b.first(where: { !$0.0.weak && !ia.contains($0.0.id) && absent($0.0.id, source, la) }),
              // Neither phrase could name the other's function ("status reports" / «отчёты»).
              !context.functionWords.couldName(fb.0.id, words: fa.0.words, language: la),
              !context.functionWords.couldName(fa.0.id, words: fb.0.words, language: lb) else { return [] }
        return [item(.function, fa.0.phrase, fb.0.phrase, fa.1.line(ofToken: fa.0.token), fb.1.line(ofToken: fb.0.token),
                     "\"\(fa.0.phrase)\" (\(fa.0.id)) in the source, \"\(fb.0.phrase)\" (\(fb.0.id)) in the translation")]
    }

    // MARK: Names

    private struct NameWord {
        var token: Token
        var matched = false
    }

    private struct LocatedRun {
        var run: NameRun
        var content: ClauseContent
        var words: [NameWord]
        var unmatched: [NameWord] { words.filter { !$0.matched && $0.token.normalized.count >= 3 } }
        var isPartial: Bool { words.contains(where: \.matched) && !unmatched.isEmpty }
    }

    private func nameDifferences() -> [DriftItem] {
        func runs(_ side: [ClauseContent]) -> [LocatedRun] {
            side.flatMap { content in
                content.names.map { run in
                    LocatedRun(run: run, content: content, words: run.tokens.map { NameWord(token: content.facts.tokens[$0]) })
                }
            }
        }
        var a = runs(source), b = runs(translation)
        // A name word may match any word of the other side: one that starts a sentence, or that
        // the translation writes in lower case (ООО «Белые ночи» for "Belye Nochi LLC").
        let wordsA = source.flatMap { $0.facts.tokens.filter(\.isWord) }, wordsB = translation.flatMap { $0.facts.tokens.filter(\.isWord) }
        func match(_ token: Token, isSource: Bool, _ others: [Token]) -> Bool {
            let partners = isSource ? context.lexicon.partners(ofSource: token.key) : context.lexicon.partners(ofTranslation: token.key)
            return others.contains { other in
                partners.contains(other.key)
                    || (other.surface.first?.isLowercase == true ? context.names.sameName(token, asWord: other) : context.names.sameName(token, other))
            }
        }
        for r in a.indices { for w in a[r].words.indices { a[r].words[w].matched = match(a[r].words[w].token, isSource: true, wordsB) } }
        for r in b.indices { for w in b[r].words.indices { b[r].words[w].matched = match(b[r].words[w].token, isSource: false, wordsA) } }

        // A replacement is a name of the document's own that is new here: a word in at most
        // two of its clauses ("States" recurs all through a declaration; «Смирнова» does not).
        func isNew(_ word: NameWord, isSource: Bool) -> Bool {
            (isSource ? context.sourceNameClauses : context.translationNameClauses)[word.token.key, default: 0] <= 2
        }
        // A source name changed in translation when part of it matched and the rest became a new
        // word ("Anna Petrova" / «Анна Смирнова»): both sides partly match. ("European
        // Parliament" / «Европейского парламента» matches only in part too, but the translation
        // has no new word in that name.)
        for lost in a where lost.isPartial {
            let kept = lost.words.filter(\.matched).map(\.token)
            if let replacement = b.first(where: { run in
                run.unmatched.contains { isNew($0, isSource: false) } && run.words.contains { $0.matched && match($0.token, isSource: false, kept) }
            }) {
                return [nameItem(lost.run.surface, lost.content.line(ofToken: lost.run.tokens[0]),
                                 replacement.run.surface, replacement.content.line(ofToken: replacement.run.tokens[0]))]
            }
        }
        // A source name is missing altogether when its translation is known from the rest of the
        // documents ("United Nations" / «Объединённых Наций») or it appears elsewhere in the
        // translation, and the translation has a new name in its place.
        func isMissing(_ run: LocatedRun) -> Bool {
            guard !run.unmatched.isEmpty, !run.words.contains(where: \.matched) else { return false }
            return run.words.contains { word in
                let skeleton = context.names.skeleton(word.token)
                return !context.lexicon.partners(ofSource: word.token.key).isEmpty
                    || (skeleton.count >= 3 && context.translationNameSkeletons.contains(skeleton))
            }
        }
        if let lost = a.first(where: isMissing),
           let replacement = b.first(where: { $0.unmatched.contains { isNew($0, isSource: false) } }) {
            return [nameItem(lost.run.surface, lost.content.line(ofToken: lost.run.tokens[0]),
                             replacement.run.surface, replacement.content.line(ofToken: replacement.run.tokens[0]))]
        }
        // Headings capitalise every word in English: the rules below read clause bodies only.
        guard translation.allSatisfy({ $0.clause.role == .body }) else { return [] }
        // One name replaced by another, whole ("Anna Petrova" / «Мария Смирнова»): the translation
        // has exactly one name of several words none of which matches, new to it, and the source
        // has such a name too (English capitalises titles as well: "Creative Director").
        let wholeA = a.filter { $0.words.count >= 2 && $0.unmatched.count == $0.words.count },
            wholeB = b.filter { $0.words.count >= 2 && $0.unmatched.count == $0.words.count }
        if !wholeA.isEmpty, wholeB.count == 1,
           wholeB[0].unmatched.allSatisfy({ isNew($0, isSource: false) }) {
            return [nameItem(wholeA[0].run.surface, wholeA[0].content.line(ofToken: wholeA[0].run.tokens[0]),
                             wholeB[0].run.surface, wholeB[0].content.line(ofToken: wholeB[0].run.tokens[0]))]
        }
        // A translation that adds a new word to a name the source has («Лиги Наций» for "United
        // Nations"). (A source name may well lose a word in translation: "Creative Commons
        // Attribution" is «Creative Commons С указанием авторства».)
        for changed in b where changed.isPartial && changed.unmatched.contains(where: { $0.token.normalized.count >= 4 && isNew($0, isSource: false) }) {
            let kept = changed.words.filter(\.matched).map(\.token)
            guard let counterpart = a.first(where: { run in run.words.contains { match($0.token, isSource: true, kept) } }) else { continue }
            return [nameItem(counterpart.run.surface, counterpart.content.line(ofToken: counterpart.run.tokens[0]),
                             changed.run.surface, changed.content.line(ofToken: changed.run.tokens[0]))]
        }
        return []
    }

    private func nameItem(_ source: String, _ sourceLine: Int, _ translation: String, _ translationLine: Int) -> DriftItem {
        item(.name, source, translation, sourceLine, translationLine, "\"\(source)\" in the source is \"\(translation)\" in the translation")
    }
}
