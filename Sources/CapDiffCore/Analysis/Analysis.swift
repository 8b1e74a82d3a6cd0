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

    /// Each function's stance for the whole document, per scope: where the document states
    /// several, the contract's precedence (excludes > owns > shares > needs > supports) picks one.
    public var stances: [ClaimKey: Stance] {
        var result: [ClaimKey: Stance] = [:]
        for claim in claims {
            if let current = result[claim.key], current >= claim.stance { continue }
            result[claim.key] = claim.stance
        }
        return result
    }

    /// The document contradicts itself on this function and scope (a `conflict` flag names it).
    public func contradicts(_ key: ClaimKey) -> Bool {
        ambiguities.contains { $0.contradictions.contains { $0.key == key } }
    }

    /// The claims that decided a function's document-level stance for one scope (nil: unscoped).
    public func evidence(for key: ClaimKey) -> [Claim] {
        // The key's stance alone, not `stances` for all of them: Comparison asks per row.
        let mine = claims.filter { $0.key == key }
        guard let stance = mine.map(\.stance).max() else { return [] }
        return mine.filter { $0.stance == stance }
    }
}

/// What a stance is about: a function, for every market or for one scope ("outreach@ru").
/// Written as the contract's label keys are: "FUNCTION" or "FUNCTION@SCOPE".
public struct ClaimKey: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var function: String
    /// The scope the claim is limited to; nil when it holds for every market.
    public var scope: String?

    public init(function: String, scope: String? = nil) {
        self.function = function
        self.scope = scope
    }

    /// "outreach" or "outreach@ru".
    public init(_ text: String) {
        let parts = text.split(separator: "@", maxSplits: 1)
        function = parts.first.map(String.init) ?? ""
        scope = parts.count > 1 ? String(parts[1]) : nil
    }

    public init(stringLiteral text: String) { self.init(text) }

    public var description: String { scope.map { "\(function)@\($0)" } ?? function }

    /// Unscoped before scoped, then by scope id.
    public static func < (a: ClaimKey, b: ClaimKey) -> Bool {
        (a.function, a.scope ?? "") < (b.function, b.scope ?? "")
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
    /// The market the claim is limited to ("we cast Russian creators": `ru`); nil for all.
    public var scope: String? = nil

    public var key: ClaimKey { ClaimKey(function: function, scope: scope) }
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
    /// For a `conflict`: the other lines of the document that say the opposite, per key.
    public var contradictions: [Contradiction] = []
    /// Functions the flagged wording names without a claim (a multi-function phrase's
    /// candidates, an ownerless phrase's function), for questions that name them.
    public var functions: [String] = []

    public init(line: Int, kinds: [AmbiguityKind], text: String, reasons: [String], contradictions: [Contradiction] = [],
                functions: [String] = []) {
        self.line = line
        self.kinds = kinds
        self.text = text
        self.reasons = reasons
        self.contradictions = contradictions
        self.functions = functions
    }
}

/// One line of a document saying the opposite of another about the same function and scope:
/// that it does it (owns, shares) where the other says it does not (excludes, needs).
public struct Contradiction: Sendable, Equatable {
    public var key: ClaimKey
    /// The other line, and what it says.
    public var line: Int
    public var text: String
    public var stance: Stance
}
