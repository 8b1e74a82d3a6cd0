/// What one clause says about ownership, before headings and neighbouring clauses are
/// taken into account.
struct ClauseReading {
    /// A stance stated outright: a cue ("we own", «совместно»), a negation, an agent.
    var strong: (stance: Stance, reason: String)?
    /// A stance implied by the subject: "we design ..." (owns), "you handle ..." (needs),
    /// a Russian first-person verb («делаем»).
    var weak: (stance: Stance, reason: String)?
    /// An ownerless passive wording ("will be handled", «будет обеспечено»).
    var passive: String?
    /// In a heading: the stance its possessives hint at ("Our lane", "Your lane").
    var hint: (stance: Stance, reason: String)?
    /// The clause holds an explicit glossary cue (not only a negation or a subject).
    var hasGlossaryCue = false

    /// When one clause holds several cues, the one that says most about who does the work
    /// wins: "we expect you to lead" is a need, "we co-lead" a share, "we help run" support.
    static let clausePriority: [Stance] = [.excludes, .needs, .shares, .supports, .owns]

    init(_ clause: Clause, facts: TextFacts, headingCues: Bool) {
        passive = Self.passiveWording(clause, facts: facts)

        var found: [(Stance, String)] = []
        var roles: [CueRole] = headingCues ? [.cue, .heading] : [.cue]
        // "by us", «вами»: agents name the doer only of a passive ("with you" is no agent).
        if passive != nil { roles.append(.agent) }
        for role in roles {
            for (match, entry) in facts.cues(in: clause, role: role) {
                guard var stance = entry.stance else { continue }
                // In a passive wording, "handled" or "led" is no claim; only an agent is.
                if passive != nil, role != .agent, stance == .owns || stance == .supports { continue }
                // "You handle X", «за X отвечает ваша команда»: the partner does it, so we need it.
                if stance == .owns || stance == .supports, Self.subject(of: match.tokens.lowerBound, in: clause, facts: facts) == .you {
                    stance = .needs
                }
                found.append((stance, facts.surface(match.tokens)))
            }
        }
        // "we need Volna to run X": whatever the verb after "to", the work is asked of another.
        if let request = Self.requestOfAnother(clause, facts: facts) {
            found.append((.needs, facts.surface(request)))
        }
        hasGlossaryCue = !found.isEmpty
        if headingCues, let (match, entry) = facts.cues(in: clause, role: .headingHint).first, let stance = entry.stance {
            hint = (stance, facts.surface(match.tokens))
        }
        // "handled by our team", "led by Harborline", "by your analysts": the agent decides.
        if let (agent, range) = Self.byAgent(clause, facts: facts) {
            found.append((agent == .we ? .owns : .needs, facts.surface(range)))
            hasGlossaryCue = true
        }
        // "Paid media — you.", «Логистика: мы.»: a clause that is only a subject names the owner.
        if found.isEmpty, let subject = Self.loneSubject(clause, facts: facts) {
            found.append(subject == .we ? (.owns, facts.surface(clause.range.lowerBound...(clause.range.upperBound - 1)))
                                        : (.needs, facts.surface(clause.range.lowerBound...(clause.range.upperBound - 1))))
        }
        if let negator = facts.negators(in: clause).first {
            strong = (.excludes, facts.surface(negator.tokens))
        } else if let best = Self.clausePriority.lazy.compactMap({ stance in found.first { $0.0 == stance } }).first {
            strong = best
        }
        // A cue that survived the passive check names who does the work.
        if strong != nil { passive = nil }
        // "to be agreed", «не закреплён ни за одной из сторон»: the clause says nobody owns it.
        if let vague = facts.hedges.first(where: { clause.range.contains($0.tokens.lowerBound) && $0.entries.contains { $0.kind == .vagueOwner } }) {
            strong = nil
            passive = facts.surface(vague.tokens)
        }
        if strong == nil, passive == nil {
            weak = Self.subjectStance(clause, facts: facts)
        }
    }

    enum Subject { case we, you }

    /// "we need Volna to run", "we'd like the client's team to handle", "we rely on Anna to
    /// book": a request verb after "we", then someone named (not us, not a function), then
    /// "to". "we need to run X" asks nobody else and is not matched.
    static func requestOfAnother(_ clause: Clause, facts: TextFacts) -> ClosedRange<Int>? {
        let tokens = facts.tokens
        // Most clauses hold no request verb: look for one before anything costlier.
        guard clause.range.contains(where: { isRequestVerb(tokens[$0].normalized) }) else { return nil }
        let words = clause.range.filter { tokens[$0].isWord }
        let we = facts.subjects.filter { $0.entries.contains { $0.role == .we } }.map(\.tokens.upperBound)
        let inPhrases = Set(facts.phrases.flatMap { Array($0.tokens) })
        for (k, i) in words.enumerated() where isRequestVerb(tokens[i].normalized) {
            // The request is ours: "we" stands before it in the clause, with at most two words between.
            guard we.contains(where: { end in end < i && clause.range.contains(end) && words.filter { $0 > end && $0 < i }.count <= 2 }) else { continue }
            var start = k + 1
            if start < words.count, tokens[words[start]].normalized == "on" { start += 1 }  // rely on, count on
            var end = start
            while end < words.count, end - start < 4, tokens[words[end]].normalized != "to" { end += 1 }
            guard end > start, end < words.count, tokens[words[end]].normalized == "to" else { continue }
            let object = words[start..<end]
            guard !object.contains(where: { ourselves.contains(tokens[$0].normalized) || inPhrases.contains($0) }) else { continue }
            return i...words[end]
        }
        return nil
    }

    /// A switch, not a Set: this runs for every word, and comparing short strings costs less
    /// than hashing them.
    static func isRequestVerb(_ word: String) -> Bool {
        switch word {
        case "need", "needs", "expect", "want", "ask", "require", "rely", "count", "like", "prefer": true
        default: false
        }
    }
    static let ourselves: Set<String> = ["we", "us", "our", "ours", "ourselves", "i", "me", "my", "myself", "it", "this", "that", "more", "time", "help", "support"]

    /// Who does what a cue at `index` says: the subject just before it ("you handle"), else
    /// the clause's only subject, wherever it stands («за логистику отвечает ваша команда»).
    static func subject(of index: Int, in clause: Clause, facts: TextFacts) -> Subject? {
        if let before = subject(before: index, in: clause, facts: facts) { return before }
        let agents = agentTokens(facts, in: clause)
        let subjects = facts.subjects.filter { clause.range.contains($0.tokens.lowerBound) && !agents.contains($0.tokens.lowerBound) }
            .compactMap { match -> Subject? in
                if match.entries.contains(where: { $0.role == .you }) { return .you }
                if match.entries.contains(where: { $0.role == .we }) { return .we }
                return nil
            }
        return Set(subjects).count == 1 ? subjects[0] : nil
    }

    /// "by" followed by a subject ("by our business affairs team", "by Harborline").
    static func byAgent(_ clause: Clause, facts: TextFacts) -> (Subject, ClosedRange<Int>)? {
        for i in clause.range where facts.tokens[i].normalized == "by" {
            var j = i + 1
            while j < clause.range.upperBound, !facts.tokens[j].isWord { j += 1 }
            guard j < clause.range.upperBound else { continue }
            for match in facts.cues where match.tokens.lowerBound == j {
                if match.entries.contains(where: { $0.role == .we }) { return (.we, i...match.tokens.upperBound) }
                if match.entries.contains(where: { $0.role == .you }) { return (.you, i...match.tokens.upperBound) }
            }
        }
        return nil
    }

    /// Tokens that name an agent ("by us", «вами», "by your team"), not a subject.
    static func agentTokens(_ facts: TextFacts, in clause: Clause) -> Set<Int> {
        var tokens = Set(facts.cues.filter { $0.entries.contains { $0.role == .agent } }.flatMap { Array($0.tokens) })
        if let (_, range) = byAgent(clause, facts: facts) { tokens.formUnion(range) }
        return tokens
    }

    /// The subject when a clause holds nothing else ("you", «мы», "us").
    static func loneSubject(_ clause: Clause, facts: TextFacts) -> Subject? {
        let words = clause.range.filter { facts.tokens[$0].isWord }
        guard !words.isEmpty else { return nil }
        let subjects = facts.cues.filter { $0.tokens.allSatisfy(clause.range.contains) }
            .filter { $0.entries.contains { $0.role == .we || $0.role == .you } }
        guard Set(subjects.flatMap { Array($0.tokens) }).isSuperset(of: words) else { return nil }
        let roles = Set(subjects.flatMap(\.entries).map(\.role))
        if roles == [.we] { return .we }
        if roles == [.you] { return .you }
        return nil
    }

    /// The subject just before a word: "we" / "you" with only modal words between.
    static func subject(before index: Int, in clause: Clause, facts: TextFacts) -> Subject? {
        var i = index - 1
        while i >= clause.range.lowerBound {
            let token = facts.tokens[i]
            if !token.isWord { i -= 1; continue }
            let here = facts.subjects.filter { $0.tokens.contains(i) }
            if here.contains(where: { $0.entries.contains { $0.role == .you } }) { return .you }
            if here.contains(where: { $0.entries.contains { $0.role == .we } }) { return .we }
            if let modal = facts.cues.first(where: { $0.tokens.contains(i) && $0.entries.contains { $0.role == .modal } }) {
                i = modal.tokens.lowerBound - 1
                continue
            }
            if token.normalized.endsWith("ly") { i -= 1; continue }
            return nil
        }
        return nil
    }

    /// "We design merch" (owns), "you keep your creators" (needs), «делаем дизайн» (owns),
    /// «пишем мы» (owns), «отвечаете за» (needs): a subject doing something.
    static func subjectStance(_ clause: Clause, facts: TextFacts) -> (Stance, String)? {
        let tokens = facts.tokens
        func isRole(_ i: Int, _ role: CueRole) -> Bool {
            facts.cues.contains { $0.tokens.contains(i) && $0.entries.contains { $0.role == role } }
        }

        // A subject followed by a verb.
        for match in facts.subjects where clause.range.contains(match.tokens.lowerBound) {
            guard let role = match.entries.first(where: { $0.role == .we || $0.role == .you })?.role else { continue }
            // Russian puts the subject after its verb as often as before: «аналитику вели вы».
            if tokens[match.tokens.lowerBound].script == .cyrillic {
                var j = match.tokens.lowerBound - 1
                while j >= clause.range.lowerBound, !tokens[j].isWord || isRole(j, .modal) { j -= 1 }
                if j >= clause.range.lowerBound, tokens[j].script == .cyrillic, !isRole(j, .nonAction), !isRole(j, .negator),
                   !facts.phrases.contains(where: { $0.tokens.contains(j) }), Self.looksLikeRussianVerb(tokens[j].normalized) {
                    return (role == .we ? .owns : .needs, facts.surface(j...match.tokens.upperBound))
                }
            }
            var i = match.tokens.upperBound + 1
            while i < clause.range.upperBound {
                let token = tokens[i]
                if !token.isWord || isRole(i, .modal) || token.normalized.endsWith("ly") { i += 1; continue }
                if isRole(i, .nonAction) || isRole(i, .negator) || isRole(i, .we) || isRole(i, .you) { break }
                if token.kind == .word {
                    return (role == .we ? .owns : .needs, facts.surface(match.tokens.lowerBound...i))
                }
                break
            }
        }
        // A Russian verb in the first or second person plural, at the clause's start or next to
        // «мы» / «вы»: «делаем дизайн», «пишем мы», «отвечаете за».
        let words = clause.range.filter { tokens[$0].isWord && !isRole($0, .modal) }
        for (position, i) in words.enumerated() {
            let token = tokens[i]
            guard token.script == .cyrillic, token.normalized.count >= 4, !isRole(i, .nonAction),
                  !russianNonVerbs.contains(token.normalized) else { continue }
            let w = token.normalized
            // A vowel before -ем («выплачиваем», «закрываем», «ведём») marks a first-person verb
            // wherever it stands; other endings are trusted only near the start or a pronoun.
            let surelyFirstPerson = w.count >= 6 && ["аем", "яем", "уем", "еем", "оем", "юем"].contains(where: w.endsWith)
                || token.surface.lowercased().hasSuffix("ём")
            let nearSubject = position < 2
                || (position > 0 && (isRole(words[position - 1], .we) || isRole(words[position - 1], .you)))
                || (position + 1 < words.count && (isRole(words[position + 1], .we) || isRole(words[position + 1], .you)))
            guard nearSubject || surelyFirstPerson else { continue }
            if (w.endsWith("ем") || w.endsWith("им")) && !w.endsWith("ским") && !w.endsWith("цким") {
                return (.owns, token.surface)
            }
            if w.endsWith("ете") || w.endsWith("ите") {
                return (.needs, token.surface)
            }
        }
        return nil
    }

    /// Russian verb endings: present (-ет, -ют, -ит, -ат, -ем, -им, -ете, -ите), past (-л, -ла,
    /// -ли, -ло) and infinitive (-ть, -ти, -чь: «должны вести вы»), reflexive or not.
    static func looksLikeRussianVerb(_ word: String) -> Bool {
        guard word.count >= 3, !russianNonVerbs.contains(word) else { return false }
        let w = word.endsWith("ся") || word.endsWith("сь") ? String(word.dropLast(2)) : word
        return ["ет", "ют", "ит", "ат", "ят", "ут", "ем", "им", "ете", "ите", "л", "ла", "ли", "ло", "ть", "ти", "чь"].contains(where: w.endsWith)
    }

    /// Russian words ending like first-person plural verbs that are not verbs.
    static let russianNonVerbs: Set<String> = [
        "всем", "тем", "чем", "нем", "ним", "ими", "своим", "нашим", "вашим", "одним", "другим", "таким",
        "каким", "самим", "ними", "всеми", "объем", "прием", "подъем", "режим", "объемом", "приемом",
    ]

    static let englishAuxiliaries: Set<String> = ["be", "is", "are", "was", "were", "been", "being", "get", "gets", "got"]
    static let englishParticiples: Set<String> = [
        "done", "made", "held", "run", "built", "written", "sent", "paid", "shot", "set", "kept", "taken", "given",
        "brought", "bought", "found", "chosen", "led", "met", "shown", "drawn", "put", "cut", "spent", "won", "told",
        "sold", "split", "shared", "covered", "owned", "seen",
    ]
    static let russianAuxiliaries: Set<String> = ["будет", "будут", "было", "были", "был", "была", "будем"]
    static let russianShortParticiple = ["ан", "ян", "ен", "ана", "яна", "ена", "ано", "яно", "ено", "аны", "яны", "ены",
                                         "ит", "ита", "ито", "иты", "ыт", "ыта", "ыто", "ыты", "ут", "ута", "уто", "уты"]
    static let russianReflexive3rd = ["ется", "ются", "ится", "ятся", "атся", "утся", "ется"]

    /// "will be handled", "is to be agreed", «будет организована», «согласовываются»: a
    /// passive with no agent names nobody.
    static func passiveWording(_ clause: Clause, facts: TextFacts) -> String? {
        let tokens = facts.tokens
        let words = clause.range.filter { tokens[$0].isWord }
        // "by your team" names an agent, not a subject.
        let agents = agentTokens(facts, in: clause)
        let hasSubject = facts.subjects.contains { match in
            clause.range.contains(match.tokens.lowerBound) && !agents.contains(match.tokens.lowerBound)
        }
        guard !hasSubject else { return nil }
        // A verb that is part of a stance cue («остаётся за нами») is no passive.
        let inCues = Set(facts.cues.filter { $0.entries.contains { $0.stance != nil } }.flatMap { Array($0.tokens) })
        for (position, i) in words.enumerated() where !inCues.contains(i) {
            let w = tokens[i].normalized
            if englishAuxiliaries.contains(w) {
                var next = position + 1
                while next < words.count, ["also", "then", "not", "all", "fully", "jointly"].contains(tokens[words[next]].normalized)
                        || tokens[words[next]].normalized.endsWith("ly") { next += 1 }
                if next < words.count {
                    let p = tokens[words[next]].normalized
                    if (p.endsWith("ed") && p.count >= 4) || englishParticiples.contains(p) {
                        return facts.surface(i...words[next])
                    }
                }
            }
            if russianAuxiliaries.contains(w), position + 1 < words.count {
                let p = tokens[words[position + 1]].normalized
                if p.count >= 5, russianShortParticiple.contains(where: p.endsWith) || p.endsWith("ться") {
                    return facts.surface(i...words[position + 1])
                }
            }
            if tokens[i].script == .cyrillic, w.count >= 6, russianReflexive3rd.contains(where: w.endsWith) {
                return tokens[i].surface
            }
        }
        return nil
    }
}
