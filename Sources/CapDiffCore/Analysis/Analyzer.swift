/// Reads an outline into claims and ambiguities: for each unit, which functions it names
/// (glossary phrases), what stance it takes on them (cues in its clauses, else its heading,
/// else a "we ..." subject), and whether its wording leaves ownership open.
/// Not thread-safe (it owns a glossary index): one per thread.
public final class Analyzer {
    public let index: GlossaryIndex

    public init(index: GlossaryIndex) {
        self.index = index
    }

    public convenience init(glossary: Glossary) {
        self.init(index: GlossaryIndex(glossary))
    }

    public func analyze(_ outline: Outline) -> Analysis {
        // Issue 14: an over-long unit is read in bounded windows (Input/UnitWindows.swift); a
        // window after the first keeps the stance its unit's first window states.
        let (outline, firstWindow) = UnitWindows.split(outline)
        var carried: [Int: HeadingReading] = [:]
        var tables: [Int: TableColumns] = [:]  // issue 14: a table's columns read once, not once per row
        var claims: [Claim] = []
        var flags = AmbiguityCollector()
        var headings: [Int: HeadingReading] = [:]
        let names = SelfNames.find(in: outline).map { SelfName($0, tokenizer: index.tokenizer) }
        for (position, unit) in outline.units.enumerated() {
            switch unit.kind {
            case .title, .tableHeader:
                flags.addMixedScript(TextFacts(unit.text, index: index), unit: unit)
            case .heading, .label:
                let facts = TextFacts(unit.text, index: index, heading: true, selfNames: names)
                headings[position] = HeadingReading(facts, index: index)
                flags.addMixedScript(facts, unit: unit)
            case .item, .prose, .tableRow:
                var context = unit.scope.flatMap { headings[$0] }
                if let first = firstWindow[position] {  // issue 14, as above
                    if carried[first] == nil {
                        var reading = HeadingReading(TextFacts(outline.units[first].text, index: index, selfNames: names), index: index)
                        reading.functions = []
                        carried[first] = reading
                    }
                    if carried[first]?.stance != nil { context = carried[first] }
                }
                var reader = UnitReader(unit: unit, facts: TextFacts(unit.text, index: index, selfNames: names), heading: context, index: index)
                if unit.kind == .tableRow, let header = unit.tableHeader {
                    if tables[header] == nil { tables[header] = TableColumns(header: outline.units[header].cells, index: index) }
                    reader.table = tables[header]
                }
                reader.read(into: &claims, flags: &flags)
            }
        }
        let kept = Self.onePerLine(claims)
        return Analysis(path: outline.path, language: outline.language, claims: kept,
                        ambiguities: Conflicts.flag(kept, in: flags.ambiguities), warnings: outline.warnings).located(by: outline.pages)
    }

    /// One claim per (function, scope, line): the strongest stance stated there.
    static func onePerLine(_ claims: [Claim]) -> [Claim] {
        var result: [Claim] = []
        struct Key: Hashable { var claim: ClaimKey; var line: Int }
        var at: [Key: Int] = [:]
        for claim in claims {
            let key = Key(claim: claim.key, line: claim.line)
            if let i = at[key] {
                if claim.stance > result[i].stance { result[i] = claim }
            } else {
                at[key] = result.count
                result.append(claim)
            }
        }
        return result
    }
}

/// What a heading or "Label:" line says about the units under it.
struct HeadingReading {
    var text: String
    /// The stance it gives its items, when it states exactly one ("What we own").
    var stance: (stance: Stance, reason: String)?
    /// Functions it names ("## Paid media"), for items that name none themselves.
    var functions: [String]
    /// The market its items are about ("US", "In Russia:"), for items that name none themselves.
    var scope: String?

    init(_ facts: TextFacts, index: GlossaryIndex) {
        text = facts.text
        var strong: [(Stance, String)] = []
        var weak: [(Stance, String)] = []
        var hints: [(Stance, String)] = []
        for clause in facts.clauses {
            let reading = ClauseReading(clause, facts: facts, headingCues: true)
            if let s = reading.strong { strong.append(s) }
            if let w = reading.weak { weak.append(w) }
            if let h = reading.hint { hints.append(h) }
        }
        let candidates = !strong.isEmpty ? strong : !weak.isEmpty ? weak : hints
        if let first = candidates.first, candidates.allSatisfy({ $0.0 == first.0 }) {
            stance = first
        }
        functions = facts.phrases.flatMap(\.functions)
        scope = ScopeReading.headingScope(facts, index: index)
    }
}
