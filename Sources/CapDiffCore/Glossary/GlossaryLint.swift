/// Checks a glossary for entries that do not do what their author meant: phrases listed twice,
/// a phrase naming two functions by accident, phrases that read the same once stemmed,
/// functions too thinly covered, phrases that can never match, and words mixing scripts.
/// Every finding names the file and line to fix.
public struct GlossaryLint {
    public enum Rule: String, CaseIterable, Sendable {
        /// The same phrase (or cue, hedge, stop word) listed twice.
        case duplicate
        /// The same phrase listed for different functions on separate lines, not as "a+b".
        case twoFunctions = "two-functions"
        /// Different phrases of different functions that read the same once stemmed.
        case stemCollision = "stem-collision"
        /// A function without an English or a Russian label.
        case missingLabel = "missing-label"
        /// A function with fewer phrases in a language than the minimum.
        case fewPhrases = "few-phrases"
        /// A phrase that normalisation, stop words or punctuation keep from ever matching.
        case neverMatches = "never-matches"
        /// A word mixing Cyrillic and Latin letters.
        case mixedScript = "mixed-script"
    }

    public struct Finding: Sendable, Equatable {
        public var rule: Rule
        public var source: GlossarySource
        public var message: String
        /// The other entries involved (the first listing of a duplicate…).
        public var related: [GlossarySource]
    }

    public struct Result: Sendable {
        public var findings: [Finding]
        /// Phrases written "a+b" or "a|b": several functions on purpose, not findings.
        public var multiFunction: [PhraseEntry]
        public var functions: Int
        public var phrases: Int
    }

    /// Fewer phrases than this in a language make a function hard to recognise in that language.
    public var minimumPhrases: Int

    public init(minimumPhrases: Int = 15) {
        self.minimumPhrases = minimumPhrases
    }

    public func check(_ glossary: Glossary) -> Result {
        let index = GlossaryIndex(glossary)
        let readings = glossary.phrases.map { Reading($0, index: index) }
        var findings = duplicatesAndConflicts(readings) + collisions(readings) + coverage(glossary)
        findings += readings.flatMap(unmatchable) + readings.flatMap(mixedScript)
        findings += otherDuplicates(glossary, index: index) + scopes(glossary, index: index) + chromeNeverMatches(glossary)
        findings.sort { a, b in
            (a.source.file, a.source.line, Rule.allCases.firstIndex(of: a.rule)!)
                < (b.source.file, b.source.line, Rule.allCases.firstIndex(of: b.rule)!)
        }
        return Result(findings: findings, multiFunction: glossary.phrases.filter { $0.functions.count > 1 },
                      functions: glossary.functions.count, phrases: glossary.phrases.count)
    }

    /// A phrase as matching sees it.
    struct Reading {
        let entry: PhraseEntry
        /// Its words (numbers included), normalised.
        let words: [Token]
        /// The words matching keys them on: all but stop words.
        let content: [Token]
        /// Their stems as matching reads them (synonyms as the word they mean).
        let stems: [String]
        /// The normalised words: the phrase's identity, whatever its spelling and spacing.
        let text: String
        let functions: Set<String>
        /// A punctuation mark between its words that ends a phrase in text.
        let barrier: String?

        init(_ entry: PhraseEntry, index: GlossaryIndex) {
            self.entry = entry
            let tokens = index.tokenizer.tokens(entry.phrase)
            words = tokens.filter(\.isWord)
            content = words.filter { !index.isStopword($0) }
            stems = content.map(index.stemKey)
            text = words.map(\.normalized).joined(separator: " ")
            functions = Set(entry.functions)
            let first = tokens.firstIndex(where: \.isWord), last = tokens.lastIndex(where: \.isWord)
            if let first, let last, first < last {
                barrier = tokens[first...last].first(where: GlossaryIndex.isBarrier)?.surface
            } else {
                barrier = nil
            }
        }

        var described: String { "\"\(entry.phrase)\" (\(entry.language), \(entry.functions.joined(separator: "+")))" }
    }

    // MARK: Rules

    func duplicatesAndConflicts(_ readings: [Reading]) -> [Finding] {
        var findings: [Finding] = []
        var byText: [String: [Reading]] = [:]
        for reading in readings where !reading.words.isEmpty {
            let earlier = byText[reading.text, default: []]
            if let first = earlier.first(where: { $0.entry.language == reading.entry.language && $0.functions == reading.functions }) {
                findings.append(Finding(rule: .duplicate, source: reading.entry.source,
                                        message: Self.duplicate("\"\(reading.entry.phrase)\" (\(reading.entry.language), \(reading.entry.functions.joined(separator: "+")))",
                                                                reading.entry.phrase, first: first.entry.phrase, at: first.entry.source),
                                        related: [first.entry.source]))
            } else if let other = earlier.first(where: { $0.functions != reading.functions }) {
                let both = (other.entry.functions + reading.entry.functions.filter { !other.functions.contains($0) }).joined(separator: "+")
                findings.append(Finding(rule: .twoFunctions, source: reading.entry.source,
                                        message: "\"\(reading.entry.phrase)\" names \(reading.entry.functions.joined(separator: "+")) here and \(other.entry.functions.joined(separator: "+")) at \(other.entry.source), so a text saying it names both; if it means both, write one line for \(both), else delete one",
                                        related: [other.entry.source]))
            }
            byText[reading.text, default: []].append(reading)
        }
        return findings
    }

    /// Phrases of different functions that a text can match at once: same stems, and the one
    /// matched by stem reads the other's words (an exact phrase only its own spelling).
    func collisions(_ readings: [Reading]) -> [Finding] {
        var findings: [Finding] = []
        var byStems: [[String]: [Reading]] = [:]
        for reading in readings where !reading.content.isEmpty && reading.barrier == nil {
            let stems = reading.stems
            for other in byStems[stems, default: []] where other.functions != reading.functions && other.text != reading.text {
                let sameWords = other.content.map(\.normalized) == reading.content.map(\.normalized)
                // Text written as A is read as B when B matches by stem, or spells A's words.
                let otherReadsThis = !other.entry.exact || sameWords
                let thisReadsOther = !reading.entry.exact || sameWords
                let message: String
                if otherReadsThis && thisReadsOther {
                    message = "\(reading.described) and \(other.described) at \(other.entry.source) read the same once stemmed (\(stems.joined(separator: " "))), so a text saying either names both; mark one exact, reword it, or write one line for both functions"
                } else if otherReadsThis {
                    message = "a text saying \(reading.described) also matches \(other.described) at \(other.entry.source) by stem, which wins over this exact phrase; mark that one exact too, or reword one"
                } else if thisReadsOther {
                    message = "a text saying \(other.described) at \(other.entry.source) also matches \(reading.described) by stem, which wins over that exact phrase; mark this one exact too, or reword one"
                } else {
                    continue
                }
                findings.append(Finding(rule: .stemCollision, source: reading.entry.source, message: message, related: [other.entry.source]))
            }
            byStems[stems, default: []].append(reading)
        }
        return findings
    }

    /// Scopes without a label, and scope phrases that can never match: no words, or a
    /// punctuation mark that ends a match in text.
    func scopes(_ glossary: Glossary, index: GlossaryIndex) -> [Finding] {
        var findings: [Finding] = []
        for scope in glossary.scopes {
            for language in GlossaryReader.languages.sorted() where (scope.labels[language] ?? "").isEmpty {
                findings.append(Finding(rule: .missingLabel, source: scope.source,
                                        message: "scope \(scope.id) has no \(language == "en" ? "English" : "Russian") label; fill its \(language) column, which reports show",
                                        related: []))
            }
            if !glossary.scopePhrases.contains(where: { $0.scope == scope.id }) {
                findings.append(Finding(rule: .fewPhrases, source: scope.source,
                                        message: "scope \(scope.id) has no phrase, so no text can name it; add its words in a scope phrases table",
                                        related: []))
            }
        }
        for entry in glossary.scopePhrases {
            let tokens = index.tokenizer.tokens(entry.phrase)
            let words = tokens.filter(\.isWord)
            let barrier = words.count > 1 ? tokens[tokens.firstIndex(where: \.isWord)!...tokens.lastIndex(where: \.isWord)!]
                .first(where: GlossaryIndex.isBarrier)?.surface : nil
            if words.isEmpty {
                findings.append(Finding(rule: .neverMatches, source: entry.source,
                                        message: "scope phrase \"\(entry.phrase)\" has no words to match; delete it", related: []))
            } else if let barrier {
                findings.append(Finding(rule: .neverMatches, source: entry.source,
                                        message: "scope phrase \"\(entry.phrase)\" holds \"\(barrier)\", which ends a match in text; remove it",
                                        related: []))
            }
            findings += words.filter(\.isMixedScript).map { word in
                Finding(rule: .mixedScript, source: entry.source,
                        message: "\"\(word.surface)\" in scope phrase \"\(entry.phrase)\" mixes Cyrillic and Latin letters; retype it in one script",
                        related: [])
            }
        }
        return findings
    }

    func coverage(_ glossary: Glossary) -> [Finding] {
        var counts: [String: [String: Int]] = [:]
        for phrase in glossary.phrases {
            for id in Set(phrase.functions) { counts[id, default: [:]][phrase.language, default: 0] += 1 }
        }
        var findings: [Finding] = []
        for function in glossary.functions {
            for language in GlossaryReader.languages.sorted() {
                let name = language == "en" ? "English" : "Russian"
                if (function.labels[language] ?? "").isEmpty {
                    findings.append(Finding(rule: .missingLabel, source: function.source,
                                            message: "function \(function.id) has no \(name) label; fill its \(language) column, which reports show",
                                            related: []))
                }
                let count = counts[function.id]?[language] ?? 0
                if count < minimumPhrases {
                    findings.append(Finding(rule: .fewPhrases, source: function.source,
                                            message: "function \(function.id) has \(count) \(name) phrase\(count == 1 ? "" : "s"), fewer than \(minimumPhrases); add synonyms, abbreviations and loanwords so \(name) texts find it (or lower --min-phrases)",
                                            related: []))
                }
            }
        }
        return findings
    }

    func unmatchable(_ reading: Reading) -> [Finding] {
        let message: String
        if reading.words.isEmpty {
            message = "\"\(reading.entry.phrase)\" has no words to match, only punctuation; delete it"
        } else if reading.content.isEmpty {
            message = "\"\(reading.entry.phrase)\" is made only of stop words (\(reading.words.map(\.normalized).joined(separator: ", "))), which phrase matching skips, so it never matches; add a word that names the function, or delete it"
        } else if let barrier = reading.barrier {
            message = "\"\(reading.entry.phrase)\" holds \"\(barrier)\", which ends a phrase in text, so it never matches as written; remove the \"\(barrier)\""
        } else {
            return []
        }
        return [Finding(rule: .neverMatches, source: reading.entry.source, message: message, related: [])]
    }

    func mixedScript(_ reading: Reading) -> [Finding] {
        reading.words.filter(\.isMixedScript).map { word in
            Finding(rule: .mixedScript, source: reading.entry.source,
                    message: "\"\(word.surface)\" in \"\(reading.entry.phrase)\" mixes Cyrillic and Latin letters; retype it in one script",
                    related: [])
        }
    }

    /// Cues, hedges, synonyms and stop words listed twice (a synonym twice, even meaning
    /// different words: only one can count).
    func otherDuplicates(_ glossary: Glossary, index: GlossaryIndex) -> [Finding] {
        func normalized(_ text: String) -> String {
            index.tokenizer.tokens(text).filter(\.isWord).map(\.normalized).joined(separator: " ")
        }
        var findings: [Finding] = []
        var seen: [String: (source: GlossarySource, text: String)] = [:]
        func check(_ key: String, _ source: GlossarySource, _ text: String, _ what: String) {
            if let first = seen[key] {
                findings.append(Finding(rule: .duplicate, source: source,
                                        message: Self.duplicate(what, text, first: first.text, at: first.source), related: [first.source]))
            } else {
                seen[key] = (source, text)
            }
        }
        for cue in glossary.cues {
            let stance = cue.stance.map { " \($0.rawValue)" } ?? ""
            check("cue\t\(cue.role.rawValue)\t\(cue.stance?.rawValue ?? "")\t\(cue.language)\t\(normalized(cue.phrase))\t\(cue.exact)",
                  cue.source, cue.phrase, "\(cue.role.rawValue)\(stance) \"\(cue.phrase)\" (\(cue.language))")
        }
        for hedge in glossary.hedges {
            check("hedge\t\(hedge.kind.rawValue)\t\(hedge.language)\t\(normalized(hedge.phrase))\t\(hedge.exact)", hedge.source, hedge.phrase,
                  "\(hedge.kind.rawValue) \"\(hedge.phrase)\" (\(hedge.language))")
        }
        for synonym in glossary.synonyms {
            check("synonym\t\(synonym.language)\t\(normalized(synonym.word))", synonym.source, synonym.word,
                  "synonym \"\(synonym.word)\" (\(synonym.language))")
        }
        for word in glossary.stopwords {
            check("stop\t\(word.language)\t\(normalized(word.word))", word.source, word.word, "stop word \"\(word.word)\" (\(word.language))")
        }
        for entry in glossary.scopePhrases {
            // Case matters only to a `case` entry: "US" (case) and "us" (stem) are different entries.
            let text = entry.match == .cased ? entry.phrase : normalized(entry.phrase)
            check("scope\t\(entry.language)\t\(text)\t\(entry.match.rawValue)", entry.source, entry.phrase,
                  "scope phrase \"\(entry.phrase)\" (\(entry.language), \(entry.scope))")
        }
        for entry in glossary.chrome {
            check("chrome\t\(entry.word.lowercased())", entry.source, entry.word, "chrome word \"\(entry.word)\"")
        }
        return findings
    }

    /// Chrome words that can never match: the HTML reader splits a class or id into words of
    /// letters ("cookie-banner" is cookie and banner), so a word with anything else never does.
    func chromeNeverMatches(_ glossary: Glossary) -> [Finding] {
        glossary.chrome.filter { !$0.word.allSatisfy(\.isLetter) }.map { entry in
            Finding(rule: .neverMatches, source: entry.source,
                    message: "chrome word \"\(entry.word)\" holds more than letters, but classes and ids are matched word by word (\"cookie-banner\" is cookie and banner); list each word on its own line",
                    related: [])
        }
    }

    /// "X is listed again", or, for another spelling, why matching cannot tell them apart.
    static func duplicate(_ what: String, _ text: String, first: String, at source: GlossarySource) -> String {
        if text == first { return "\(what) is listed again (first at \(source)); delete this line" }
        return "\(what) reads the same as \"\(first)\" at \(source) once normalised (case, ё as е, hyphens, contractions), so it adds nothing; delete this line"
    }
}
