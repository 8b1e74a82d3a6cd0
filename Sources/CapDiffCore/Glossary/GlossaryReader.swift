import Foundation

/// Reads glossary files. Each file is tab-separated with a header row that says what it holds:
///
///     id  group  en  ru  [required]   functions and their labels
///     function  lang  phrase [match]  phrases naming functions
///     role  stance  lang  phrase [match]  stance cues and the words stance reading needs
///     kind  lang  phrase [match]      hedges and ownerless wordings
///     lang  word                      stop words
///     lang  word  means               synonyms: word read as another in phrase matching
///     scope  en  ru                   scopes (markets) and their labels
///     scope  lang  phrase [match]     the words that name a scope
///     chrome  word                    class and id words that mark a web page's chrome
///
/// Lines starting with "#" and blank lines are ignored; columns after the named ones are
/// notes; a header row later in a file starts another table. A malformed line is an error
/// naming the file and line.
public enum GlossaryReader {
    public struct File: Sendable {
        public var name: String
        public var text: String
        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// The glossary compiled into capdiff from glossary/*.tsv.
    public static var defaultFiles: [File] {
        defaultGlossaryFiles.map { File(name: "glossary/" + $0.name, text: $0.text) }
    }

    /// Loads the default glossary (unless `includeDefault` is false) with the user's layers
    /// (files or folders of .tsv files) over it, in order.
    public static func load(layers paths: [String], includeDefault: Bool = true) throws(Diagnostic) -> Glossary {
        var layers: [[File]] = includeDefault ? [defaultFiles] : []
        for path in paths { layers.append(try files(at: path)) }
        return try load(layers)
    }

    public static func load(_ layers: [[File]]) throws(Diagnostic) -> Glossary {
        var glossary = Glossary()
        for layer in layers {
            var parsed = Glossary()
            for file in layer { try parse(file, into: &parsed) }
            merge(parsed, into: &glossary)
        }
        let scopes = Set(glossary.scopes.map(\.id))
        for entry in glossary.scopePhrases where entry.scope != ScopeEntry.notScope && !scopes.contains(entry.scope) {
            throw .error(entry.source.file, line: entry.source.line,
                         "scope phrase \"\(entry.phrase)\" names unknown scope \"\(entry.scope)\"; define it in a scopes table (scope, en, ru)")
        }
        for function in glossary.functions {
            if let market = function.market, !scopes.contains(market) {
                throw .error(function.source.file, line: function.source.line,
                             "function \"\(function.id)\" knows the market of unknown scope \"\(market)\"; define it in a scopes table (scope, en, ru)")
            }
        }
        let known = Set(glossary.functions.map(\.id))
        for entry in glossary.phrases {
            for id in entry.functions where !known.contains(id) {
                throw .error(entry.source.file, line: entry.source.line,
                             "phrase \"\(entry.phrase)\" names unknown function \"\(id)\"; define it in a functions file (id, group, en, ru)")
            }
        }
        return glossary
    }

    /// The .tsv files of a glossary path: the file itself, or a folder's files in name order.
    public static func files(at path: String) throws(Diagnostic) -> [File] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .error(path, "glossary not found; check the path given to --glossary")
        }
        var paths = [path]
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            paths = names.filter { $0.hasSuffix(".tsv") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            if paths.isEmpty { throw .error(path, "glossary folder holds no .tsv files") }
        }
        var files: [File] = []
        for p in paths {
            let source = try SourceFile.readText(p)
            if let warning = source.warnings.first { throw .error(p, line: warning.line, "glossary is not valid UTF-8; save it as UTF-8") }
            files.append(File(name: p, text: source.text))
        }
        return files
    }

    // MARK: Parsing

    enum Table { case functions, phrases, cues, hedges, stopwords, synonyms, scopes, scopePhrases, chrome }

    static func table(forHeader columns: [String]) -> Table? {
        guard columns.count >= 2 else { return nil }
        switch (columns[0], columns[1]) {
        case ("id", "group"): return .functions
        case ("function", "lang"): return .phrases
        case ("role", "stance"): return .cues
        case ("kind", "lang"): return .hedges
        case ("lang", "word"): return columns.count > 2 && columns[2] == "means" ? .synonyms : .stopwords
        case ("chrome", "word"): return .chrome
        case ("scope", "lang"): return .scopePhrases
        case ("scope", _) where languages.contains(columns[1]): return .scopes
        default: return nil
        }
    }

    static let languages: Set<String> = ["en", "ru"]

    static func parse(_ file: File, into glossary: inout Glossary) throws(Diagnostic) {
        var header: [String]?
        var table: Table?
        // Split on bytes: Character-level splitting costs milliseconds on a glossary this size.
        let bytes = Array(file.text.utf8)
        var number = 0
        var lineStart = 0
        while lineStart <= bytes.count {
            number += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            var line = bytes[lineStart..<lineEnd]
            if line.last == 0x0D { line = line.dropLast() }
            if line.first == UInt8(ascii: "#") || line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let columns = line.split(separator: 0x09, omittingEmptySubsequences: false).map { field in
                var f = field[...]
                while let b = f.first, b == 0x20 { f = f.dropFirst() }
                while let b = f.last, b == 0x20 { f = f.dropLast() }
                return String(decoding: f, as: UTF8.self)
            }
            guard let currentHeader = header, let currentTable = table else {
                guard let t = Self.table(forHeader: columns) else {
                    throw .error(file.name, line: number, "unknown glossary header \"\(columns.joined(separator: " "))\"; start the file with a header row such as \"function<TAB>lang<TAB>phrase\" (see glossary/README.md)")
                }
                header = columns
                table = t
                continue
            }
            // A later header row starts another table, so one file (or `glossary import`'s
            // output on stdout) can hold functions and phrases. No header row is a valid data
            // row of any table ("lang" is no language, "group" no group), so nothing is shadowed.
            if let t = Self.table(forHeader: columns) {
                header = columns
                table = t
                continue
            }
            let source = GlossarySource(file: file.name, line: number)
            func column(_ name: String) -> String? {
                guard let i = currentHeader.firstIndex(of: name), i < columns.count else { return nil }
                return columns[i]
            }
            func require(_ name: String) throws(Diagnostic) -> String {
                guard let value = column(name), !value.isEmpty else {
                    throw .error(file.name, line: number, "missing \"\(name)\" (expected tab-separated columns: \(currentHeader.joined(separator: ", ")), found \(columns.count)); separate columns with a tab")
                }
                return value
            }
            func matchExactly() throws(Diagnostic) -> Bool {
                let match = column("match") ?? ""
                guard match.isEmpty || match == "stem" || match == "exact" else {
                    throw .error(file.name, line: number, "match must be stem or exact, not \"\(match)\"")
                }
                return match == "exact"
            }
            func language() throws(Diagnostic) -> String {
                let lang = try require("lang")
                guard languages.contains(lang) else {
                    throw .error(file.name, line: number, "unknown language \"\(lang)\"; use en or ru")
                }
                return lang
            }
            switch currentTable {
            case .functions:
                let id = try require("id")
                guard Self.isIdentifier(id) else {
                    throw .error(file.name, line: number, "function id \"\(id)\" may hold only letters, digits, \"-\" and \"_\"")
                }
                guard let group = FunctionInfo.Group(rawValue: try require("group")) else {
                    throw .error(file.name, line: number, "group must be strategic or execution, not \"\(column("group") ?? "")\"")
                }
                var labels: [String: String] = [:]
                for lang in languages.sorted() { if let label = column(lang), !label.isEmpty { labels[lang] = label } }
                let requiredText = column("required")?.lowercased() ?? ""
                let market = column("market").flatMap { $0.isEmpty ? nil : $0 }
                glossary.functions.append(FunctionInfo(id: id, group: group, labels: labels,
                                                       required: ["yes", "true", "1", "required"].contains(requiredText),
                                                       market: market, source: source))
            case .phrases:
                let field = try require("function")
                let eitherOf = field.contains("|")
                if eitherOf, field.contains("+") {
                    throw .error(file.name, line: number, "\"\(field)\" mixes + and |; write a+b when the phrase names all the functions, a|b when it could mean any one")
                }
                let ids = field.split(separator: eitherOf ? "|" : "+").map { String($0.trimmingWhitespace()) }
                glossary.phrases.append(PhraseEntry(functions: ids, eitherOf: eitherOf, language: try language(), phrase: try require("phrase"),
                                                    exact: try matchExactly(), source: source))
            case .cues:
                guard let role = CueRole(rawValue: try require("role")) else {
                    throw .error(file.name, line: number, "unknown cue role \"\(column("role") ?? "")\"; use one of \(CueRole.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let stanceText = column("stance") ?? ""
                let stance = Stance(rawValue: stanceText)
                if role == .cue || role == .heading || role == .headingHint || role == .agent {
                    guard stance != nil else {
                        throw .error(file.name, line: number, "a \(role.rawValue) needs a stance (owns, shares, supports, needs, excludes), not \"\(stanceText)\"")
                    }
                }
                glossary.cues.append(CueEntry(role: role, stance: stance, language: try language(), phrase: try require("phrase"),
                                              exact: try matchExactly(), source: source))
            case .hedges:
                guard let kind = AmbiguityKind(rawValue: try require("kind")), kind == .hedge || kind == .vagueOwner else {
                    throw .error(file.name, line: number, "kind must be hedge or vague-owner, not \"\(column("kind") ?? "")\"")
                }
                glossary.hedges.append(HedgeEntry(kind: kind, language: try language(), phrase: try require("phrase"),
                                                  exact: try matchExactly(), source: source))
            case .stopwords:
                glossary.stopwords.append(StopwordEntry(language: try language(), word: try require("word"), source: source))
            case .synonyms:
                guard try !require("word").contains(" "), try !require("means").contains(" ") else {
                    throw .error(file.name, line: number, "a synonym is one word (\"автор\" means \"блогер\"); list longer wordings as phrases")
                }
                glossary.synonyms.append(SynonymEntry(language: try language(), word: try require("word"), means: try require("means"),
                                                      source: source))
            case .scopes:
                let id = try require("scope")
                guard Self.isIdentifier(id), id != ScopeEntry.notScope else {
                    throw .error(file.name, line: number, "scope id \"\(id)\" may hold only letters, digits, \"-\" and \"_\", and is not \"\(ScopeEntry.notScope)\"")
                }
                var labels: [String: String] = [:]
                for lang in languages.sorted() { if let label = column(lang), !label.isEmpty { labels[lang] = label } }
                glossary.scopes.append(ScopeInfo(id: id, labels: labels, source: source))
            case .scopePhrases:
                let id = try require("scope")
                guard id == "-" || Self.isIdentifier(id) else {
                    throw .error(file.name, line: number, "scope id \"\(id)\" may hold only letters, digits, \"-\" and \"_\"")
                }
                let matchText = column("match") ?? ""
                guard let match = matchText.isEmpty ? .stem : ScopeEntry.Match(rawValue: matchText) else {
                    throw .error(file.name, line: number, "match must be stem, exact or case, not \"\(matchText)\"")
                }
                glossary.scopePhrases.append(ScopeEntry(scope: id, language: try language(), phrase: try require("phrase"),
                                                        match: match, source: source))
            case .chrome:
                glossary.chrome.append(ChromeEntry(chrome: try require("chrome"), word: try require("word"), source: source))
            }
        }
    }

    static func isIdentifier(_ id: String) -> Bool {
        !id.isEmpty && id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    // MARK: Layering

    /// The phrase's identity across layers: its language and words, case and spacing aside.
    static func layerKey(language: String, phrase: String) -> String {
        language + ":" + phrase.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func merge(_ layer: Glossary, into glossary: inout Glossary) {
        for function in layer.functions {
            if let i = glossary.functions.firstIndex(where: { $0.id == function.id }) {
                var merged = function
                merged.labels = glossary.functions[i].labels.merging(function.labels) { _, new in new }
                merged.market = function.market ?? glossary.functions[i].market
                glossary.functions[i] = merged
            } else {
                glossary.functions.append(function)
            }
        }
        // A later layer's phrase replaces every earlier entry of the same phrase; "-" as the
        // function removes it.
        let replaced = glossary.phrases.isEmpty ? [] : Set(layer.phrases.map { layerKey(language: $0.language, phrase: $0.phrase) })
        if !glossary.phrases.isEmpty {
            glossary.phrases.removeAll { replaced.contains(layerKey(language: $0.language, phrase: $0.phrase)) }
        }
        glossary.phrases += layer.phrases.filter { $0.functions != ["-"] }
        for scope in layer.scopes {
            if let i = glossary.scopes.firstIndex(where: { $0.id == scope.id }) {
                glossary.scopes[i].labels.merge(scope.labels) { _, new in new }
            } else {
                glossary.scopes.append(scope)
            }
        }
        // Scope phrases layer as function phrases do: a later entry replaces the same phrase.
        let replacedScopes = Set(layer.scopePhrases.map { layerKey(language: $0.language, phrase: $0.phrase) })
        glossary.scopePhrases.removeAll { replacedScopes.contains(layerKey(language: $0.language, phrase: $0.phrase)) }
        glossary.scopePhrases += layer.scopePhrases.filter { $0.scope != "-" }
        glossary.cues += layer.cues
        glossary.hedges += layer.hedges
        glossary.stopwords += layer.stopwords
        glossary.synonyms += layer.synonyms
        // "-" as what the word marks removes a chrome word an earlier layer lists.
        let removed = Set(layer.chrome.filter { $0.chrome == "-" }.map { $0.word.lowercased() })
        glossary.chrome.removeAll { removed.contains($0.word.lowercased()) }
        glossary.chrome += layer.chrome.filter { $0.chrome != "-" }
    }
}
