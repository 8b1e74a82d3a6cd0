/// How `glossary import` reads a termbase.
public struct GlossaryImportOptions: Sendable {
    /// The entry-level data category (TBX) or column (CSV) holding each entry's function;
    /// nil: TBX's subjectField, or a CSV column named subject, subject field, function or domain.
    public var functionFrom: String?
    /// One function for every entry, instead of reading it from the file.
    public var function: String?
    /// What separates alternatives in one CSV cell; nil: ";" and "|".
    public var separator: String?
    /// Functions the loaded glossary already defines: the import's phrases may name them, and
    /// it does not define them again (which would replace their labels and group).
    public var knownFunctions: Set<String>

    public init(functionFrom: String? = nil, function: String? = nil, separator: String? = nil, knownFunctions: Set<String> = []) {
        self.functionFrom = functionFrom
        self.function = function
        self.separator = separator
        self.knownFunctions = knownFunctions
    }
}

/// A termbase read into capdiff's glossary (its entries' subjects become functions, their
/// English and Russian terms phrases), with an account of what was left out and why.
public struct GlossaryImport: Sendable {
    /// The functions the import defines and the phrases naming them, grouped by function,
    /// then language, then match, in the file's order: the same glossary read from TBX, from
    /// CSV or from `glossary export`'s output comes out the same.
    public var glossary: Glossary
    public var path: String
    public var entries = 0
    /// Deprecated, superseded, forbidden or obsolete terms: never matched.
    public var forbidden = 0
    /// Terms in languages other than English and Russian, by language.
    public var otherLanguages: [String: Int] = [:]
    /// Entries that hold terms but name no function.
    public var withoutFunction = 0
    /// Terms listed twice for the same function, language and match.
    public var duplicates = 0
    public var emptyTerms = 0
    /// The data category or column functions were read from, for messages.
    var functionSource: String

    /// One line: what was imported, then what was left out.
    public var summary: String {
        let functions = Set(glossary.phrases.flatMap(\.functions)).union(glossary.functions.map(\.id)).count
        let line = "imported \(Self.count(glossary.phrases.count, "phrase")) for \(Self.count(functions, "function")) from \(Self.count(entries, "entry"))"
        return leftOut.isEmpty ? line : line + "; left out " + leftOut.joined(separator: ", ")
    }

    /// What was not imported, and why.
    public var leftOut: [String] {
        var left: [String] = []
        if forbidden > 0 { left.append("\(Self.count(forbidden, "forbidden or obsolete term"))") }
        if !otherLanguages.isEmpty {
            let byLanguage = otherLanguages.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            left.append("\(Self.count(otherLanguages.values.reduce(0, +), "term")) in other languages (\(byLanguage))")
        }
        if withoutFunction > 0 {
            left.append("\(Self.count(withoutFunction, "entry")) without a \(functionSource) (name another with --function-from, or give --function)")
        }
        if duplicates > 0 { left.append(Self.count(duplicates, "duplicate")) }
        if emptyTerms > 0 { left.append(Self.count(emptyTerms, "empty term")) }
        return left
    }

    static func count(_ n: Int, _ noun: String) -> String {
        n == 1 ? "1 \(noun)" : noun.hasSuffix("y") ? "\(n) \(noun.dropLast())ies" : "\(n) \(noun)s"
    }
}

public enum GlossaryImporter {
    /// Reads a TBX file (by its content: XML) or a CSV/TSV file into a glossary.
    public static func read(path: String, options: GlossaryImportOptions = .init()) throws(Diagnostic) -> GlossaryImport {
        let bytes = try SourceFile.readBytes(path)
        return try read(bytes: bytes, path: path, options: options)
    }

    public static func read(bytes: [UInt8], path: String, options: GlossaryImportOptions = .init()) throws(Diagnostic) -> GlossaryImport {
        if let id = options.function, !FunctionID.isValid(id) {
            throw .error(nil, "--function \"\(id)\" may hold only letters, digits, \"-\" and \"_\"")
        }
        let termbase: Termbase
        let functionSource: String
        if looksLikeXML(bytes) {
            functionSource = options.functionFrom ?? "subjectField"
            termbase = try TBXReader.read(bytes, path: path, functionFrom: functionSource)
        } else {
            functionSource = options.functionFrom.map { "\"\($0)\" column" } ?? "subject column"
            let source = try SourceFile.decode(bytes, path: path)
            if let warning = source.warnings.first {
                throw .error(path, line: warning.line, "is not valid UTF-8; save it as UTF-8 (or UTF-16 with a byte-order mark)")
            }
            termbase = try CSVGlossaryReader(separator: options.separator, functionFrom: options.functionFrom).read(source.text, path: path)
        }
        let result = convert(termbase, options: options, functionSource: functionSource)
        guard !result.glossary.phrases.isEmpty || !result.glossary.functions.isEmpty else {
            let why = result.leftOut.isEmpty ? "it holds no entries with English or Russian terms" : "left out " + result.leftOut.joined(separator: ", ")
            throw .error(path, "nothing to import: \(why)")
        }
        return result
    }

    /// XML starts with "<" after any byte-order mark and white space (UTF-8 or UTF-16).
    static func looksLikeXML(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(1024).first { ![0xEF, 0xBB, 0xBF, 0xFE, 0xFF, 0x00, 0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "<")
    }

    // MARK: Termbase → glossary

    struct Collected {
        var functions: [String]
        var eitherOf = false
        var language: String
        var phrase: String
        var exact: Bool
        var preferred: Bool
        var line: Int
    }

    static func convert(_ termbase: Termbase, options: GlossaryImportOptions, functionSource: String) -> GlossaryImport {
        var result = GlossaryImport(glossary: Glossary(), path: termbase.path, functionSource: functionSource)
        var collected: [Collected] = []
        var seen = Set<String>()
        var facts: [String: [FunctionFact]] = [:]
        var named: [String] = []
        for entry in termbase.entries {
            result.entries += 1
            let ids = options.function.map { [$0] } ?? FunctionID.all(in: entry.subjects)
            guard !ids.isEmpty else {
                if !entry.terms.isEmpty { result.withoutFunction += 1 }
                continue
            }
            for fact in entry.facts where ids.contains(fact.function) { facts[fact.function, default: []].append(fact) }
            if !entry.facts.isEmpty { named += ids.filter { !named.contains($0) } }
            for term in entry.terms {
                guard let language = LanguageCode.capdiff(term.language) else {
                    result.otherLanguages[LanguageCode.primary(term.language), default: 0] += 1
                    continue
                }
                if TermStatus.isForbidden(term.status) { result.forbidden += 1; continue }
                let phrase = term.text.collapsingWhitespace
                if phrase.isEmpty { result.emptyTerms += 1; continue }
                let key = "\(ids.joined(separator: "+"))\t\(language)\t\(phrase.lowercased())\t\(term.exact)"
                if !seen.insert(key).inserted { result.duplicates += 1; continue }
                collected.append(Collected(functions: ids, eitherOf: options.function == nil && ids.count > 1 && FunctionID.isEitherOf(entry.subjects),
                                           language: language, phrase: phrase, exact: term.exact,
                                           preferred: TermStatus.isPreferred(term.status), line: term.line))
            }
        }
        collected = canonicalOrder(collected)

        var ids: [String] = []
        for id in collected.flatMap(\.functions) + named where !ids.contains(id) && !options.knownFunctions.contains(id) {
            // An entry with facts but no terms (a function `glossary export` wrote with no
            // phrase of its own) still defines its function.
            if collected.contains(where: { $0.functions.contains(id) }) || facts[id] != nil { ids.append(id) }
        }
        result.glossary.functions = ids.map { id in
            function(id, facts: facts[id] ?? [], phrases: collected.filter { $0.functions.contains(id) }, path: termbase.path)
        }
        result.glossary.phrases = collected.map {
            PhraseEntry(functions: $0.functions, eitherOf: $0.eitherOf, language: $0.language, phrase: $0.phrase, exact: $0.exact,
                        source: GlossarySource(file: termbase.path, line: $0.line))
        }
        return result
    }

    /// Grouped by function (in order of first appearance), then language (en, ru), then match
    /// (stem, exact), keeping the file's order within a group.
    static func canonicalOrder(_ phrases: [Collected]) -> [Collected] {
        var groups: [String: Int] = [:]
        for phrase in phrases {
            let key = phrase.functions.joined(separator: "+")
            if groups[key] == nil { groups[key] = groups.count }
        }
        return phrases.enumerated().sorted { a, b in
            func rank(_ p: (offset: Int, element: Collected)) -> (Int, Int, Int, Int) {
                (groups[p.element.functions.joined(separator: "+")]!, p.element.language == "en" ? 0 : 1, p.element.exact ? 1 : 0, p.offset)
            }
            return rank(a) < rank(b)
        }.map(\.element)
    }

    /// A function's group, flag and labels: from capdiff's facts where the file has them, else
    /// execution, not required, and each language's preferred (else first) term for it alone.
    static func function(_ id: String, facts: [FunctionFact], phrases: [Collected], path: String) -> FunctionInfo {
        var group = FunctionInfo.Group.execution
        var required = false
        var labels: [String: String] = [:]
        for fact in facts {
            switch fact {
            case .group(_, let g): group = g
            case .required: required = true
            case .label(_, let language, let label): if labels[language] == nil { labels[language] = label }
            }
        }
        for language in GlossaryReader.languages.sorted() where labels[language] == nil {
            let candidates = phrases.filter { $0.language == language }
            let own = candidates.filter { $0.functions == [id] }
            let best = own.first(where: \.preferred) ?? own.first ?? candidates.first(where: \.preferred) ?? candidates.first
            if let best { labels[language] = best.phrase }
        }
        let line = phrases.first?.line ?? 1
        return FunctionInfo(id: id, group: group, labels: labels, required: required, source: GlossarySource(file: path, line: line))
    }
}
