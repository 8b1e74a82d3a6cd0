/// A glossary: the functions capdiff knows, the phrases that name them in each language, the
/// cues that signal a stance, the hedges that leave ownership open, and the stop words that
/// phrase matching skips. Read from tab-separated files (see glossary/README.md), layered:
/// a later layer's entry for the same phrase replaces an earlier layer's.
public struct Glossary: Sendable {
    public var functions: [FunctionInfo] = []
    public var phrases: [PhraseEntry] = []
    public var cues: [CueEntry] = []
    public var hedges: [HedgeEntry] = []
    public var stopwords: [StopwordEntry] = []
    public var synonyms: [SynonymEntry] = []
    /// Words in a web page element's class or id that mark it as chrome (chrome.tsv).
    public var chrome: [ChromeEntry] = []
    /// Markets (or other parts of the work) a claim can be limited to: `us`, `ru`.
    public var scopes: [ScopeInfo] = []
    /// The words that name them ("US", «российский»), and the wordings in which such a word
    /// names something else ("into Russian" is a language, "the US side" a party).
    public var scopePhrases: [ScopeEntry] = []

    public init() {}

    /// The chrome words, for the HTML reader.
    public var chromeWords: Set<String> { Set(chrome.map { $0.word.lowercased() }) }

    public func function(_ id: String) -> FunctionInfo? {
        functions.first { $0.id == id }
    }

    public func scope(_ id: String) -> ScopeInfo? {
        scopes.first { $0.id == id }
    }

    /// The label of a function, or of a function limited to a scope ("Outreach and casting —
    /// US", «Поиск и привлечение блогеров — США»).
    public func label(function id: String, scope: String?, language: String) -> String {
        let base = function(id)?.label(language) ?? id
        guard let scope else { return base }
        return base + " — " + (self.scope(scope)?.label(language) ?? scope)
    }
}

/// Where a glossary entry was read from, so errors, `lint` and `explain` can point at it.
public struct GlossarySource: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var description: String { "\(file):\(line)" }
}

/// One capability, such as `creative-direction`.
public struct FunctionInfo: Sendable, Equatable {
    public enum Group: String, Sendable, Codable { case strategic, execution }

    public var id: String
    public var group: Group
    /// Labels by language code ("en", "ru").
    public var labels: [String: String]
    /// `compare` shows a row for it even when neither side mentions it.
    public var required: Bool
    /// For a market-knowledge function (`us-market`): the scope whose market it knows. Such a
    /// function is never scoped itself, and its phrase hanging off another function's phrase
    /// ("casting Russian creators") scopes that claim rather than claiming market knowledge.
    public var market: String? = nil
    public var source: GlossarySource

    public func label(_ language: String) -> String {
        labels[language] ?? labels["en"] ?? id
    }
}

/// A scope a claim can be limited to: a market such as `us` or `ru`, with its labels.
public struct ScopeInfo: Sendable, Equatable {
    public var id: String
    /// Labels by language code ("en": "US", "ru": "США").
    public var labels: [String: String]
    public var source: GlossarySource

    public func label(_ language: String) -> String {
        labels[language] ?? labels["en"] ?? id
    }
}

/// A wording that names a scope ("U.S.", "stateside", «по РФ»), or, with the scope
/// `not-scope`, a wording in which a scope word names something else: a language ("into
/// Russian", «на русском»), a party ("the US side", «американская сторона»).
public struct ScopeEntry: Sendable, Equatable {
    /// How the words are compared with the text.
    public enum Match: String, Sendable, Equatable {
        /// By stem, case aside (the default).
        case stem
        /// As written after normalisation, case aside.
        case exact
        /// As written, capitals included: "US" is the country, "us" the pronoun.
        case cased = "case"
    }

    /// The id read for a wording that names no scope.
    public static let notScope = "not-scope"

    public var scope: String
    public var language: String
    public var phrase: String
    public var match: Match = .stem
    public var source: GlossarySource
}

/// A phrase that names a function ("big idea", «креативная концепция»).
public struct PhraseEntry: Sendable, Equatable {
    /// Usually one id; a phrase the glossary deliberately maps to several functions lists them
    /// all: "a+b" in the file when it names all of them at once ("account and project
    /// management"), "a|b" when it could mean any one of them (`eitherOf`).
    public var functions: [String]
    /// The phrase could mean any one of its functions ("influencer marketing", «продвижение»):
    /// wherever it matches, the line is flagged `multi-function` and claims none of them.
    public var eitherOf: Bool = false
    public var language: String
    public var phrase: String
    /// Match the words as written rather than by stem (English "localization" stems to
    /// "local", which would also match "a local team").
    public var exact: Bool = false
    public var source: GlossarySource

    /// The function column as written: "a", "a+b" or "a|b".
    public var functionField: String { functions.joined(separator: eitherOf ? "|" : "+") }
}

/// What a cue phrase does.
public enum CueRole: String, Sendable, CaseIterable {
    /// Signals `stance` anywhere.
    case cue
    /// Signals `stance` only in a heading or a "Label:" line ("Our side:").
    case heading
    /// In a heading that states nothing else, a hint of its stance: "our" (owns) in "Our
    /// lane", "your" (needs) in «Ваша часть», "shared" in "Shared lane".
    case headingHint = "heading-hint"
    /// A negation word ("not", «не»): the statement becomes `excludes`.
    case negator
    /// A phrase in which a negation word does not negate ("no later than", «не позднее»).
    case notNegation = "not-negation"
    /// A phrase in which a stance word states no stance ("put together": assembled, not
    /// shared). As the longer match, it hides the cue inside it.
    case notCue = "not-cue"
    /// The writer as subject ("we", "our team", «мы»): "we design X" claims X.
    case we
    /// The partner as subject ("you", «вы»).
    case you
    /// A verb that follows "we" without claiming work ("we see", "we hope", «видим»).
    case nonAction = "non-action"
    /// A word skipped between a subject and its verb ("will", "also", «также»).
    case modal
    /// Names who does the work in a passive wording ("by us", «нами», "by you").
    case agent
    /// A word that makes a statement binding ("shall", "must", «обязуется», «должен»).
    case obligation
    /// A word that makes a statement optional ("may", "can", «вправе», «может»).
    case permission
}

/// A stance cue, or another word the stance reading needs (see `CueRole`).
public struct CueEntry: Sendable, Equatable {
    public var role: CueRole
    /// Set for `cue` and `heading` roles.
    public var stance: Stance?
    public var language: String
    public var phrase: String
    /// Match the words as written (after normalisation) rather than by stem: Russian verb
    /// stems lose the person, so «отвечаем» (we) and «отвечаете» (you) share one.
    public var exact: Bool
    public var source: GlossarySource
}

/// A phrase that leaves ownership open: a hedge ("where possible", «по возможности») or an
/// ownerless wording ("to be agreed", «по согласованию сторон» is a hedge, "TBD" vague-owner).
public struct HedgeEntry: Sendable, Equatable {
    public var kind: AmbiguityKind
    public var language: String
    public var phrase: String
    /// Match the words as written rather than by stem («обсуждается», not «обсуждать»).
    public var exact: Bool = false
    public var source: GlossarySource
}

/// A word phrase matching skips ("the", «для»), so "relationship with the client" matches
/// "relationship with client".
public struct StopwordEntry: Sendable, Equatable {
    public var language: String
    public var word: String
    public var source: GlossarySource
}

/// A word phrase matching reads as another ("автор" as «блогер», "influencer" as "creator"),
/// so a phrase written with one word of a family matches the others: «отбор авторов» matches
/// the phrase «отбор блогеров» without being listed.
public struct SynonymEntry: Sendable, Equatable {
    public var language: String
    public var word: String
    public var means: String
    public var source: GlossarySource
}

/// A word that, in a web page element's class or id ("cookie-banner", "siteFooter"), marks the
/// element as the site's chrome rather than the page's content: the HTML reader drops it.
public struct ChromeEntry: Sendable, Equatable {
    /// What such elements are (navigation, consent, footer…): for the file's reader.
    public var chrome: String
    /// One word, letters only; matched whole against the words of a class or id, case aside.
    public var word: String
    public var source: GlossarySource
}
