/// Two sides' analyses side by side: one row per function either side takes a stance on (or
/// the glossary marks required), with its verdict.
public struct Comparison: Sendable {
    public struct Side: Sendable {
        public var name: String
        public var analysis: Analysis
    }

    public struct Row: Sendable {
        public var function: String
        /// Per side, in `sides` order; nil when the side does not mention it.
        public var stances: [Stance?]
        public var verdict: Verdict
        /// The index of the side that leads a shared row.
        public var lead: Int?
        /// Per side, the claims behind its stance.
        public var evidence: [[Claim]]
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

    /// `compare` exits 1 when this is true.
    public var hasDifferences: Bool { rows.contains { $0.verdict.isDifference } }

    public init(_ a: Side, _ b: Side, glossary: Glossary) {
        sides = [a, b]
        let stancesA = a.analysis.stances, stancesB = b.analysis.stances
        var ids = glossary.functions.map(\.id).filter { stancesA[$0] != nil || stancesB[$0] != nil || glossary.function($0)!.required }
        // Functions a glossary layer dropped but a claim still names (none today) go last.
        ids += Set(stancesA.keys).union(stancesB.keys).subtracting(ids).sorted()
        rows = ids.map { id in
            let sa = stancesA[id], sb = stancesB[id]
            let verdict = VerdictTable.verdict(sa, sb)
            return Row(function: id, stances: [sa, sb], verdict: verdict,
                       lead: verdict == .shared ? VerdictTable.lead(sa, sb) : nil,
                       evidence: [a.analysis.evidence(for: id), b.analysis.evidence(for: id)])
        }
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
}
