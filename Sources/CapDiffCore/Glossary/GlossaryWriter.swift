/// Writes a glossary in capdiff's own format: tab-separated tables, each under its header row
/// (see glossary/README.md). `glossary import` writes functions and phrases with it, `glossary
/// export --format tsv` every table.
public enum GlossaryWriter {
    /// A file name and its text, for writing a glossary folder.
    public struct File: Sendable, Equatable {
        public var name: String
        public var text: String
    }

    /// One file per table that has entries: functions.tsv, phrases.tsv, cues.tsv, hedges.tsv,
    /// stopwords.tsv, synonyms.tsv, scopes.tsv, chrome.tsv.
    public static func files(_ glossary: Glossary) -> [File] {
        var files: [File] = []
        if !glossary.functions.isEmpty { files.append(File(name: "functions.tsv", text: functions(glossary.functions))) }
        if !glossary.phrases.isEmpty { files.append(File(name: "phrases.tsv", text: phrases(glossary.phrases))) }
        if !glossary.cues.isEmpty { files.append(File(name: "cues.tsv", text: cues(glossary.cues))) }
        if !glossary.hedges.isEmpty { files.append(File(name: "hedges.tsv", text: hedges(glossary.hedges))) }
        if !glossary.stopwords.isEmpty { files.append(File(name: "stopwords.tsv", text: stopwords(glossary.stopwords))) }
        if !glossary.synonyms.isEmpty { files.append(File(name: "synonyms.tsv", text: synonyms(glossary.synonyms))) }
        if !glossary.scopes.isEmpty || !glossary.scopePhrases.isEmpty {
            files.append(File(name: "scopes.tsv", text: scopes(glossary.scopes) + "\n" + scopePhrases(glossary.scopePhrases)))
        }
        if !glossary.chrome.isEmpty { files.append(File(name: "chrome.tsv", text: chrome(glossary.chrome))) }
        return files
    }

    /// All tables in one text, a blank line between them: a later header row starts the next
    /// table, so `--glossary` reads it as one file.
    public static func tsv(_ glossary: Glossary) -> String {
        files(glossary).map(\.text).joined(separator: "\n")
    }

    public static func functions(_ functions: [FunctionInfo]) -> String {
        table("# Functions: id, group (strategic or execution), English and Russian labels, required (yes: always a row in compare), market (the scope a market-knowledge function knows).",
              header: ["id", "group", "en", "ru", "required", "market"],
              rows: functions.map { [$0.id, $0.group.rawValue, $0.labels["en"] ?? "", $0.labels["ru"] ?? "", $0.required ? "yes" : "", $0.market ?? ""] })
    }

    public static func scopes(_ scopes: [ScopeInfo]) -> String {
        table("# Scopes (markets) a claim can be limited to, with their labels.", header: ["scope", "en", "ru"],
              rows: scopes.map { [$0.id, $0.labels["en"] ?? "", $0.labels["ru"] ?? ""] })
    }

    public static func scopePhrases(_ phrases: [ScopeEntry]) -> String {
        table("# Words naming a scope (not-scope: a language or a party); match: stem (empty), exact or case.",
              header: ["scope", "lang", "phrase", "match"],
              rows: phrases.map { [$0.scope, $0.language, $0.phrase, $0.match == .stem ? "" : $0.match.rawValue] })
    }

    public static func phrases(_ phrases: [PhraseEntry]) -> String {
        table("# Phrases naming functions (\"a+b\": all at once; \"a|b\": any one, flagged multi-function); match: stem (empty) or exact.",
              header: ["function", "lang", "phrase", "match"],
              rows: phrases.map { [$0.functionField, $0.language, $0.phrase, $0.exact ? "exact" : ""] })
    }

    public static func cues(_ cues: [CueEntry]) -> String {
        table("# Stance cues and the other words stance reading needs.",
              header: ["role", "stance", "lang", "phrase", "match"],
              rows: cues.map { [$0.role.rawValue, $0.stance?.rawValue ?? "", $0.language, $0.phrase, $0.exact ? "exact" : ""] })
    }

    public static func hedges(_ hedges: [HedgeEntry]) -> String {
        table("# Wordings that leave ownership open; match: stem (empty) or exact.", header: ["kind", "lang", "phrase", "match"],
              rows: hedges.map { [$0.kind.rawValue, $0.language, $0.phrase, $0.exact ? "exact" : ""] })
    }

    public static func stopwords(_ stopwords: [StopwordEntry]) -> String {
        table("# Words phrase matching skips.", header: ["lang", "word"], rows: stopwords.map { [$0.language, $0.word] })
    }

    public static func chrome(_ chrome: [ChromeEntry]) -> String {
        table("# Class and id words that mark a web page's chrome (navigation, banners, footers).", header: ["chrome", "word"],
              rows: chrome.map { [$0.chrome, $0.word] })
    }

    public static func synonyms(_ synonyms: [SynonymEntry]) -> String {
        table("# Words phrase matching reads as another.", header: ["lang", "word", "means"],
              rows: synonyms.map { [$0.language, $0.word, $0.means] })
    }

    /// A comment, the header and the rows; empty trailing columns are left off and every
    /// field is kept to one line without tabs, as the reader expects.
    static func table(_ comment: String, header: [String], rows: [[String]]) -> String {
        var text = comment + "\n" + header.joined(separator: "\t") + "\n"
        for row in rows {
            var fields = row.map(\.collapsingWhitespace)
            while fields.last?.isEmpty == true { fields.removeLast() }
            text += fields.joined(separator: "\t") + "\n"
        }
        return text
    }
}
