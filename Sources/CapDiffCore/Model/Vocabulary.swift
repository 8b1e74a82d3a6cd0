/// The contract's vocabulary (../shared/CONTRACT.md): stances, verdicts, ambiguity kinds.

/// What one side says about one function.
public enum Stance: String, Codable, CaseIterable, Sendable, Comparable {
    case owns, shares, supports, needs, excludes

    /// The contract's precedence when one side states several stances for a function:
    /// excludes > owns > shares > needs > supports.
    public var precedence: Int {
        switch self {
        case .excludes: 5
        case .owns: 4
        case .shares: 3
        case .needs: 2
        case .supports: 1
        }
    }

    public static func < (a: Stance, b: Stance) -> Bool { a.precedence < b.precedence }
}

/// The verdict for one function, from the two sides' stances.
public enum Verdict: String, Codable, CaseIterable, Sendable {
    case contested, shared, covered, unclear, gap

    /// Verdicts that make `compare` exit 1.
    public var isDifference: Bool { self == .contested || self == .unclear || self == .gap }
}

/// Why a line leaves ownership open.
public enum AmbiguityKind: String, Codable, CaseIterable, Sendable, Comparable {
    case hedge
    case vagueOwner = "vague-owner"
    case multiFunction = "multi-function"
    case unmapped
    case mixedScript = "mixed-script"
    /// The document says on one line that it does a function and on another that it does not.
    case conflict

    public static func < (a: AmbiguityKind, b: AmbiguityKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A document's (or a line's) language.
public enum Language: String, Codable, Sendable, CaseIterable {
    case en, ru, mixed
}
