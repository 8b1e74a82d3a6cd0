/// Where a translated agreement no longer says what its source says: the result of
/// `capdiff drift`, one entry per drifting clause. The renderers only read it.
public struct DriftReport: Sendable {
    public struct Document: Sendable {
        public var path: String
        public var language: Language
    }

    public var source: Document
    public var translation: Document
    /// The drifting clauses, in source order (an added clause where the translation has it).
    public var clauses: [ClauseDrift]
    /// How many clauses each side has, and how many pairs the alignment found.
    public var sourceClauses: Int
    public var translationClauses: Int
    public var alignedPairs: Int
    /// Problems reading the documents that did not stop the check.
    public var warnings: [Diagnostic]

    /// Every drift, flattened in clause order.
    public var items: [DriftItem] { clauses.flatMap(\.items) }
    public var hasDrift: Bool { !clauses.isEmpty }
}

/// The contract's drift kinds (../shared/CONTRACT.md), in the order reports list them.
public enum DriftKind: String, Sendable, CaseIterable, Comparable {
    case omission, addition, party, stance, modality, negation, number, date, function, name

    public static func < (a: DriftKind, b: DriftKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One clause (or an aligned group of clauses) that drifted, with both sides' text.
public struct ClauseDrift: Sendable {
    /// The clause as the report names it: the source's number as written ("3.2", "2(a)(1)"),
    /// or the 1-based index of the source paragraph; for an addition, the translation's.
    public var clause: String
    public var source: ClauseText?
    public var translation: ClauseText?
    public var items: [DriftItem]
}

/// A clause's text as written (without its number) and the line it starts on.
public struct ClauseText: Sendable, Equatable {
    public var text: String
    public var line: Int
}

/// One difference between a clause and its translation.
public struct DriftItem: Sendable, Equatable {
    public var clause: String
    public var kind: DriftKind
    /// The differing words or values as written on each side ("30 days", «60 дней»); empty
    /// when a side has none (a value only the translation states).
    public var source: String
    public var translation: String
    public var sourceLine: Int?
    public var translationLine: Int?
    /// One line saying what changed.
    public var reason: String
}
