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

    public init() {}

    /// The chrome words, for the HTML reader.
    public var chromeWords: Set<String> { Set(chrome.map { $0.word.lowercased() }) }

    public func function(_ id: String) -> FunctionInfo? {
        functions.first { $0.id == id }
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
    public var source: GlossarySource

    public func label(_ language: String) -> String {
        labels[language] ?? labels["en"] ?? id
    }
}

/// A phrase that names a function ("big idea", «креативная концепция»).
public struct PhraseEntry: Sendable, Equatable {
    /// Usually one id; a phrase the glossary deliberately maps to several functions lists them
    /// all (written "a+b" in the file) and is flagged `multi-function` wherever it matches.
    public var functions: [String]
    public var language: String
    public var phrase: String
    /// Match the words as written rather than by stem (English "localization" stems to
    /// "local", which would also match "a local team").
    public var exact: Bool = false
    public var source: GlossarySource
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
