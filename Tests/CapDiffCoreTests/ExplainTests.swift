import Foundation
import Testing
@testable import CapDiffCore

/// `capdiff explain`: every pipeline step for a phrase or a line, as text and JSON. The golden
/// outputs use a small fixture glossary, so tuning the default glossary does not move them.
@Suite struct ExplainTests {
    static let glossary = ["--no-default-glossary", "--glossary", "fixtures/glossary/explain"]
    static let outline = "fixtures/glossary/explain-outline.md"

    @Test(arguments: [
        ("phrase", "We own the creative concept but do not handle paid media no later than May."),
        ("english-line", outline + ":5"),
        ("russian-line", outline + ":9"),
    ], ["text", "json"])
    func explainGolden(name: (String, String), format: String) throws {
        let result = try CLI.run(["explain", name.1, "--format", format] + Self.glossary)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        try Golden.check(result.stdout, "explain-\(name.0).\(format == "json" ? "json" : "txt")")
    }

    @Test func everyStepIsThere() throws {
        let analyzer = Analyzer(glossary: try GlossaryReader.load(layers: [TestPaths.fixture("glossary/explain")], includeDefault: false))
        let outline = try DocumentReader.read(path: TestPaths.packageRoot.path + "/" + Self.outline)
        let e = try #require(analyzer.explain(outline, line: 9))
        #expect(e.language == .ru)
        #expect(e.heading?.stance?.hasPrefix("owns") == true)
        #expect(e.normalized == "закупку рекламы не ведем посев по возможности")
        #expect(e.tokens.first { $0.token.surface == "ведём" }?.transliteration == "vedem")
        #expect(e.tokens.contains { $0.token.isMixedScript })
        // Each match names the glossary file and line it comes from, and the entry as written.
        let paid = try #require(e.phrases.first)
        #expect(paid.functions == ["paid-media"])
        #expect(paid.match.entries.map(\.source.description) == [TestPaths.fixture("glossary/explain/phrases.tsv") + ":7"])
        #expect(paid.match.entries.map(\.written) == ["закупка рекламы"])
        #expect(e.clauses.first?.negation == "не")
        #expect(e.hedges.map(\.kind) == [.hedge])
        #expect(e.ambiguities.flatMap(\.kinds).contains(.mixedScript))
        #expect(e.uncovered.map(\.word) == ["ведём"])
    }

    @Test func aWordTheGlossaryMissesPointsAtPhrasesSharingItsStem() throws {
        let analyzer = Analyzer(glossary: try GlossaryReader.load(layers: [TestPaths.fixture("glossary/explain")], includeDefault: false))
        let e = analyzer.explain("Concepts and the launch")
        #expect(e.phrases.isEmpty)
        #expect(e.uncovered.map(\.word) == ["Concepts", "launch"])
        #expect(e.uncovered[0].relatedPhrases.map(\.written) == ["creative concept"])
        #expect(e.uncovered[1].relatedPhrases.isEmpty)
    }

    @Test func theDefaultGlossaryExplainsWhereEachMatchComesFrom() throws {
        let result = try CLI.run(["explain", "Мы отвечаем за креативную концепцию"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("→ creative-direction   (glossary/phrases.tsv:"))
        #expect(result.stdout.contains("creative-direction owns"))
    }

    @Test func explainExitStatuses() throws {
        let markdown = try CLI.run(["explain", "paid media", "--format", "markdown"])
        #expect(markdown.status == 2)
        let empty = try CLI.run(["explain", Self.outline + ":2"])
        #expect(empty.status == 2)
        #expect(empty.stderr == "capdiff: \(Self.outline):2: no text on this line; give a line with a list item, heading or sentence\n")
    }
}
