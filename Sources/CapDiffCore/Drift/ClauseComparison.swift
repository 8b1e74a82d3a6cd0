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

    func item(_ kind: DriftKind, _ source: String, _ translation: String, _ sourceLine: Int?, _ translationLine: Int?,
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
                                   "the translation leaves out \"\(Self.excerpt(lost.text))\""))
                continue
            }
            if sa.isEmpty, let added = sb.first, added.segment.itemKey != nil || Self.isSubstantial(added.text) {
                result.append(item(.addition, "", added.text, source.first?.clause.line, added.line,
                                   "only the translation says \"\(Self.excerpt(added.text))\""))
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
            anchors.insert(value.anchor)
        }
        for party in partyMentions([content], isSource: isSource) where segment.tokens.contains(party.mention.tokens.lowerBound) {
            anchors.insert("p\(party.term)")
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

    /// The start of a passage, for a one-line reason.
    static func excerpt(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(59)) + "…"
    }

    // MARK: Values

    private func valueDifferences() -> [DriftItem] {
        let a = source.flatMap { c in c.values.map { ($0, c) } }, b = translation.flatMap { c in c.values.map { ($0, c) } }
        var lostA = a.filter { va in !b.contains { va.0.agrees(with: $0.0) } }
        var lostB = b.filter { vb in !a.contains { vb.0.agrees(with: $0.0) } }
        // A date one side could not read leaves its day and year as plain numbers.
        lostB.removeAll { vb in lostA.contains { $0.0.unit == .date && Value.components(ofDay: $0.0.magnitude).contains(vb.0.magnitude) && !vb.0.isDate } }
        lostA.removeAll { va in lostB.contains { $0.0.unit == .date && Value.components(ofDay: $0.0.magnitude).contains(va.0.magnitude) && !va.0.isDate } }
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
}
