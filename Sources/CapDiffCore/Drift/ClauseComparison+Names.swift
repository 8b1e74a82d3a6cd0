/// Names of people and organisations that changed between a clause and its translation.
extension ClauseComparison {
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
        var line: Int { content.line(ofToken: run.tokens[0]) }
    }

    func nameDifferences() -> [DriftItem] {
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
                return [nameItem(lost, replacement)]
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
            return [nameItem(lost, replacement)]
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
            return [nameItem(wholeA[0], wholeB[0])]
        }
        // A translation that adds a new word to a name the source has («Лиги Наций» for "United
        // Nations"). (A source name may well lose a word in translation: "Creative Commons
        // Attribution" is «Creative Commons С указанием авторства».)
        for changed in b where changed.isPartial && changed.unmatched.contains(where: { $0.token.normalized.count >= 4 && isNew($0, isSource: false) }) {
            let kept = changed.words.filter(\.matched).map(\.token)
            guard let counterpart = a.first(where: { run in run.words.contains { match($0.token, isSource: true, kept) } }) else { continue }
            return [nameItem(counterpart, changed)]
        }
        return []
    }

    private func nameItem(_ source: LocatedRun, _ translation: LocatedRun) -> DriftItem {
        let (a, b) = (source.run.surface, translation.run.surface)
        return item(.name, a, b, source.line, translation.line, "\"\(a)\" in the source is \"\(b)\" in the translation")
    }
}
