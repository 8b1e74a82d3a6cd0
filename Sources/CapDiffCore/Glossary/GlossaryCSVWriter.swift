import Foundation

/// Writes a glossary's functions and phrases as CSV the way memoQ and spreadsheets exchange
/// termbases: a header row with language codes, one row per function (or "a+b" set) and match
/// kind, the alternatives in one cell separated by "; ". capdiff's own columns (function,
/// match, group, required, "label en", "label ru") carry what `glossary import` needs back.
public enum GlossaryCSVWriter {
    public static let header = ["function", "match", "en", "ru", "group", "required", "label en", "label ru"]
    static let separator = "; "

    public static func csv(_ glossary: Glossary) throws(Diagnostic) -> String {
        // Import splits cells on ";" and "|": a phrase holding one could not come back whole.
        if let bad = glossary.phrases.first(where: { $0.phrase.contains(";") || $0.phrase.contains("|") }) {
            throw .error(bad.source.file, line: bad.source.line,
                         "phrase \"\(bad.phrase)\" holds \";\" or \"|\", which separate alternatives in a CSV cell; export as TBX instead")
        }
        var rows = [header]
        for concept in GlossaryConcept.concepts(of: glossary) {
            var facts = concept.facts
            for exact in [false, true] {
                let phrases = concept.phrases.filter { $0.exact == exact }
                guard !phrases.isEmpty || (!exact && concept.phrases.isEmpty) else { continue }
                func cell(_ language: String) -> String {
                    phrases.filter { $0.language == language }.map(\.phrase.collapsingWhitespace).joined(separator: separator)
                }
                rows.append([concept.subject, exact ? "exact" : "", cell("en"), cell("ru")] + columns(facts))
                facts = []
            }
        }
        return rows.map { $0.map(quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// group, required, "label en", "label ru" from a function's facts (empty on rows without them).
    static func columns(_ facts: [FunctionFact]) -> [String] {
        var group = "", required = "", en = "", ru = ""
        for fact in facts {
            switch fact {
            case .group(_, let g): group = g.rawValue
            case .required: required = "yes"
            case .label(_, "en", let label): en = label
            case .label(_, "ru", let label): ru = label
            case .label: break
            }
        }
        return [group, required, en, ru]
    }

    /// A field in double quotes when it holds a comma, a quote, a line break or edge spaces.
    static func quote(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }
            || field.first == " " || field.last == " "
        return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
