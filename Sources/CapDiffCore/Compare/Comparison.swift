/// Two sides' analyses side by side: one row per function either side takes a stance on (or
/// the glossary marks required), with its verdict — or, for a function either side limits to a
/// market, a row per scope named (plus the unscoped row when a side also speaks of the function
/// as a whole), as the contract's "Rows and scopes" says.
public struct Comparison: Sendable {
    public struct Side: Sendable {
        public var name: String
        public var analysis: Analysis
    }

    public struct Row: Sendable {
        public var function: String
        /// The market the row is about; nil for the function as a whole.
        public var scope: String? = nil
        /// Per side, in `sides` order; nil when the side does not mention it.
        public var stances: [Stance?]
        public var verdict: Verdict
        /// The index of the side that leads a shared row.
        public var lead: Int?
        /// Per side, the claims behind its stance.
        public var evidence: [[Claim]]
        /// Per side: its document contradicts itself on this function and scope (`conflict`).
        public var conflicted: [Bool] = [false, false]

        public var key: ClaimKey { ClaimKey(function: function, scope: scope) }
    }

    /// A function split by market, each side owning its own part: the division of work the
    /// contract recommends where both would otherwise do the same thing.
    public struct Split: Sendable, Equatable {
        public var function: String
        /// Per scope (in glossary order), the side that owns it.
        public var owners: [(scope: String, side: Int)]

        public static func == (a: Split, b: Split) -> Bool {
            a.function == b.function && a.owners.elementsEqual(b.owners) { $0.scope == $1.scope && $0.side == $1.side }
        }
    }

    /// "Side X owns no strategic function while the other owns N": the subcontractor trap.
    public struct Note: Sendable {
        public var side: Int
        public var other: Int
        public var otherStrategic: [String]
    }

    public var sides: [Side]
    public var rows: [Row]
    public var notes: [Note]
    public var splits: [Split]
    /// Market-knowledge functions (`market` in functions.tsv) and the scope whose market each knows.
    public var markets: [String: String]

    /// The scope whose market a function knows, for a market-knowledge function.
    public func marketOf(_ function: String) -> String? { markets[function] }

    /// `compare` exits 1 when this is true.
    public var hasDifferences: Bool { rows.contains { $0.verdict.isDifference } }

    public init(_ a: Side, _ b: Side, glossary: Glossary) {
        sides = [a, b]
        let stances = [a.analysis.stances, b.analysis.stances]
        let mentioned = Set(stances.flatMap { $0.keys.map(\.function) })
        var ids = glossary.functions.map(\.id).filter { mentioned.contains($0) || glossary.function($0)!.required }
        // Functions a glossary layer dropped but a claim still names (none today) go last.
        ids += mentioned.subtracting(ids).sorted()
        let scopeOrder = glossary.scopes.map(\.id)
        rows = ids.flatMap { id in
            Self.keys(of: id, stances: stances, scopeOrder: scopeOrder).map { key in
                // A side's stance on a scope's row: its claim for that scope, else for the
                // function as a whole.
                let own = stances.map { $0[key] != nil ? key : ClaimKey(function: id) }
                let sa = stances[0][own[0]], sb = stances[1][own[1]]
                let verdict = VerdictTable.verdict(sa, sb)
                let evidence = [a.analysis.evidence(for: own[0]), b.analysis.evidence(for: own[1])]
                return Row(function: id, scope: key.scope, stances: [sa, sb], verdict: verdict,
                           lead: verdict == .shared ? VerdictTable.lead(sa, sb) : nil, evidence: evidence,
                           conflicted: [a, b].indices.map { [a, b][$0].analysis.contradicts(own[$0]) })
            }
        }
        splits = Self.splits(rows)
        markets = Dictionary(glossary.functions.compactMap { f in f.market.map { (f.id, $0) } }, uniquingKeysWith: { a, _ in a })
        notes = []
        let strategic = Set(glossary.functions.filter { $0.group == .strategic }.map(\.id))
        for (side, other) in [(0, 1), (1, 0)] {
            let mine = rows.filter { strategic.contains($0.function) && $0.stances[side] == .owns }
            let theirs = rows.filter { strategic.contains($0.function) && $0.stances[other] == .owns }.map(\.function)
            if mine.isEmpty && theirs.count >= 2 {
                notes.append(Note(side: side, other: other, otherStrategic: theirs))
            }
        }
    }

    /// Where a row's evidence on one side sits among that side's claims (same order as
    /// `row.evidence[side]`), for printers that show where each claim came from.
    public func evidenceIndices(_ row: Row, side: Int) -> [Int] {
        guard let key = row.evidence[side].first?.key else { return [] }
        let claims = sides[side].analysis.claims
        return claims.indices.filter { claims[$0].key == key && claims[$0].stance == row.stances[side] }
    }

    /// The rows of one function: one when no side limits it to a scope; else one per scope
    /// either side names, after the unscoped row when either side also has an unscoped claim.
    static func keys(of function: String, stances: [[ClaimKey: Stance]], scopeOrder: [String]) -> [ClaimKey] {
        let scopes = Set(stances.flatMap { $0.keys.filter { $0.function == function }.compactMap(\.scope) })
        let whole = ClaimKey(function: function)
        guard !scopes.isEmpty else { return [whole] }
        let ordered = scopes.sorted { (scopeOrder.firstIndex(of: $0) ?? .max, $0) < (scopeOrder.firstIndex(of: $1) ?? .max, $1) }
        let unscoped = stances.contains { $0[whole] != nil }
        return (unscoped ? [whole] : []) + ordered.map { ClaimKey(function: function, scope: $0) }
    }

    /// Functions whose scoped rows are each owned by one side alone, not all by the same side:
    /// "they handle US creators, you handle the Russian ones".
    static func splits(_ rows: [Row]) -> [Split] {
        var result: [Split] = []
        var seen = Set<String>()
        for row in rows where !seen.contains(row.function) {
            seen.insert(row.function)
            let scoped = rows.filter { $0.function == row.function && $0.scope != nil }
            guard scoped.count >= 2 else { continue }
            let owners = scoped.map { r -> (String, Int)? in
                guard r.verdict == .covered, let side = r.stances.firstIndex(of: .owns) else { return nil }
                return (r.scope!, side)
            }
            guard owners.allSatisfy({ $0 != nil }), Set(owners.map { $0!.1 }).count == 2 else { continue }
            result.append(Split(function: row.function, owners: owners.map { (scope: $0!.0, side: $0!.1) }))
        }
        return result
    }
}
