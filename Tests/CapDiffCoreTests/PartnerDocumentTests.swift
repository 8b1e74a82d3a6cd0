import Foundation
import Testing
@testable import CapDiffCore

/// Partners' documents as they arrive (fixtures/partners, made by make_fixtures.py): PDFs
/// exported by LibreOffice, a PowerPoint deck, an OpenDocument text, a saved web page, a scan
/// and hostile PDFs. A document and its PDF export give the same claims; evidence reads
/// "page 3, line 12" and "slide 4, line 2" in every output format.
@Suite struct PartnerDocumentTests {
    static func partner(_ name: String) -> String { TestPaths.fixture("partners/" + name) }
    /// Paths as a user types them from the package root: goldens do not depend on the checkout.
    static func relative(_ name: String) -> String { "fixtures/partners/" + name }

    /// A document's claims as (function, stance, scope, text) and its ambiguous lines as
    /// (kinds, text), each once: lines differ between formats (a DOCX paragraph is one line, a
    /// PDF wraps it over several), what is claimed must not.
    static func reading(_ name: String, notes: Bool = false) throws -> (claims: Set<String>, ambiguities: Set<String>) {
        let pipeline = try Shared.pipeline()
        pipeline.readOptions.notes = notes
        let analysis = try pipeline.analyze(path: partner(name))
        return (Set(analysis.claims.map { "\($0.function) \($0.stance) \($0.text)" }),
                Set(analysis.ambiguities.map { "\($0.kinds) \($0.text)" }))
    }

    // MARK: A document and its PDF export

    @Test(arguments: [("our-outline.docx", "our-outline.pdf"), ("our-outline.odt", "our-outline.pdf"),
                      ("proposal.odt", "proposal.pdf"), ("partner-deck.pptx", "partner-deck.pdf")])
    func aDocumentAndItsPDFExportGiveTheSameClaims(source: String, export: String) throws {
        let a = try Self.reading(source), b = try Self.reading(export)
        #expect(a.claims.count >= 5)
        #expect(a.claims == b.claims)
        #expect(a.ambiguities == b.ambiguities)
    }

    @Test func theOutlineReadsAsItsMarkdownOriginal() throws {
        // our-outline is fixtures/northwind.md set as a Word document; its one addition is a
        // paragraph of schedule prose, which claims nothing.
        let pdf = try Self.reading("our-outline.pdf")
        let markdown = try Shared.pipeline().analyze(path: TestPaths.fixture("northwind.md"))
        #expect(Set(pdf.claims.map { $0.split(separator: " ").prefix(2).joined(separator: " ") })
                    .isSuperset(of: markdown.claims.filter { $0.function != "legal-contracts" }.map { "\($0.function) \($0.stance)" }))
    }

    @Test func compareADeckPDFWithAWordOutlineGivesTheRowsOfTheirSources() throws {
        let fromExports = try ReaderCompareTests.rows(Self.partner("partner-deck.pdf"), Self.partner("our-outline.docx"))
        let fromSources = try ReaderCompareTests.rows(Self.partner("partner-deck.pptx"), Self.partner("our-outline.odt"))
        #expect(fromExports.rows.count >= 10)
        #expect(fromExports.rows == fromSources.rows)
        #expect(fromExports.status == ExitStatus.differences.rawValue)
    }

    // MARK: Golden outputs, with page and slide locations in every format

    @Test(arguments: ["our-outline.pdf", "proposal.pdf", "partner-deck.pdf", "partner-deck.pptx", "our-outline.odt", "services.html"])
    func analyzeGolden(name: String) throws {
        for format in ["text", "json", "markdown"] {
            let result = try CLI.run(["analyze", Self.relative(name), "--format", format])
            #expect(result.status == 0, "\(name) \(format): \(result.stderr)")
            #expect(result.stderr.isEmpty)
            let ext = ["text": "txt", "json": "json", "markdown": "md"][format]!
            try Golden.check(result.stdout, "partners/analyze-\(name.replacingOccurrences(of: ".", with: "-")).\(ext)")
        }
    }

    @Test func compareGoldenInEveryFormat() throws {
        for (format, ext) in [("text", "txt"), ("json", "json"), ("markdown", "md"), ("html", "html")] {
            let result = try CLI.run(["compare", Self.relative("partner-deck.pdf"), Self.relative("our-outline.docx"), "--format", format])
            #expect(result.status == ExitStatus.differences.rawValue, "\(format): \(result.stderr)")
            try Golden.check(result.stdout, "partners/compare-deck-pdf-outline-docx.\(ext)")
        }
        let text = try CLI.run(["compare", Self.relative("partner-deck.pdf"), Self.relative("our-outline.pdf")]).stdout
        #expect(text.contains("our-outline, page 1, line 22  hedge"))
        let html = try CLI.run(["compare", Self.relative("partner-deck.pptx"), Self.relative("our-outline.pdf"), "--format", "html"]).stdout
        #expect(html.contains("page 1, line 15"))
        let ru = try CLI.run(["compare", Self.relative("partner-deck.pptx"), Self.relative("proposal.pdf"), "--format", "html"]).stdout
        #expect(ru.contains("слайд 2, строка 2") && ru.contains("страница 1, строка"))
    }

    @Test func playbookNamesPagesAndSlides() throws {
        let result = try CLI.run(["playbook", Self.relative("partner-deck.pptx"), Self.relative("our-outline.pdf"), "--format", "markdown", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        try Golden.check(result.stdout, "partners/playbook-deck-outline.md")
        #expect(result.stdout.contains("page 1, line 22"))
        #expect(result.stdout.contains("slide "))
    }

    @Test func jsonKeepsTheContractsLineAndAddsPageOrSlide() throws {
        let pdf = try JSONSerialization.jsonObject(with: Data(try CLI.run(["analyze", Self.partner("our-outline.pdf"), "--format", "json"]).stdout.utf8)) as? [String: Any]
        let claims = try #require(pdf?["claims"] as? [[String: Any]])
        let paid = try #require(claims.first { $0["function"] as? String == "paid-media" })
        #expect(paid["page"] as? Int == 2 && paid["line"] as? Int == 2 && paid["slide"] == nil)
        let deck = try JSONSerialization.jsonObject(with: Data(try CLI.run(["analyze", Self.partner("partner-deck.pptx"), "--format", "json"]).stdout.utf8)) as? [String: Any]
        let deckClaims = try #require(deck?["claims"] as? [[String: Any]])
        let creative = try #require(deckClaims.first { $0["function"] as? String == "creative-direction" })
        #expect(creative["slide"] as? Int == 2 && creative["line"] as? Int == 2 && creative["page"] == nil)
        // A file without pages keeps the contract's shape exactly.
        let md = try JSONSerialization.jsonObject(with: Data(try CLI.run(["analyze", TestPaths.fixture("northwind.md"), "--format", "json"]).stdout.utf8)) as? [String: Any]
        #expect((md?["claims"] as? [[String: Any]])?.allSatisfy { $0["page"] == nil && $0["slide"] == nil } == true)
    }

    // MARK: explain FILE:PAGE:LINE

    @Test func explainAPagesLine() throws {
        let result = try CLI.run(["explain", Self.relative("our-outline.pdf") + ":2:2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("fixtures/partners/our-outline.pdf, page 2, line 2\n"))
        #expect(result.stdout.contains("text:        We don't handle paid media or ad buying in Russia."))
        #expect(result.stdout.contains("paid-media@ru excludes (page 2, line 2, cue \"don't\")"))
        let slide = try CLI.run(["explain", Self.relative("partner-deck.pptx") + ":5:2", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(slide.stdout.utf8)) as? [String: Any])
        #expect(json["slide"] as? Int == 5 && json["line"] as? Int == 2)
    }

    @Test func explainWithoutAPageSaysHowToNameOne() throws {
        let result = try CLI.run(["explain", Self.relative("our-outline.pdf") + ":12"])
        #expect(result.status == ExitStatus.trouble.rawValue)
        #expect(result.stderr == "capdiff: fixtures/partners/our-outline.pdf: counts its lines per page; name the page too: fixtures/partners/our-outline.pdf:PAGE:LINE, such as fixtures/partners/our-outline.pdf:12:1\n")
        let beyond = try CLI.run(["explain", Self.relative("our-outline.pdf") + ":2:99"])
        #expect(beyond.status == ExitStatus.trouble.rawValue && beyond.stderr.contains("page 2 has 7 lines of text, not 99"))
    }

    // MARK: PDF layout

    @Test func runningHeadersFootersAndPageNumbersAreDropped() throws {
        let outline = try DocumentReader.read(path: Self.partner("our-outline.pdf"))
        #expect(!outline.units.contains { $0.text.contains("Page 1 of 2") || $0.text.contains("capabilities for the Aurora launch") })
        #expect(outline.pages == PageMap(kind: .page, ends: [42, 49]))
        #expect(outline.units[0] == Unit(kind: .title, line: 1, text: "Northwind Creative — what we bring to the Aurora skincare launch"))
        let heading = try #require(outline.units.first { $0.text == "What we need from you" })
        #expect(heading.kind == .heading(level: 2))
        let numbered = outline.units.filter { $0.kind == .item && $0.marker != "-" }
        #expect(numbered.map(\.marker) == ["1.", "2.", "3."])
        let table = outline.units.filter { $0.kind == .tableRow }.map(\.cells)
        #expect(table == [["Creator payments", "✓", ""], ["Legal review", "✓", "✓"]])
    }

    @Test func twoColumnsReadColumnByColumnAndHyphenationJoined() throws {
        let outline = try DocumentReader.read(path: Self.partner("proposal.pdf"))
        let items = outline.units.filter { $0.kind == .item }.map(\.text)
        #expect(items.prefix(5) == [
            "Креативная концепция и общая идея кампании: это наша основная экспертиза.",
            "Работа с блогерами: со многими авторами мы сотрудничаем годами.",
            "Поиск и привлечение блогеров, переговоры об участии.",
            "Знание российского рынка и аудитории.",
            "Продакшн: съёмка и монтаж в нашей студии.",
        ])
        #expect(outline.units.contains { $0.text.hasPrefix("Отправка продукции блогерам будет организована к началу съёмок") })
        // A paragraph that runs from the foot of the left column to the head of the right one.
        #expect(outline.units.filter { $0.text == "Календарь публикаций согласуем на первой неделе; каждая волна запуска начинается с тестовых публикаций." }.count == 4)
    }

    @Test func synthesizedLayout() {
        func line(_ page: Int, _ x: Double, _ y: Double, _ text: String, size: Double = 11, width: Double? = nil) -> PDFText.Line {
            PDFText.Line(page: page, x0: x, y0: y, x1: x + (width ?? Double(text.count) * size * 0.5), y1: y + size * 1.2,
                         fontSize: size, bold: false, text: text)
        }
        // Two pages with a running header, a page number and a word hyphenated over a line end.
        var lines: [PDFText.Line] = []
        for page in 1...2 {
            lines.append(line(page, 60, 30, "Volna Studio — proposal"))
            lines.append(line(page, 280, 800, "– \(page) –"))
        }
        lines += [line(1, 60, 100, "We own the manage-"), line(1, 60, 114, "ment of the campaign."),
                  line(2, 60, 100, "Page two says little.")]
        let layout = PDFLayout(text: PDFText(pages: [.init(width: 595, height: 842), .init(width: 595, height: 842)], lines: lines))
        let (read, ends) = layout.lines()
        #expect(read.map(\.text) == ["We own the manage-", "ment of the campaign.", "Page two says little."])
        #expect(ends == [2, 3])
        let blocks = PDFLayout.blocks(read)
        #expect(blocks.first == .paragraph([SourceLine(text: "We own the management", line: 1), SourceLine(text: "of the campaign.", line: 2)]))
        #expect(PDFLayout.isPageNumber("Page 3 of 10") && PDFLayout.isPageNumber("Стр. 3") && PDFLayout.isPageNumber("- iv -"))
        #expect(!PDFLayout.isPageNumber("2027 plans") && !PDFLayout.isPageNumber("Wave 2 of the launch"))
    }

    // MARK: PowerPoint

    @Test func deckSlidesTitlesNestedBulletsAndTable() throws {
        let outline = try DocumentReader.read(path: Self.partner("partner-deck.pptx"))
        try Golden.check(outline.dump, "partners/reader-partner-deck-pptx.txt")
        #expect(outline.pages?.kind == .slide && outline.pages?.ends.count == 5)
        #expect(outline.units[0].kind == .title && outline.units[0].text == "Север Медиа — кампания Aurora")
        let nested = try #require(outline.units.first { $0.text == "поиск и привлечение блогеров;" })
        let scope = try #require(nested.scope)
        #expect(nested.kind == .item && outline.units[scope].text == "За что мы отвечаем")
        #expect(outline.units.filter { $0.kind == .tableRow }.map(\.cells) == [["Закупка рекламы", "", "✓"], ["Коммуникация с клиентом", "", "✓"]])
        // Slide numbers are not text.
        #expect(!outline.units.contains { $0.text.allSatisfy(\.isNumber) })
    }

    @Test func speakerNotesOnlyWithNotes() throws {
        let without = try Self.reading("partner-deck.pptx")
        let with = try Self.reading("partner-deck.pptx", notes: true)
        #expect(!without.claims.contains { $0.hasPrefix("paid-media owns") })
        #expect(with.claims.contains("paid-media owns Устно: закупку рекламы мы тоже берём на себя."))
        let cli = try CLI.run(["analyze", Self.relative("partner-deck.pptx"), "--notes"])
        #expect(cli.stdout.contains("слайд 5, строка 3"))
    }

    @Test func aDeckNamedAsAWordDocumentIsReadAsADeck() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let disguised = folder.appendingPathComponent("deck.docx").path
        try FileManager.default.copyItem(atPath: Self.partner("partner-deck.pptx"), toPath: disguised)
        #expect(try DocumentReader.read(path: disguised).pages?.kind == .slide)
        let pdf = folder.appendingPathComponent("outline.txt").path
        try FileManager.default.copyItem(atPath: Self.partner("our-outline.pdf"), toPath: pdf)
        #expect(try DocumentReader.read(path: pdf).pages?.kind == .page)
    }

    // MARK: Scans, encrypted and hostile PDFs

    @Test(arguments: [
        ("scan.pdf", "has no text layer (no text on its page: a scan?); run OCR first, then read the PDF it makes"),
        ("hostile/encrypted.pdf", "is an encrypted PDF that needs a password; save an unprotected copy (or print it to PDF) and read that"),
        ("hostile/loop.pdf", "has no text layer (no text on its 2 pages: a scan?); run OCR first, then read the PDF it makes"),
        ("hostile/pages-10000.pdf", "has 10000 pages, more than the 2000 capdiff reads; split it and read the part that describes the capabilities"),
        ("hostile/font-bomb.pdf", "needs more than 160 MB of memory to read (a damaged or hostile PDF, such as a compression bomb?); capdiff stopped reading it; save or print it to PDF again"),
    ])
    func unreadablePDFsGiveOneLineAndExit2(name: String, message: String) throws {
        let result = try CLI.run(["analyze", Self.relative(name)])
        #expect(result.status == ExitStatus.trouble.rawValue)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "capdiff: \(Self.relative(name)): \(message)\n")
    }

    @Test func aPDFThatTakesTooLongIsStopped() throws {
        // The deadline, shortened, stops the reader (the child process is killed).
        let bytes = try SourceFile.readBytes(Self.partner("hostile/pages-10000.pdf"))
        var limits = Poppler.Limits()
        limits.pages = 20_000
        limits.milliseconds = 50
        let error = #expect(throws: Diagnostic.self) { try Poppler.read(bytes, path: "slow.pdf", limits: limits) }
        #expect(error?.description.hasPrefix("slow.pdf: took longer than 0 s to read") == true)
    }

    @Test func objectCountIsCapped() throws {
        let bytes = Array("%PDF-1.4\ntrailer\n<< /Size 90000000 /Root 1 0 R >>\n%%EOF\n".utf8)
        let error = #expect(throws: Diagnostic.self) { try DocumentReader.read(bytes: bytes, path: "huge.pdf") }
        #expect(error?.description == "huge.pdf: declares 90000000 PDF objects, more than the 2000000 capdiff reads (a damaged or hostile file?); save or print it to PDF again")
    }

    @Test func aDamagedPDFIsOneLine() throws {
        let error = #expect(throws: Diagnostic.self) { try DocumentReader.read(bytes: Array("%PDF-1.7\n garbage".utf8), path: "bad.pdf") }
        #expect(error?.description.hasPrefix("bad.pdf: is not a readable PDF (") == true)
    }

    // MARK: Locations

    @Test func pageMapsRunningLinesBothWays() {
        let map = PageMap(kind: .page, ends: [3, 3, 7])
        #expect(map.location(ofLine: 1) == Location(.page, 1, line: 1))
        #expect(map.location(ofLine: 4) == Location(.page, 3, line: 1))
        #expect(map.location(ofLine: 7).text() == "page 3, line 4")
        #expect(map.location(ofLine: 7).text(.ru) == "страница 3, строка 4")
        #expect(map.runningLine(page: 3, line: 4) == 7)
        #expect(map.runningLine(page: 2, line: 1) == nil && map.runningLine(page: 4, line: 1) == nil)
        #expect(Location(line: 12).place("northwind") == "northwind:12")
        #expect(Location(.slide, 4, line: 2).place("deck") == "deck, slide 4, line 2")
    }
}
