/// Checks a translated agreement against its source: reads both into clauses, aligns them,
/// learns what it can from the pair (which defined terms and names correspond), and compares
/// every aligned group. Either direction works (English into Russian or the reverse).
/// Not thread-safe (it owns the pipeline's ICU and Snowball state): one per thread.
public final class DriftChecker {
    private let reader: AgreementReader

    public init(index: GlossaryIndex) {
        reader = AgreementReader(index: index)
    }

    public convenience init(glossary: Glossary) {
        self.init(index: GlossaryIndex(glossary))
    }

    /// Reads two documents (any format `DocumentReader` accepts) and checks them.
    public func check(sourcePath: String, translationPath: String) throws(Diagnostic) -> DriftReport {
        let source = try DocumentReader.read(path: sourcePath)
        let translation = try DocumentReader.read(path: translationPath)
        return check(source: source, translation: translation)
    }

    public func check(source: Outline, translation: Outline) -> DriftReport {
        let a = reader.read(source), b = reader.read(translation)
        let ratio = a.length > 0 && b.length > 0 ? Double(b.length) / Double(a.length) : 1
        let beads = Aligner.align(a.clauses.map(alignmentItem), b.clauses.map(alignmentItem), ratio: ratio)
        let context = ClauseComparison.Context(
            source: a, translation: b, parties: Self.pairParties(a, b, beads), lexicon: learnNames(a, b, beads),
            names: reader.names, translationNameSkeletons: nameSkeletons(b), sourceNameClauses: nameClauses(a),
            translationNameClauses: nameClauses(b), ratio: Self.typicalRatio(a, b, beads) ?? ratio,
            functionWords: reader.functionWords)

        var drifts: [ClauseDrift] = []
        for bead in beads {
            let sa = Array(a.clauses[bead.source]), sb = Array(b.clauses[bead.translation])
            if sa.isEmpty || sb.isEmpty {
                let (clause, isSource) = sa.isEmpty ? (sb[0], false) : (sa[0], true)
                if Self.isReportable(clause.clause) { drifts.append(Self.unmatched(clause, isSource: isSource)) }
                continue
            }
            let label = sa[0].clause.label
            let items = ClauseComparison(label: label, source: sa, translation: sb, context: context).differences()
            guard !items.isEmpty else { continue }
            drifts.append(ClauseDrift(clause: label, source: clauseText(sa), translation: clauseText(sb),
                                      items: items.sorted { $0.kind < $1.kind }))
        }
        return DriftReport(source: .init(path: a.path, language: a.language), translation: .init(path: b.path, language: b.language),
                           clauses: drifts, sourceClauses: a.clauses.count, translationClauses: b.clauses.count,
                           alignedPairs: beads.filter { !$0.source.isEmpty && !$0.translation.isEmpty }.count,
                           warnings: a.warnings + b.warnings)
    }

    /// A clause the other side does not have: an omission from the translation, or an addition
    /// to it (named by the translation's number).
    static func unmatched(_ content: ClauseContent, isSource: Bool) -> ClauseDrift {
        let clause = content.clause, text = ClauseText(text: content.text, line: clause.line)
        let numbered = clause.number != nil && !clause.inherited
        let reason = isSource
            ? (numbered ? "the translation has no clause \(clause.label)" : "the translation leaves out \"\(ClauseComparison.excerpt(content.text))\"")
            : (numbered ? "the source has no clause \(clause.label)" : "only the translation says \"\(ClauseComparison.excerpt(content.text))\"")
        let item = DriftItem(clause: clause.label, kind: isSource ? .omission : .addition, source: isSource ? content.text : "",
                             translation: isSource ? "" : content.text, sourceLine: isSource ? clause.line : nil,
                             translationLine: isSource ? nil : clause.line, reason: reason)
        return ClauseDrift(clause: clause.label, source: isSource ? text : nil, translation: isSource ? nil : text, items: [item])
    }

    /// A clause whose omission or addition is worth a report: a numbered clause, a list item, or
    /// a paragraph of a few words at least ("Now, therefore," joins the next paragraph in some
    /// official translations).
    static func isReportable(_ clause: AgreementClause) -> Bool {
        (clause.number != nil && !clause.inherited) || clause.isListItem || ClauseComparison.isSubstantial(clause.text)
    }

    /// The median length ratio of the clauses aligned one to one: what a faithful clause's
    /// translation looks like, unmoved by a long added or dropped passage, against which the
    /// sentences inside a clause are aligned.
    static func typicalRatio(_ a: Agreement, _ b: Agreement, _ beads: [Aligner.Bead]) -> Double? {
        let ratios = beads.compactMap { bead -> Double? in
            guard bead.source.count == 1, bead.translation.count == 1 else { return nil }
            let la = a.clauses[bead.source.lowerBound].length, lb = b.clauses[bead.translation.lowerBound].length
            return la >= 20 && lb >= 20 ? Double(lb) / Double(la) : nil
        }.sorted()
        return ratios.isEmpty ? nil : ratios[ratios.count / 2]
    }

    private func alignmentItem(_ content: ClauseContent) -> Aligner.Item {
        Aligner.Item(length: content.length, anchors: reader.anchors(content), key: content.clause.numberKey,
                     keyIsWeak: content.clause.inherited)
    }

    private func clauseText(_ contents: [ClauseContent]) -> ClauseText? {
        guard let first = contents.first else { return nil }
        return ClauseText(text: contents.map(\.text).joined(separator: " "), line: first.clause.line)
    }

    /// Defined terms correspond when aligned clauses define as many, in order: (the "Agency")
    /// and («Агентство»), "Licensor means" and «Лицензиар означает». Those that name a party
    /// (`DefinedTerm.areParty`) are the parties.
    static func pairParties(_ a: Agreement, _ b: Agreement, _ beads: [Aligner.Bead]) -> [Int: Int] {
        var parties: [Int: Int] = [:]
        var taken = Set<Int>()
        for bead in beads {
            let da = bead.source.flatMap { a.clauses[$0].defines }, db = bead.translation.flatMap { b.clauses[$0].defines }
            guard da.count == db.count else { continue }
            for (s, t) in zip(da, db) where parties[s] == nil && !taken.contains(t) && DefinedTerm.areParty(a.terms[s], b.terms[t]) {
                parties[s] = t
                taken.insert(t)
            }
        }
        return parties
    }

    /// The name lexicon, from the name words transliteration leaves unmatched in each pair.
    private func learnNames(_ a: Agreement, _ b: Agreement, _ beads: [Aligner.Bead]) -> NameLexicon {
        let names = reader.names
        var pairs: [(source: Set<String>, translation: Set<String>)] = []
        for bead in beads where !bead.source.isEmpty && !bead.translation.isEmpty {
            let wa = bead.source.flatMap { i in a.clauses[i].names.flatMap { $0.tokens.map { a.clauses[i].facts.tokens[$0] } } }
            let wb = bead.translation.flatMap { i in b.clauses[i].names.flatMap { $0.tokens.map { b.clauses[i].facts.tokens[$0] } } }
            let ua = wa.filter { w in !wb.contains { names.sameName(w, $0) } }.map(\.key)
            let ub = wb.filter { w in !wa.contains { names.sameName(w, $0) } }.map(\.key)
            pairs.append((Set(ua), Set(ub)))
        }
        return NameLexicon(pairs: pairs)
    }

    private func nameClauses(_ agreement: Agreement) -> [String: Int] {
        var counts: [String: Int] = [:]
        for content in agreement.clauses {
            for key in Set(content.names.flatMap { $0.tokens.map { content.facts.tokens[$0].key } }) { counts[key, default: 0] += 1 }
        }
        return counts
    }

    private func nameSkeletons(_ agreement: Agreement) -> Set<String> {
        var skeletons = Set<String>()
        for content in agreement.clauses {
            for run in content.names { for i in run.tokens { skeletons.insert(reader.names.skeleton(content.facts.tokens[i])) } }
        }
        return skeletons
    }
}
