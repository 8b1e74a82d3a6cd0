import Foundation
import Testing
@testable import CapDiffCore

/// `glossary export`: TBX and CSV that `glossary import` reads back into the same glossary.
@Suite struct GlossaryExportTests {
    enum Format: String, CaseIterable { case tbx, csv }

    func export(_ glossary: Glossary, as format: Format) throws -> String {
        switch format {
        case .tbx: GlossaryTBXWriter.tbx(glossary)
        case .csv: try GlossaryCSVWriter.csv(glossary)
        }
    }

    /// Import, export, import again: the two imports write the same capdiff glossary.
    @Test(arguments: ["campaign-terms.tbx", "campaign-terms.martif.tbx", "campaign-terms.csv"], Format.allCases)
    func importExportAndReimportAreIdentical(fixture: String, format: Format) throws {
        let first = try GlossaryImporter.read(path: TestPaths.fixture("glossary/" + fixture))
        let exported = try export(first.glossary, as: format)
        let second = try GlossaryImporter.read(bytes: Array(exported.utf8), path: "exported.\(format)")
        #expect(GlossaryWriter.tsv(second.glossary) == GlossaryWriter.tsv(first.glossary))
        #expect(second.leftOut.isEmpty, "the export holds only what was imported: \(second.summary)")
    }

    /// What the file formats have no field for travels in notes and extra columns.
    @Test(arguments: Format.allCases)
    func groupsRequiredFlagsLabelsExactMatchAndMultiFunctionPhrasesSurvive(format: Format) throws {
        let functions = "id\tgroup\ten\tru\trequired\nmerch\tstrategic\tMerch; swag\tМерч\tyes\npromo\texecution\tPromo\t\n"
        let phrases = "function\tlang\tphrase\tmatch\nmerch\ten\tmerch\texact\nmerch\tru\tмерч\nmerch+promo\ten\tswag drop\n"
        let glossary = try GlossaryReader.load([[.init(name: "f.tsv", text: functions), .init(name: "p.tsv", text: phrases)]])
        let back = try GlossaryImporter.read(bytes: Array(try export(glossary, as: format).utf8), path: "x.\(format)").glossary
        #expect(back.functions.map(\.id) == ["merch", "promo"])
        let merch = try #require(back.function("merch"))
        #expect(merch.group == .strategic && merch.required && merch.labels == ["en": "Merch; swag", "ru": "Мерч"])
        #expect(back.function("promo")?.labels == ["en": "Promo"])
        #expect(back.phrases.map { "\($0.functions.joined(separator: "+")) \($0.language) \($0.phrase) \($0.exact)" }
                == ["merch en merch true", "merch ru мерч false", "merch+promo en swag drop false"])
    }

    /// The default glossary itself: every function and phrase comes back from TBX and CSV.
    @Test(arguments: Format.allCases)
    func theDefaultGlossaryExportsWithoutLoss(format: Format) throws {
        let glossary = try GlossaryReader.load(layers: [])
        let back = try GlossaryImporter.read(bytes: Array(try export(glossary, as: format).utf8), path: "default.\(format)").glossary
        func functions(_ g: Glossary) -> [String] {
            g.functions.map { "\($0.id) \($0.group) \($0.required) \($0.labels.sorted { $0.key < $1.key })" }.sorted()
        }
        func phrases(_ g: Glossary) -> [String] {
            g.phrases.map { "\($0.functions) \($0.language) \($0.phrase) \($0.exact)" }.sorted()
        }
        #expect(functions(back) == functions(glossary))
        #expect(phrases(back) == phrases(glossary))
    }

    @Test func csvExportRefusesAPhraseItCouldNotSplitBack() throws {
        let glossary = try GlossaryReader.load([[.init(name: "g.tsv", text: "id\tgroup\ten\tru\nx\texecution\tX\tИкс\n\nfunction\tlang\tphrase\nx\ten\tthis; that\n")]])
        let error = #expect(throws: Diagnostic.self) { try GlossaryCSVWriter.csv(glossary) }
        #expect(error?.path == "g.tsv" && error?.line == 5)
        #expect(!GlossaryTBXWriter.tbx(glossary).isEmpty, "TBX has no such limit")
    }

    @Test func tbxExportEscapesMarkup() throws {
        let glossary = try GlossaryReader.load([[.init(name: "g.tsv", text: "id\tgroup\ten\tru\nx\texecution\tR&D <labs>\tИкс\n\nfunction\tlang\tphrase\nx\ten\tQ&A \"live\"\n")]])
        let tbx = GlossaryTBXWriter.tbx(glossary)
        #expect(tbx.contains("<term>Q&amp;A &quot;live&quot;</term>"))
        let back = try GlossaryImporter.read(bytes: Array(tbx.utf8), path: "x.tbx").glossary
        #expect(back.phrases.first?.phrase == "Q&A \"live\"")
        #expect(back.function("x")?.labels["en"] == "R&D <labs>")
    }

    @Test func tsvExportHoldsEveryTableAndLoadsAsOneFile() throws {
        let glossary = try GlossaryReader.load(layers: [])
        let text = GlossaryWriter.tsv(glossary)
        let back = try GlossaryReader.load([[.init(name: "all.tsv", text: text)]])
        #expect(back.functions.count == glossary.functions.count && back.phrases.count == glossary.phrases.count)
        #expect(back.cues.count == glossary.cues.count && back.hedges.count == glossary.hedges.count)
        #expect(back.stopwords.count == glossary.stopwords.count && back.synonyms.count == glossary.synonyms.count)
    }

    // MARK: End to end

    /// The whole loop with the binary: import to a folder, export it, import the export.
    @Test(arguments: ["campaign-terms.tbx", "campaign-terms.csv"], Format.allCases)
    func roundTripThroughTheCommandLine(fixture: String, format: Format) throws {
        let folder = try TestPaths.temporaryDirectory()
        let first = folder.appendingPathComponent("first").path, second = folder.appendingPathComponent("second").path
        let exported = folder.appendingPathComponent("exported.\(format)").path
        let imported = try CLI.run(["glossary", "import", TestPaths.fixture("glossary/" + fixture), "--no-default-glossary", "--output", first])
        #expect(imported.status == 0, "\(imported.stderr)")
        let export = try CLI.run(["glossary", "export", "--no-default-glossary", "--glossary", first, "--format", format.rawValue, "--output", exported])
        #expect(export.status == 0 && export.stdout.isEmpty, "\(export.stderr)")
        let again = try CLI.run(["glossary", "import", exported, "--no-default-glossary", "--output", second])
        #expect(again.status == 0, "\(again.stderr)")
        for name in ["functions.tsv", "phrases.tsv"] {
            let a = try String(contentsOfFile: first + "/" + name, encoding: .utf8)
            let b = try String(contentsOfFile: second + "/" + name, encoding: .utf8)
            #expect(a == b, "\(name) differs after the round trip")
        }
    }

    @Test func exportWritesTheLayeredGlossaryToStandardOutput() throws {
        let result = try CLI.run(["glossary", "export", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(GlossaryCSVWriter.header.joined(separator: ",") + "\n"))
        #expect(result.stdout.contains("creative-direction,"))
        let bad = try CLI.run(["glossary", "export", "--format", "docx"])
        #expect(bad.status == 2)
    }
}
