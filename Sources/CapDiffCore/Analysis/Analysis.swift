/// What one document says: its claims (function, stance, line) and its ambiguous lines.
public struct Analysis: Sendable {
    public var path: String
    public var language: Language
    public var claims: [Claim]
    public var ambiguities: [Ambiguity]
    public var warnings: [Diagnostic]
    /// A PDF's pages or a presentation's slides, where lines are counted per page or slide.
    public var pages: PageMap? = nil

    public init(path: String, language: Language, claims: [Claim], ambiguities: [Ambiguity], warnings: [Diagnostic] = []) {
        self.path = path
        self.language = language
        self.claims = claims
        self.ambiguities = ambiguities
        self.warnings = warnings
    }

    /// Each function's stance for the whole document: where the document states several,
    /// the contract's precedence (excludes > owns > shares > needs > supports) picks one.
    public var stances: [String: Stance] {
        var result: [String: Stance] = [:]
        for claim in claims {
            if let current = result[claim.function], current >= claim.stance { continue }
            result[claim.function] = claim.stance
        }
        return result
    }

    /// The claims that decided a function's document-level stance.
    public func evidence(for function: String) -> [Claim] {
        // The function's stance alone, not `stances` for all of them: Comparison asks per row.
        let mine = claims.filter { $0.function == function }
        guard let stance = mine.map(\.stance).max() else { return [] }
        return mine.filter { $0.stance == stance }
    }
}

/// One side's stance on one function, stated on one line.
public struct Claim: Sendable, Equatable {
    /// What the stance was read from.
    public enum Basis: Sendable, Equatable {
        /// A stance cue in the line ("we own", «берём на себя»), or a negation.
        case cue(String)
        /// The heading or label the line sits under.
        case heading(String)
        /// "We" (or «мы», or a first-person verb) doing something, with no other cue.
        case firstPerson(String)
        /// A table's columns.
        case table(String)
    }

    public var function: String
    public var stance: Stance
    public var line: Int
    /// The unit's text (a list item, a sentence, a table row).
    public var text: String
    /// The words that named the function, as written.
    public var phrase: String
    public var basis: Basis
    /// The language of the line the claim was read from.
    public var language: Language? = nil
    /// The line's page or slide and line there, in a document that has them (`place`).
    public var location: Location? = nil
}

/// A line whose wording leaves ownership open.
public struct Ambiguity: Sendable, Equatable {
    public var line: Int
    public var kinds: [AmbiguityKind]
    public var text: String
    /// One short reason per kind, such as `hedge "where possible"`.
    public var reasons: [String]
    /// The line's page or slide and line there, in a document that has them (`place`).
    public var location: Location? = nil
}
