import Testing
@testable import CapDiffCore

/// The glossary format: typed TSV files, layering, and one-line errors for malformed lines.
@Suite struct GlossaryFilesTests {
    func load(_ files: [(String, String)], withDefault: Bool = false) throws(Diagnostic) -> Glossary {
        let layer = files.map { GlossaryReader.File(name: $0.0, text: $0.1) }
        return try GlossaryReader.load((withDefault ? [GlossaryReader.defaultFiles] : []) + [layer])
    }

    static let functions = "id\tgroup\ten\tru\nmerch\texecution\tMerchandise\tМерч\n"

    @Test func theDefaultGlossaryCoversTheContractFunctions() throws {
        let glossary = try GlossaryReader.load(layers: [])
        let ids = Set(glossary.functions.map(\.id))
        #expect(ids == ["creative-direction", "influencer-relations", "outreach", "brief-writing", "content-production",
                        "campaign-management", "logistics", "performance-analysis", "paid-media", "legal-contracts",
                        "budget-payments", "localization", "us-market", "ru-market", "client-relations"])
        for function in glossary.functions {
            #expect(function.labels["en"] != nil && function.labels["ru"] != nil, "\(function.id) needs both labels")
            for lang in ["en", "ru"] {
                let count = glossary.phrases.filter { $0.language == lang && $0.functions.contains(function.id) }.count
                #expect(count >= 15, "\(function.id) has \(count) \(lang) phrases")
            }
        }
        #expect(glossary.cues.contains { $0.language == "ru" && $0.stance == .owns })
        #expect(glossary.hedges.contains { $0.language == "ru" } && glossary.hedges.contains { $0.language == "en" })
    }

    @Test func aUserLayerAddsFunctionsAndPhrases() throws {
        let glossary = try load([("mine/functions.tsv", Self.functions),
                                 ("mine/phrases.tsv", "function\tlang\tphrase\nmerch\ten\tmerch design\nmerch\tru\tдизайн мерча\n")],
                                withDefault: true)
        let analysis = Analyzer(glossary: glossary).analyze(OutlineReader().read(SourceText(path: "t", text: "- Также делаем дизайн мерча.")))
        #expect(analysis.stances == ["merch": .owns])
        #expect(analysis.ambiguities.isEmpty)
    }

    @Test func aLaterLayerReplacesAPhraseAndDashRemovesIt() throws {
        let glossary = try load([("mine.tsv", "function\tlang\tphrase\nlogistics\ten\tpaid media\n-\ten\tbudget\n")], withDefault: true)
        #expect(glossary.phrases.filter { $0.phrase == "paid media" }.map(\.functions) == [["logistics"]])
        #expect(!glossary.phrases.contains { $0.phrase == "budget" && $0.language == "en" })
    }

    @Test func aPhraseForTwoFunctionsOnPurpose() throws {
        let glossary = try load([("f.tsv", Self.functions + "promo\tstrategic\tPromo\tПромо\n"),
                                 ("p.tsv", "function\tlang\tphrase\nmerch+promo\ten\tswag\n")])
        #expect(glossary.phrases.first?.functions == ["merch", "promo"])
    }

    @Test(arguments: [
        ("function\tlang\tphrase\nmerch\ten\n", 2, "missing \"phrase\""),
        ("function\tlang\tphrase\nmerch\tde\tmerch\n", 2, "unknown language \"de\""),
        ("function\tlang\tphrase\nnope\ten\tthing\n", 2, "unknown function \"nope\""),
        ("phrase\tfunction\nx\ty\n", 1, "unknown glossary header"),
        ("role\tstance\tlang\tphrase\ncue\tmaybe\ten\tperhaps\n", 2, "needs a stance"),
        ("kind\tlang\tphrase\nfuzzy\ten\tsort of\n", 2, "kind must be hedge or vague-owner"),
        ("id\tgroup\ten\tru\nx y\texecution\tX\tИкс\n", 2, "may hold only letters"),
        ("# comment\nfunction\tlang\tphrase\tmatch\nmerch\ten\tmerch\tfuzzy\n", 3, "match must be stem or exact"),
    ])
    func malformedLinesAreErrorsNamingFileAndLine(text: String, line: Int, message: String) {
        do {
            _ = try load([("f.tsv", Self.functions), ("bad.tsv", text)])
            Issue.record("expected an error for \(text.debugDescription)")
        } catch {
            #expect(error.path == "bad.tsv")
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func aMissingGlossaryPathIsAnError() {
        #expect(throws: Diagnostic.self) { try GlossaryReader.load(layers: ["/no/such/glossary"]) }
    }

    @Test func exactMatchingKeepsAPhraseFromItsStemsOtherWords() throws {
        // English "localization" stems to "local", so it is matched exactly.
        let analysis = try Shared.pipeline().analyze(SourceText(path: "t", text: "- We can't hire a local team."))
        #expect(analysis.stances["localization"] == nil)
    }
}
