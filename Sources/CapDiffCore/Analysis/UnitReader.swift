/// Reads one list item, table row or prose sentence: its claims and ambiguities.
struct UnitReader {
    let unit: Unit
    let facts: TextFacts
    let heading: HeadingReading?
    let index: GlossaryIndex
    var table: TableColumns?

    init(unit: Unit, facts: TextFacts, heading: HeadingReading?, index: GlossaryIndex) {
        self.unit = unit
        self.facts = facts
        self.heading = heading
        self.index = index
    }

    func line(ofToken token: Int) -> Int {
        unit.line(atOffset: facts.tokens[token].range.lowerBound)
    }

    /// "Talent management for our US creator roster", "permits for the LA shoot", «бюджет
    /// съёмок»: a phrase that hangs off another function's phrase (after it in the same clause,
    /// after a preposition or, in Russian, right after it as its genitive) says what that work
    /// is for or where it happens; it names its own function only in passing. A market phrase
    /// also when it follows right after ("influencer casting US creators"). Returns the index
    /// (in `facts.phrases`) of the phrase it hangs off.
    func passingHead(of i: Int) -> Int? {
        let match = facts.phrases[i]
        let scopes = ScopeReading(facts: facts, index: index)
        let market = scopes.isMarket(match)
        guard let clause = facts.clauses.first(where: { $0.range.contains(match.tokens.lowerBound) }) else { return nil }
        guard let head = facts.phrases.lastIndex(where: { other in
            other.tokens.upperBound < match.tokens.lowerBound && clause.range.contains(other.tokens.lowerBound)
                && !scopes.isMarket(other)
        }) else { return nil }
        let between = facts.tokens[(facts.phrases[head].tokens.upperBound + 1)..<match.tokens.lowerBound]
        if between.isEmpty { return market || facts.tokens[match.tokens.lowerBound].script == .cyrillic ? head : nil }
        // A preposition among the last three words, followed only by words ("for the LA
        // shoot", "of our US creator roster"), not by a comma or "and".
        let last = Array(between.suffix(3))
        guard let p = last.lastIndex(where: { Self.prepositions.contains($0.normalized) }) else { return nil }
        return last[(p + 1)...].allSatisfy { $0.isWord && !Clause.conjunctions.contains($0.normalized) } ? head : nil
    }

    static let prepositions: Set<String> = ["for", "of", "to", "in", "across", "into", "within", "among", "on", "для", "в", "на", "среди", "по"]

    static let crosses: Set<String> = ["✗", "✘", "☒", "❌"]
    static let ticks: Set<String> = ["✓", "✔", "☑", "✅"]
    static let yesWords: Set<String> = ["yes", "да", "y"]

    /// In a table row only the first cell names the function: "media budget sits with the
    /// client" in a notes column is a remark, not a row of its own.
    func inFunctionCell(_ match: GlossaryIndex.PhraseMatch) -> Bool {
        guard table != nil, unit.kind == .tableRow, let first = unit.cells.first, unit.text.hasPrefix(first) else { return true }
        return facts.tokens[match.tokens.lowerBound].range.lowerBound < first.utf8.count
    }

    func read(into claims: inout [Claim], flags: inout AmbiguityCollector) {
        let language = unit.language  // once per unit, not once per claim (issue 14)
        var readings = facts.clauses.map { clause in
            var reading = ClauseReading(clause, facts: facts, headingCues: false)
            if continuesHeading(reading) { reading.strong = nil }
            return reading
        }
        // A questionnaire's answer at the end of the line: "Написание ТЗ — да", "Reporting: yes".
        if let last = facts.clauses.last, readings.last?.strong == nil, facts.clauses.count > 1 {
            let words = last.range.filter { facts.tokens[$0].isWord }
            if words.count == 1, Self.yesWords.contains(facts.tokens[words[0]].normalized) {
                readings[readings.count - 1].strong = (.owns, facts.tokens[words[0]].surface)
            }
        }
        // The table's columns decide the stance outright, and so does a checklist's cross ("not
        // us", whatever the heading above it says).
        let tableStance = table?.stance(cells: unit.cells)
            ?? (unit.marker.map(Self.crosses.contains) == true ? (.excludes, .cue(unit.marker!)) : nil)
        // A tick with nothing else to go by ("Can we do it?" / "✓ outreach") says yes, we do.
        let tick: (Stance, Claim.Basis)? = unit.marker.map(Self.ticks.contains) == true ? (.owns, .cue(unit.marker!)) : nil
        var ownerless: [(line: Int, phrase: String)] = []
        var stated = false

        let scopes = ScopeReading(facts: facts, index: index).scopes(heading: heading?.scope, passingHead: { passingHead(of: $0) })
        for (i, match) in facts.phrases.enumerated() where passingHead(of: i) == nil && inFunctionCell(match) {
            let clauseIndex = facts.clauses.firstIndex { $0.range.contains(match.tokens.lowerBound) } ?? 0
            let phrase = facts.surface(match.tokens)
            let line = line(ofToken: match.tokens.lowerBound)
            // "influencer marketing", «продвижение»: it could mean either, so it claims neither.
            if match.isEitherOf {
                flags.add(.multiFunction, line: line, unit: unit, reason: "\"\(phrase)\" names \(match.functions.joined(separator: " or "))",
                          functions: match.functions)
                continue
            }
            guard let (stance, basis) = tableStance ?? stanceFor(clause: clauseIndex, readings: readings) ?? tick else {
                if readings[clauseIndex].passive == nil { ownerless.append((line, phrase)) }
                else { flags.add(.vagueOwner, line: line, unit: unit, reason: "\"\(readings[clauseIndex].passive!)\" names no owner") }
                continue
            }
            stated = true
            for function in match.functions {
                claims.append(Claim(function: function, stance: stance, line: line, text: unit.text, phrase: phrase, basis: basis,
                                    language: language, scope: scopes[i]))
                // "We help with contracts, but the legal work itself we expect from you": a
                // clause with a cue and no function speaks of the clause before it.
                if tableStance == nil, let (next, reason) = followingStatement(after: clauseIndex, readings: readings) {
                    claims.append(Claim(function: function, stance: next, line: line, text: unit.text, phrase: phrase,
                                        basis: .cue(reason), language: language, scope: scopes[i]))
                }
            }
        }

        let unitStance = tableStance ?? unitLevelStance(readings)
        if facts.phrases.isEmpty, let unitStance, let heading, !heading.functions.isEmpty {
            // "## Paid media" / "- We don't do this.": the heading names the function.
            stated = true
            let scope = Set(facts.scopes.compactMap(\.scope))
            for function in heading.functions {
                let market = index.glossary.function(function)?.market != nil
                claims.append(Claim(function: function, stance: unitStance.0, line: unit.line, text: unit.text,
                                    phrase: heading.text, basis: unitStance.1, language: language,
                                    scope: market ? nil : scope.count == 1 ? scope.first : heading.scope))
            }
        }
        for (line, phrase) in ownerless where !stated {
            flags.add(.vagueOwner, line: line, unit: unit, reason: "\"\(phrase)\" is named but nobody is said to own it")
        }
        // "The PR push will be managed centrally": a passive names no owner for whatever it is.
        if facts.phrases.isEmpty, heading?.stance == nil, let passive = readings.compactMap(\.passive).first, contentWords >= 3 {
            flags.add(.vagueOwner, line: unit.line, unit: unit, reason: "\"\(passive)\" names no owner")
        }
        for match in facts.hedges {
            for entry in match.entries {
                flags.add(entry.kind, line: line(ofToken: match.tokens.lowerBound), unit: unit,
                          reason: "\(entry.kind == .hedge ? "hedge" : "no owner:") \"\(facts.surface(match.tokens))\"")
            }
        }
        if facts.phrases.isEmpty, heading?.functions.isEmpty ?? true, isCapabilityLike(readings) || isBareItem, contentWords >= 2,
           !isLegend(readings) {
            flags.add(.unmapped, line: unit.line, unit: unit, reason: "reads like a capability but names no known function")
        }
        flags.addMixedScript(facts, unit: unit)
    }

    /// The stance for a phrase in a clause: the clause's own cue; else a cue elsewhere in the
    /// sentence (the previous clause first: "we don't do X, Y or Z"); else the heading's;
    /// else a "we ..." subject in the sentence. A passive clause takes only the heading's.
    func stanceFor(clause i: Int, readings: [ClauseReading]) -> (Stance, Claim.Basis)? {
        let reading = readings[i]
        if let strong = reading.strong { return (strong.stance, .cue(strong.reason)) }
        if reading.passive != nil {
            // "X will be handled" names no owner, unless it is an item of a list whose heading
            // does ("What we own:"); a paragraph under a heading is not one of its items.
            guard unit.kind != .prose else { return nil }
            return heading?.stance.map { ($0.stance, .heading(heading!.text)) }
        }
        let sentence = facts.clauses[i].sentence
        let sameSentence = { (j: Int) in facts.clauses[j].sentence == sentence }
        if let j = (0..<i).reversed().first(where: { sameSentence($0) && readings[$0].strong != nil && readings[$0].passive == nil }),
           let strong = readings[j].strong {
            return (strong.stance, .cue(strong.reason))
        }
        if let j = ((i + 1)..<readings.count).first(where: { sameSentence($0) && readings[$0].strong != nil }), let strong = readings[j].strong {
            return (strong.stance, .cue(strong.reason))
        }
        if let stance = heading?.stance { return (stance.stance, .heading(heading!.text)) }
        if let weak = reading.weak { return (weak.stance, .firstPerson(weak.reason)) }
        if let j = readings.indices.first(where: { sameSentence($0) && readings[$0].weak != nil }), let weak = readings[j].weak {
            return (weak.stance, .firstPerson(weak.reason))
        }
        return nil
    }

    /// An item under "We won't:" or "We'd ask you to:" that starts with a bare verb ("- run
    /// boosted posts") continues the heading's sentence: its verb is no claim of its own.
    func continuesHeading(_ reading: ClauseReading) -> Bool {
        guard unit.kind == .item, let heading = heading?.stance, heading.stance != .owns,
              let strong = reading.strong, strong.stance == .owns || strong.stance == .supports else { return false }
        return !facts.subjects.contains { _ in true }
    }

    /// The explicit stance of the next clause in the sentence, when that clause names no function.
    func followingStatement(after i: Int, readings: [ClauseReading]) -> (Stance, String)? {
        let next = i + 1
        guard next < readings.count, facts.clauses[next].sentence == facts.clauses[i].sentence,
              readings[next].hasGlossaryCue, let strong = readings[next].strong,
              !facts.phrases.contains(where: { facts.clauses[next].range.contains($0.tokens.lowerBound) }) else { return nil }
        return (strong.stance, strong.reason)
    }

    func unitLevelStance(_ readings: [ClauseReading]) -> (Stance, Claim.Basis)? {
        if let strong = readings.compactMap(\.strong).first { return (strong.stance, .cue(strong.reason)) }
        if let stance = heading?.stance { return (stance.stance, .heading(heading!.text)) }
        if let weak = readings.compactMap(\.weak).first { return (weak.stance, .firstPerson(weak.reason)) }
        return nil
    }

    /// A line that says someone does something: a list item or table row with a stance (its
    /// own or its heading's), or a sentence with an explicit stance cue.
    func isCapabilityLike(_ readings: [ClauseReading]) -> Bool {
        switch unit.kind {
        case .item, .tableRow:
            return readings.contains { $0.strong != nil || $0.weak != nil } || heading?.stance != nil
        case .prose:
            // A stance cue, or an offer: "we can put together a merch capsule" («можем сделать»).
            return readings.contains { $0.hasGlossaryCue }
                || readings.contains { $0.weak?.stance == .owns } && facts.cues.contains { $0.entries.contains { $0.role == .permission } }
        default:
            return false
        }
    }

    /// A list item that is only a noun phrase ("Discord moderation for the community"): in an
    /// outline, that is a capability, whatever heading it sits under.
    var isBareItem: Bool {
        unit.kind == .item && !facts.cues.contains { $0.entries.contains { $0.role == .we || $0.role == .you } }
    }

    /// A line that defines the stance words ("Lead = we own it, Support = we help, ...") or
    /// introduces the document («что берёт на себя наша команда и чего мы ждём от вас»)
    /// rather than claiming anything: it states several stances and names no function.
    func isLegend(_ readings: [ClauseReading]) -> Bool {
        Set(readings.compactMap { $0.strong?.stance }).count >= (unit.kind == .prose ? 2 : 3)
    }

    var contentWords: Int {
        facts.tokens.filter { $0.kind == .word && !index.isStopword($0) }.count
    }
}

/// Collects ambiguity flags, one entry per line with every kind that applies.
struct AmbiguityCollector {
    private(set) var ambiguities: [Ambiguity] = []
    private var at: [Int: Int] = [:]
    /// The (line, reason) pairs listed: a set, since one giant line can gather very many (issue 14).
    private var listed: Set<LineReason> = []
    private struct LineReason: Hashable { var line: Int; var reason: String }

    mutating func add(_ kind: AmbiguityKind, line: Int, unit: Unit, reason: String, functions: [String] = []) {
        let isNew = listed.insert(LineReason(line: line, reason: reason)).inserted
        if let i = at[line] {
            for f in functions where !ambiguities[i].functions.contains(f) { ambiguities[i].functions.append(f) }
            if !ambiguities[i].kinds.contains(kind) {
                ambiguities[i].kinds.append(kind)
                ambiguities[i].kinds.sort()
            }
            if isNew { ambiguities[i].reasons.append(reason) }
        } else {
            at[line] = ambiguities.count
            ambiguities.append(Ambiguity(line: line, kinds: [kind], text: unit.text, reasons: [reason], functions: functions))
        }
    }

    mutating func addMixedScript(_ facts: TextFacts, unit: Unit) {
        for token in facts.tokens where token.isMixedScript {
            add(.mixedScript, line: unit.line(atOffset: token.range.lowerBound), unit: unit,
                reason: "\"\(token.surface)\" mixes Cyrillic and Latin letters")
        }
    }
}
