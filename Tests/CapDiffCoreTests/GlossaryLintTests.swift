import Foundation
import Testing
@testable import CapDiffCore

/// `glossary lint`: each rule finds its problem (and only it), and the default glossary is clean.
@Suite struct GlossaryLintTests {
    static let functions = "id\tgroup\ten\tru\nmerch\texecution\tMerch\tМерч\npromo\texecution\tPromo\tПромо\n"
    static let stopwords = "lang\tword\nen\tthe\nen\tof\nru\tи\n"

    /// Lints a glossary of two functions with these phrases (and cues), one phrase each
    /// needed per language.
    func lint(_ phrases: String, cues: String? = nil, functions: String = functions, minimum: Int = 1) throws -> GlossaryLint.Result {
        var files: [GlossaryReader.File] = [.init(name: "f.tsv", text: functions), .init(name: "s.tsv", text: Self.stopwords),
                                           .init(name: "p.tsv", text: "function\tlang\tphrase\tmatch\n" + phrases)]
        if let cues { files.append(.init(name: "c.tsv", text: "role\tstance\tlang\tphrase\tmatch\n" + cues)) }
        return GlossaryLint(minimumPhrases: minimum).check(try GlossaryReader.load([files]))
    }

    static let clean = "merch\ten\tmerch\nmerch\tru\tмерч\npromo\ten\tpromo code\npromo\tru\tпромокод\n"

    func rules(_ result: GlossaryLint.Result) -> [GlossaryLint.Rule] { result.findings.map(\.rule) }

    @Test func aCleanGlossaryHasNoFindings() throws {
        let result = try lint(Self.clean)
        #expect(result.findings.isEmpty, "\(result.findings)")
    }

    @Test func duplicatePhrase() throws {
        let result = try lint(Self.clean + "merch\ten\tMerch\n")
        #expect(rules(result) == [.duplicate])
        #expect(result.findings[0].source == GlossarySource(file: "p.tsv", line: 6))
        #expect(result.findings[0].related == [GlossarySource(file: "p.tsv", line: 2)])
    }

    @Test func anotherSpellingThatNormalisesTheSameIsADuplicate() throws {
        let result = try lint(Self.clean + "merch\tru\tсъёмка мерча\nmerch\tru\tсъемка мерча\n")
        #expect(rules(result) == [.duplicate])
        #expect(result.findings[0].message.contains("once normalised"))
    }

    @Test func duplicateCuesHedgesAndStopWords() throws {
        let result = try lint(Self.clean, cues: "cue\towns\tru\tберём\texact\ncue\towns\tru\tберем\texact\ncue\tneeds\tru\tберем\texact\n")
        #expect(rules(result) == [.duplicate], "the same words with another stance are no duplicate")
        #expect(result.findings[0].source.line == 3)
    }

    @Test func aPhraseListedForTwoFunctionsByAccident() throws {
        let result = try lint(Self.clean + "promo\ten\tmerch\n")
        #expect(rules(result) == [.twoFunctions])
        #expect(result.findings[0].message.contains("merch+promo"))
    }

    @Test func aPhraseForTwoFunctionsOnPurposeIsNoFinding() throws {
        let result = try lint(Self.clean + "merch+promo\ten\tswag drop\n")
        #expect(result.findings.isEmpty, "\(result.findings)")
        #expect(result.multiFunction.map(\.phrase) == ["swag drop"])
    }

    @Test func phrasesOfTwoFunctionsThatReadTheSameOnceStemmed() throws {
        let result = try lint(Self.clean + "merch\ten\tbranded gifts\npromo\ten\tbranded gifting\n")
        #expect(rules(result) == [.stemCollision])
        #expect(result.findings[0].message.contains("read the same once stemmed"))
        // The same stems within one function are only synonyms.
        #expect(try lint(Self.clean + "merch\ten\tbranded gifts\nmerch\ten\tbranded gifting\n").findings.isEmpty)
    }

    @Test func aStemPhraseHidesAnExactOneOfAnotherFunction() throws {
        // "localization" is marked exact because it stems to "local"; a stem phrase "local"
        // elsewhere wins wherever "localization" is written.
        let hidden = try lint(Self.clean + "merch\ten\tlocalization\texact\npromo\ten\tlocal\n")
        #expect(rules(hidden) == [.stemCollision])
        #expect(hidden.findings[0].message.contains("wins over"))
        // Both exact: each matches only its own spelling.
        #expect(try lint(Self.clean + "merch\ten\tlocalization\texact\npromo\ten\tlocal\texact\n").findings.isEmpty)
    }

    @Test func aFunctionWithoutALabel() throws {
        let result = try lint(Self.clean, functions: "id\tgroup\ten\tru\nmerch\texecution\tMerch\nmerch2\texecution\t\tМерч 2\npromo\texecution\tPromo\tПромо\n")
        #expect(result.findings.filter { $0.rule == .missingLabel }.map(\.source.line) == [2, 3])
    }

    @Test func aFunctionWithTooFewPhrasesInALanguage() throws {
        let result = try lint(Self.clean + "merch\ten\tswag\n", minimum: 2)
        let few = result.findings.filter { $0.rule == .fewPhrases }
        #expect(few.count == 3, "merch in Russian, promo in both")
        #expect(few.allSatisfy { $0.message.contains("fewer than 2") })
        #expect(try lint(Self.clean, minimum: 1).findings.isEmpty)
    }

    @Test(arguments: [("the of", "only of stop words"), ("—", "no words"), ("merch, swag", "never matches as written")])
    func phrasesThatNeverMatch(phrase: String, message: String) throws {
        let result = try lint(Self.clean + "merch\ten\t\(phrase)\n")
        #expect(rules(result) == [.neverMatches])
        #expect(result.findings[0].message.contains(message), "\(result.findings[0].message)")
    }

    @Test func aHyphenOrApostropheInsideAPhraseStillMatches() throws {
        #expect(try lint(Self.clean + "merch\ten\tco-branded swag\nmerch\ten\tcreator's kit\n").findings.isEmpty)
    }

    @Test func mixedScriptPhrase() throws {
        let result = try lint(Self.clean + "merch\tru\tмерч для блoгеров\n")  // Latin "o"
        #expect(rules(result) == [.mixedScript])
        #expect(result.findings[0].message.contains("блoгеров"))
    }

    @Test func theDefaultGlossaryPassesLint() throws {
        let result = GlossaryLint().check(try GlossaryReader.load(layers: []))
        #expect(result.findings.isEmpty, "\(result.findings.map { "\($0.source): \($0.rule.rawValue): \($0.message)" }.joined(separator: "\n"))")
    }

    // MARK: End to end

    @Test func lintExitStatuses() throws {
        let clean = try CLI.run(["glossary", "lint"])
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(clean.stdout.hasPrefix("no problems"))

        let folder = try TestPaths.temporaryDirectory()
        let layer = folder.appendingPathComponent("mine.tsv").path
        try "function\tlang\tphrase\nlogistics\ten\tcreative concept\nlogistics\ten\tthe\n".write(toFile: layer, atomically: true, encoding: .utf8)
        let problems = try CLI.run(["glossary", "lint", layer])
        #expect(problems.status == 1)
        #expect(problems.stdout.contains("\(layer):3: never-matches: \"the\""))

        let json = try CLI.run(["glossary", "lint", layer, "--format", "json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "never-matches" && $0["line"] as? Int == 3 })

        let broken = folder.appendingPathComponent("broken.tsv").path
        try "function\tlang\tphrase\nlogistics\tde\tVersand\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let trouble = try CLI.run(["glossary", "lint", broken])
        #expect(trouble.status == 2)
        #expect(trouble.stderr.hasPrefix("capdiff: \(broken):2: "))
    }
}
