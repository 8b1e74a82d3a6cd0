import Foundation
import Testing
@testable import CapDiffCore

/// `glossary import`: TBX in both shapes, CSV and TSV as CAT tools export them, one-line errors
/// for malformed files, and hostile XML refused.
@Suite struct GlossaryImportTests {
    func fixture(_ name: String) -> String { TestPaths.fixture("glossary/" + name) }

    func importText(_ text: String, name: String = "terms.tbx", options: GlossaryImportOptions = .init()) throws(Diagnostic) -> GlossaryImport {
        try GlossaryImporter.read(bytes: Array(text.utf8), path: name, options: options)
    }

    func phrases(_ result: GlossaryImport, _ function: String, _ language: String) -> [String] {
        result.glossary.phrases.filter { $0.functions == [function] && $0.language == language }.map(\.phrase)
    }

    /// A TBX file's body with the ISO 30042:2019 root around it.
    func tbx(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
          <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
          <text><body>
        \(body)
          </body></text>
        </tbx>
        """
    }

    // MARK: TBX

    @Test func tbx2019SubjectFieldsBecomeFunctionsAndTermsPhrases() throws {
        let result = try GlossaryImporter.read(path: fixture("campaign-terms.tbx"))
        #expect(result.glossary.functions.map(\.id) == ["paid-media", "merchandise", "community-management"])
        #expect(phrases(result, "paid-media", "en") == ["paid amplification", "boosted posts", "paid social", "media buying", "ad buying"])
        #expect(phrases(result, "paid-media", "ru") == ["таргетированная реклама", "платное продвижение", "закупка рекламы", "медиабаинг"])
        // The preferred term names the function, wherever it stands.
        let merchandise = try #require(result.glossary.function("merchandise"))
        #expect(merchandise.labels == ["en": "branded merchandise", "ru": "брендированная продукция"])
        #expect(merchandise.group == .execution && !merchandise.required)
    }

    @Test func forbiddenOtherLanguageAndUnassignedTermsAreLeftOutAndCounted() throws {
        let result = try GlossaryImporter.read(path: fixture("campaign-terms.tbx"))
        let all = Set(result.glossary.phrases.map(\.phrase))
        #expect(!all.contains("sponsored push"), "deprecatedTerm-admn-sts")
        #expect(!all.contains("ведение пабликов"), "supersededTerm-admn-sts")
        #expect(!all.contains("produits dérivés") && !all.contains("hashtag"))
        #expect(result.forbidden == 2)
        #expect(result.otherLanguages == ["fr": 1])
        #expect(result.withoutFunction == 1)
        #expect(result.summary.contains("2 forbidden or obsolete terms"))
        #expect(result.summary.contains("1 entry without a subjectField"))
    }

    @Test func the2008MartifShapeReadsLikeThe2019One() throws {
        let iso = try GlossaryImporter.read(path: fixture("campaign-terms.tbx"))
        let martif = try GlossaryImporter.read(path: fixture("campaign-terms.martif.tbx"))
        #expect(GlossaryWriter.tsv(martif.glossary) == GlossaryWriter.tsv(iso.glossary))
        #expect(martif.forbidden == iso.forbidden && martif.otherLanguages == iso.otherLanguages)
    }

    @Test func tbxMinAndDataCategoriesAsElements() throws {
        // Early TBX-Min: <TBX dialect="TBX-Min">, langGroup, termGroup, <subjectField> and
        // <termStatus> as elements.
        let text = """
            <TBX dialect="TBX-Min">
              <header><id>t</id><languages source="en" target="ru"/></header>
              <body>
                <conceptEntry id="C1">
                  <subjectField>Logistics</subjectField>
                  <langGroup xml:lang="en"><termGroup><term>product seeding</term><termStatus>approved</termStatus></termGroup>
                    <termGroup><term>gifting drop</term><termStatus>forbidden</termStatus></termGroup></langGroup>
                  <langGroup xml:lang="ru"><termGroup><term>посев продукта</term></termGroup></langGroup>
                </conceptEntry>
              </body>
            </TBX>
            """
        let result = try importText(text)
        #expect(result.glossary.phrases.map(\.phrase) == ["product seeding", "посев продукта"])
        #expect(result.glossary.phrases.allSatisfy { $0.functions == ["logistics"] })
        #expect(result.forbidden == 1)
    }

    @Test func functionFromAnotherDataCategoryOrOneForTheWholeFile() throws {
        let text = tbx("""
            <conceptEntry id="c1">
              <descrip type="subjectField">Marketing</descrip>
              <admin type="customerSubset">Aurora</admin>
              <langSec xml:lang="en"><termSec><term>launch event</term></termSec></langSec>
            </conceptEntry>
            """)
        #expect(try importText(text).glossary.phrases.first?.functions == ["marketing"])
        #expect(try importText(text, options: .init(functionFrom: "customerSubset")).glossary.phrases.first?.functions == ["aurora"])
        #expect(try importText(text, options: .init(function: "events")).glossary.phrases.first?.functions == ["events"])
        #expect(throws: Diagnostic.self) { try importText(text, options: .init(function: "two words")) }
    }

    @Test func languageCodesMapToEnglishAndRussian() {
        for code in ["en", "EN", "en-US", "en_GB", "eng", "English", "English_United_States"] {
            #expect(LanguageCode.capdiff(code) == "en", "\(code)")
        }
        for code in ["ru", "ru-RU", "RU", "rus", "Russian"] { #expect(LanguageCode.capdiff(code) == "ru", "\(code)") }
        for code in ["fr", "de-DE", "uk", "pt-BR"] { #expect(LanguageCode.capdiff(code) == nil, "\(code)") }
    }

    @Test func subjectsBecomeValidFunctionIDs() {
        #expect(FunctionID.from("Paid Media") == "paid-media")
        #expect(FunctionID.from("Hardware \\ Other Devices") == "hardware-other-devices")
        #expect(FunctionID.from("influencer-relations") == "influencer-relations")
        #expect(FunctionID.from("Закупка рекламы") == "закупка-рекламы")
        #expect(FunctionID.all(in: ["outreach+logistics"]) == ["outreach", "logistics"])
    }

    @Test func functionsTheLoadedGlossaryDefinesAreNotRedefined() throws {
        let result = try GlossaryImporter.read(path: fixture("campaign-terms.tbx"), options: .init(knownFunctions: ["paid-media"]))
        #expect(result.glossary.functions.map(\.id) == ["merchandise", "community-management"])
        #expect(!phrases(result, "paid-media", "en").isEmpty)
        // Layered over the default glossary, its phrases name the default's paid-media.
        let glossary = try GlossaryReader.load([GlossaryReader.defaultFiles,
                                                [.init(name: "imported.tsv", text: GlossaryWriter.tsv(result.glossary))]])
        #expect(glossary.function("paid-media")?.labels["en"] == "Paid media")
        #expect(glossary.phrases.contains { $0.phrase == "boosted posts" && $0.functions == ["paid-media"] })
    }

    // MARK: CSV and TSV

    @Test func memoQStyleCSVSplitsAlternativesAndHonoursQuotes() throws {
        let result = try GlossaryImporter.read(path: fixture("campaign-terms.csv"))
        #expect(result.glossary.functions.map(\.id) == ["paid-media", "merchandise", "community-management"])
        // ";" and "|" both separate alternatives; "paid   social" comes out with one space.
        #expect(phrases(result, "paid-media", "en") == ["paid amplification", "boosted posts", "paid social", "media buying", "ad buying"])
        #expect(phrases(result, "merchandise", "ru") == ["брендированная продукция", "мерч"])
        // The quoted definition holding "," and ";" is a column of its own, not terms.
        #expect(!result.glossary.phrases.contains { $0.phrase.contains("Items with the brand") })
        #expect(result.forbidden == 2 && result.otherLanguages == ["de": 1] && result.withoutFunction == 1)
        // Without a status, a row's first term names the function.
        #expect(result.glossary.function("merchandise")?.labels["en"] == "swag")
    }

    @Test func semicolonAndTabSeparatedFilesAreSniffed() throws {
        let semicolons = "Domain;EN;RU\nOutreach;\"creator casting| talent scouting\";кастинг авторов\n"
        let result = try importText(semicolons, name: "terms.csv")
        #expect(result.glossary.phrases.map(\.phrase) == ["creator casting", "talent scouting", "кастинг авторов"])
        let tabs = "function\ten-US\tru-RU\noutreach\tcreator casting; talent scouting\tкастинг авторов\n"
        #expect(try importText(tabs, name: "terms.tsv").glossary.phrases.count == 3)
        let utf16 = [UInt8]([0xFF, 0xFE]) + Array(tabs.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(try GlossaryImporter.read(bytes: utf16, path: "excel.txt").glossary.phrases.count == 3)
    }

    @Test func aSeparatorOptionReplacesTheDefaultOnes() throws {
        let text = "subject,en\nevents,meet & greet; Q&A / launch party\n"
        let result = try importText(text, name: "t.csv", options: .init(separator: "/"))
        #expect(result.glossary.phrases.map(\.phrase) == ["meet & greet; Q&A", "launch party"])
    }

    // MARK: Malformed files: one line naming the file and line

    @Test(arguments: [
        ("terms.tbx", "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body>\n<conceptEntry>\n</body></text></tbx>", 3, "not well-formed"),
        ("terms.tbx", "<?xml version=\"1.0\"?>\n<html><body/></html>", 2, "not TBX"),
        ("terms.tbx", "<martif>\n<text><body>\n<termEntry><descrip type=\"subjectField\">x</descrip>\n<langSet><tig><term>t</term></tig></langSet>\n</termEntry></body></text></martif>", 4, "no xml:lang"),
        ("terms.tbx", "<martif xml:lang=\"en\"><text><body><termEntry>\n<langSet>\n<tig><termNote type=\"partOfSpeech\">noun</termNote></tig>\n</langSet></termEntry></body></text></martif>", 3, "holds no <term>"),
        ("terms.csv", "subject,en,ru\npaid,\"paid media,платная реклама\nlogistics,seeding,посев\n", 2, "never closed"),
        ("terms.csv", "subject,en,ru\npaid,\"paid\" media,реклама\n", 2, "after a closing quote"),
        ("terms.csv", "subject,en\npaid,paid media,extra,cells\n", 2, "4 fields where the header has 2"),
        ("terms.csv", "subject,term,translation\npaid,paid media,реклама\n", 1, "no language column"),
        ("terms.tsv", "function\tlang\tphrase\npaid-media\ten\tpaid media\n", 1, "already in capdiff's glossary format"),
        ("terms.csv", "subject,en,match\npaid,paid media,fuzzy\n", 2, "match must be stem or exact"),
    ])
    func malformedFilesAreOneLineErrorsNamingFileAndLine(name: String, text: String, line: Int, message: String) {
        do {
            _ = try importText(text, name: name)
            Issue.record("expected an error for \(text.debugDescription)")
        } catch {
            #expect(error.path == name)
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error.message)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func aFileWithNothingToImportIsAnError() {
        let text = tbx("<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>orphan</term></termSec></langSec></conceptEntry>")
        let error = #expect(throws: Diagnostic.self) { try importText(text) }
        #expect(error?.message.contains("nothing to import") == true, "\(String(describing: error))")
    }

    // MARK: Hostile XML

    @Test(arguments: [
        // External entity (XXE): would read a local file into a term.
        """
        <?xml version="1.0"?>
        <!DOCTYPE tbx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry><descrip type="subjectField">x</descrip>
        <langSec xml:lang="en"><termSec><term>&secret;</term></termSec></langSec></conceptEntry></body></text></tbx>
        """,
        // Billion laughs: entities expanding exponentially.
        """
        <?xml version="1.0"?>
        <!DOCTYPE tbx [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
        <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>
        <tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry><descrip type="subjectField">x</descrip>
        <langSec xml:lang="en"><termSec><term>&f;</term></termSec></langSec></conceptEntry></body></text></tbx>
        """,
        // An external parameter entity, fetched over the network if allowed.
        """
        <?xml version="1.0"?>
        <!DOCTYPE tbx [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
        <tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body/></text></tbx>
        """,
    ])
    func hostileXMLIsRefused(text: String) {
        let error = #expect(throws: Diagnostic.self) { try importText(text, name: "hostile.tbx") }
        #expect(error?.path == "hostile.tbx")
        // Refused by XMLTree (a DOCTYPE declaring entities) or by libxml2 itself (an entity
        // reference loop): either way no entity is expanded.
        #expect(error?.message.lowercased().contains("entit") == true, "\(String(describing: error))")
    }

    @Test func aDoctypeNamingAnExternalDTDIsReadWithoutFetchingIt() throws {
        // As the LISA samples are written: the DTD is neither loaded nor needed.
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE martif SYSTEM \"http://127.0.0.1:9/TBXcoreStructV02.dtd\">\n"
            + "<martif xml:lang=\"en\"><text><body><termEntry><descrip type=\"subjectField\">events</descrip>"
            + "<langSet xml:lang=\"en\"><tig><term>launch party</term></tig></langSet></termEntry></body></text></martif>"
        #expect(try importText(text).glossary.phrases.map(\.phrase) == ["launch party"])
    }

    // MARK: Real TBX files (../shared, when present)

    @Test func realTBXSamplesImport() throws {
        guard let shared = TestPaths.shared else { return }
        let folder = shared.appendingPathComponent("external/glossary-real/tbx-format-samples")
        // IBM: ntig/termGrp, subject fields with "\", several English langSets in one entry.
        let ibm = try GlossaryImporter.read(path: folder.appendingPathComponent("okapi-ibm_tbx.tbx").path)
        #expect(ibm.glossary.phrases.filter { $0.functions == ["software"] }.map(\.phrase) == ["navigation trail", "branch", "samples gallery"])
        #expect(ibm.glossary.phrases.allSatisfy { $0.language == "en" } && ibm.otherLanguages.keys.sorted() == ["fr"])
        // Oracle: tig form, a trailing space inside <term>.
        let oracle = try GlossaryImporter.read(path: folder.appendingPathComponent("okapi-oracle_TBX.tbx").path)
        #expect(oracle.glossary.phrases.map(\.phrase) == ["Provincial Reporting Establishment", "PRE", "Target Value"])
        // Maryland: xml:lang="EN" on the root, one concept in four languages.
        let maryland = try GlossaryImporter.read(path: folder.appendingPathComponent("okapi-maryland.tbx").path)
        #expect(maryland.glossary.phrases.map(\.phrase) == ["scribe", "copyist"])
        #expect(maryland.otherLanguages == ["es": 4, "fr": 3, "it": 4])
        // windows-1254, no subject field: one function given for the whole file.
        let turkish = folder.appendingPathComponent("okapi-test02_win1254.tbx").path
        #expect(throws: Diagnostic.self) { try GlossaryImporter.read(path: turkish) }
        let decoded = try GlossaryImporter.read(path: turkish, options: .init(function: "demo"))
        #expect(decoded.glossary.phrases.map(\.phrase) == ["term with: éá and İı"])
    }

    // MARK: End to end

    @Test func importPrintsAGlossaryTheOtherCommandsRead() throws {
        let result = try CLI.run(["glossary", "import", fixture("campaign-terms.tbx")])
        #expect(result.status == 0)
        #expect(result.stderr.contains("imported 18 phrases"))
        // paid-media is the default glossary's: the import only adds phrases to it.
        #expect(!result.stdout.contains("paid-media\texecution"))
        #expect(result.stdout.contains("merchandise\texecution\tbranded merchandise\tбрендированная продукция"))
        let folder = try TestPaths.temporaryDirectory()
        let path = folder.appendingPathComponent("aurora.tsv").path
        try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        let outline = folder.appendingPathComponent("o.md").path
        try "## What we own\n- Branded merchandise for every creator.\n".write(toFile: outline, atomically: true, encoding: .utf8)
        let analysis = try CLI.run(["analyze", outline, "--glossary", path, "--format", "json"])
        #expect(analysis.status == 0)
        #expect(analysis.stdout.contains("\"function\": \"merchandise\""))
    }

    @Test func importExitStatuses() throws {
        let missing = try CLI.run(["glossary", "import", "no/such.tbx"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("capdiff: no/such.tbx: "))
        let folder = try TestPaths.temporaryDirectory()
        let bad = folder.appendingPathComponent("bad.csv").path
        try "subject,en\npaid,\"paid media\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let malformed = try CLI.run(["glossary", "import", bad])
        #expect(malformed.status == 2)
        #expect(malformed.stderr == "capdiff: \(bad):2: a quoted CSV field opened here is never closed; add the closing \"\n")
        let both = try CLI.run(["glossary", "import", bad, "--function", "x", "--function-from", "y"])
        #expect(both.status == 2)
    }
}
