/// The partner playbook: the one-pager two teams put on the table before launch, in the order
/// they talk it through: what each side owns; what they collaborate on, and who leads; what is
/// contested; what nobody does; what goes to leadership; and the questions the wording leaves
/// open. Built from a `Comparison` (never from a fresh analysis), as ids and line numbers only:
/// printers choose the words and the language.
public struct Playbook: Sendable {
    /// A shared function (for one scope, or all) and the side that leads it (nil: they share it
    /// and nobody owns it).
    public struct Collaboration: Sendable, Equatable {
        public var key: ClaimKey
        public var lead: Int?
    }

    /// A contested function both sides could split by market, each executing in its own: each
    /// side's texts place it in one market, not the other's (it knows that market, or owns work
    /// limited to it).
    public struct SplitProposal: Sendable, Equatable {
        public var function: String
        /// Per side (in `sides` order), the scope it would take.
        public var scopes: [String]
    }

    /// A function (or a line) that goes to leadership, and why.
    public struct Escalation: Sendable, Equatable {
        public enum Subject: Sendable, Equatable {
            case function(ClaimKey)
            /// A marked line that states no stance on any function, quoted as written.
            case line(side: Int, line: Int, text: String)
        }

        public enum Reason: Sendable, Equatable {
            /// Both sides own it.
            case contested
            /// Someone helps or wants to share; nobody owns it.
            case unclear
            /// A side asked for it, on this line (see `EscalationMarker`).
            case marked(side: Int, line: Int)
        }

        public var subject: Subject
        public var reasons: [Reason]
    }

    /// A question for the side that wrote an ambiguous line.
    public struct Question: Sendable, Equatable {
        /// What to ask, from the line's most pressing ambiguity.
        public enum Ask: Sendable, Equatable {
            /// "Who will do it, you or us?": the wording names no owner (vague-owner).
            case whoDoesIt
            /// "Who owns it, and when does the condition apply?": a hedge.
            case whoOwnsItAndWhen
            /// "Which function do you mean?": one phrase names several (multi-function).
            case whichFunction
            /// "What does it cover?": it reads like a capability but names no function (unmapped).
            case whatItCovers
            /// "Could you retype it?": a word mixes Latin and Cyrillic letters (mixed-script).
            case retype
            /// "Which is it?": another line of the same document says the opposite (conflict).
            case whichIsIt
        }

        /// The side that wrote the line, to whom the question goes.
        public var side: Int
        public var line: Int
        public var text: String
        public var kinds: [AmbiguityKind]
        /// The functions that side's claims on this line name, in glossary order.
        public var functions: [String]
        public var ask: Ask
        /// For a conflict: the lines that say the opposite.
        public var contradictions: [Contradiction] = []
    }

    public var sides: [String]
    /// Per side: the document's path and language (quotes keep their language).
    public var paths: [String]
    public var languages: [Language]
    /// Per side: its pages or slides, where its lines are counted per page or slide.
    public var pages: [PageMap?]
    /// Per side, the functions (per scope) it owns and the other does not contest (`covered` rows).
    public var owned: [[ClaimKey]]
    /// Functions split by market, each side owning its own part.
    public var splits: [Comparison.Split]
    public var collaborations: [Collaboration]
    /// Both sides own these: decide who does before launch.
    public var contested: [Comparison.Row]
    /// Contested functions the sides' texts allow to split by market.
    public var splitProposals: [SplitProposal]
    /// Nobody owns these: close them before launch.
    public var gaps: [Comparison.Row]
    public var escalations: [Escalation]
    public var questions: [Question]

    public init(_ comparison: Comparison) {
        sides = comparison.sides.map(\.name)
        paths = comparison.sides.map(\.analysis.path)
        languages = comparison.sides.map(\.analysis.language)
        pages = comparison.sides.map(\.analysis.pages)
        let rows = comparison.rows
        owned = comparison.sides.indices.map { side in
            rows.filter { $0.verdict == .covered && $0.stances[side] == .owns }.map(\.key)
        }
        splits = comparison.splits
        collaborations = rows.filter { $0.verdict == .shared }.map { Collaboration(key: $0.key, lead: $0.lead) }
        contested = rows.filter { $0.verdict == .contested }
        splitProposals = Self.splitProposals(comparison)
        gaps = rows.filter { $0.verdict == .gap }
        escalations = Self.escalations(comparison)
        questions = Self.questions(comparison)
    }

    /// Contested and unclear functions, functions a side marked for escalation, then marked
    /// lines that name no function: in row order, one entry per function with all its reasons.
    static func escalations(_ comparison: Comparison) -> [Escalation] {
        var result: [Escalation] = []
        for row in comparison.rows {
            var reasons: [Escalation.Reason] = []
            if row.verdict == .contested { reasons.append(.contested) }
            if row.verdict == .unclear { reasons.append(.unclear) }
            for (index, side) in comparison.sides.enumerated() {
                // Every claim about the function counts, not only the deciding ones: "we
                // support X, escalate if unsure" asks for escalation whatever else is said.
                let lines = Set(side.analysis.claims.filter { $0.key == row.key && EscalationMarker.matches($0.text) }.map(\.line))
                reasons += lines.sorted().map { .marked(side: index, line: $0) }
            }
            if !reasons.isEmpty { result.append(Escalation(subject: .function(row.key), reasons: reasons)) }
        }
        for (index, side) in comparison.sides.enumerated() {
            let claimed = Set(side.analysis.claims.map(\.line))
            for ambiguity in side.analysis.ambiguities where !claimed.contains(ambiguity.line) && EscalationMarker.matches(ambiguity.text) {
                result.append(Escalation(subject: .line(side: index, line: ambiguity.line, text: ambiguity.text),
                                         reasons: [.marked(side: index, line: ambiguity.line)]))
            }
        }
        return result
    }

    /// For each contested function: a split by market, where each side's texts place it in one
    /// market and the other side's in another.
    static func splitProposals(_ comparison: Comparison) -> [SplitProposal] {
        let homes = comparison.sides.map { side -> Set<String> in
            Set(side.analysis.claims.filter { $0.stance == .owns }.compactMap { claim in
                claim.scope ?? comparison.marketOf(claim.function)
            })
        }
        guard homes.count == 2, homes[0].count == 1, homes[1].count == 1, homes[0] != homes[1] else { return [] }
        var seen = Set<String>()
        return comparison.rows.filter { $0.verdict == .contested && seen.insert($0.function).inserted }
            .map { SplitProposal(function: $0.function, scopes: [homes[0].first!, homes[1].first!]) }
    }

    /// One question per ambiguous line, for the side that wrote it, in side then line order.
    static func questions(_ comparison: Comparison) -> [Question] {
        let order = Dictionary(comparison.rows.enumerated().map { ($1.function, $0) }, uniquingKeysWith: { first, _ in first })
        return comparison.sides.enumerated().flatMap { index, side in
            side.analysis.ambiguities.map { ambiguity in
                let named = Set(side.analysis.claims.filter { $0.line == ambiguity.line }.map(\.function) + ambiguity.functions)
                let functions = named.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
                return Question(side: index, line: ambiguity.line, text: ambiguity.text, kinds: ambiguity.kinds,
                                functions: functions, ask: ask(for: ambiguity.kinds), contradictions: ambiguity.contradictions)
            }
        }
    }

    /// The ambiguity that leaves ownership most open decides the question: two lines saying
    /// opposite things, then no owner at all, then a condition, then an unclear function, then an unknown one, then spelling.
    static func ask(for kinds: [AmbiguityKind]) -> Question.Ask {
        if kinds.contains(.conflict) { return .whichIsIt }
        if kinds.contains(.vagueOwner) { return .whoDoesIt }
        if kinds.contains(.hedge) { return .whoOwnsItAndWhen }
        if kinds.contains(.multiFunction) { return .whichFunction }
        if kinds.contains(.unmapped) { return .whatItCovers }
        return .retype
    }
}

/// How a side marks something for escalation to leadership: a word starting "escalat"
/// (escalate, escalates, escalation) or «эскалац» / «эскалир» (эскалация, эскалировать) in
/// the line. On a line that states a stance on a function ("Creative direction: we lead;
/// escalate disagreements to leadership"), it marks that function; on any other flagged line,
/// the line itself.
public enum EscalationMarker {
    static let stems = ["escalat", "эскалац", "эскалир"]

    public static func matches(_ text: String) -> Bool {
        text.lowercased().split { !$0.isLetter }.contains { word in stems.contains { word.hasPrefix($0) } }
    }
}
