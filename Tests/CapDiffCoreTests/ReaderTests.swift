import Foundation
import Testing
@testable import CapDiffCore

/// The readers of structured documents: HTML, XHTML, XML and DOCX give the units the same
/// outline written in Markdown gives, with their own line numbers.
@Suite struct ReaderTests {
    static func document(_ name: String) -> String { TestPaths.fixture("documents/" + name) }

    static func read(_ path: String) throws -> Outline {
        try DocumentReader.read(path: path)
    }

    // MARK: HTML and XHTML

    @Test func htmlHeadingsListsTablesAndEntities() throws {
        let outline = try Self.read(Self.document("northwind.html"))
        try Golden.check(outline.dump, "reader-northwind-html.txt")
        let units = outline.units
        #expect(units[0].kind == .title)
        #expect(units[0].text == "Northwind Creative — what we bring to the Aurora skincare launch")
        // Entities decoded: &rsquo; &#39; &#x27; &#10003;
        #expect(units.contains { $0.text == "Prepared for Sever Media ahead of Thursday’s kickoff call." })
        #expect(units.contains { $0.kind == .heading(level: 2) && $0.text == "What we can't do" })
        #expect(units.contains { $0.text == "We don't handle paid media or ad buying in Russia." })
        // The head's title, style and script are not text.
        #expect(!units.contains { $0.text.contains("We handle paid media") || $0.text.contains("We own nothing") || $0.text == "Northwind Creative — capabilities" })

        let header = try #require(units.firstIndex { $0.kind == .tableHeader })
        #expect(units[header].cells == ["Function", "Us", "You"])
        let rows = units.filter { $0.kind == .tableRow }
        #expect(rows.map(\.cells) == [["Creator payments", "✓", ""], ["Legal review of creator contracts", "✓", "✓"]])
        #expect(rows.allSatisfy { $0.tableHeader == header })

        let item = try #require(units.first { $0.text.hasPrefix("Writing the creative briefs") })
        #expect(item.kind == .item && item.marker == "-" && item.line == 17)
        #expect(units[try #require(item.scope)].text == "What we own")
        // A paragraph over two source lines maps its second line back.
        let prose = try #require(units.last)
        #expect(prose.kind == .prose && prose.line == 50)
        #expect(prose.line(atOffset: prose.text.utf8.count - 1) == 51)
    }

    @Test func htmlGivesTheUnitsOfTheSameOutlineInMarkdown() throws {
        let html = try Self.read(Self.document("northwind.html"))
        let markdown = try Self.read(TestPaths.fixture("northwind.md"))
        #expect(html.shape == markdown.shape)
    }

    @Test func xhtmlThroughTheHTMLParser() throws {
        let outline = try Self.read(Self.document("roles.xhtml"))
        try Golden.check(outline.dump, "reader-roles-xhtml.txt")
        let units = outline.units
        // &nbsp; (declared only in the DTD, which is never loaded) decodes like any HTML entity.
        #expect(units[0] == Unit(kind: .title, line: 6, text: "Север Медиа: роли в кампании"))
        // An all-bold paragraph is a label, like a Markdown "**Наша зона**" line.
        #expect(units[1].kind == .label && units[1].text == "Наша зона")
        let items = units.filter { $0.kind == .item }
        #expect(items.map(\.marker) == ["b.", "c.", "-", "-"])
        #expect(items[1].text == "Поиск блогеров, переговоры об участии." && items[1].line == 10)
        #expect(items[1].line(atOffset: items[1].text.utf8.count - 1) == 11)
        #expect(items.prefix(3).allSatisfy { $0.scope == 1 })
        // <br/> ends a label line; the <dt> is a label over its <dd>.
        let label = try #require(units.firstIndex { $0.text == "Что нам нужно от вас" })
        #expect(units[label + 1].kind == .prose && units[label + 1].scope == label)
        #expect(items[3].text == "Закупку рекламы.")
        #expect(units[try #require(items[3].scope)].text == "Не делаем")
    }

    @Test func lineBreaksAndPreformattedTextReadLikePlainText() throws {
        let html = """
            <div><b>What we own</b><br>- Creative direction<br>- Writing the briefs<br><br>What we need from you:<br>1. Outreach</div>
            <pre>
            Our side:
            - Paid media
              and ad buying
            </pre>
            <p>We own the

            relationship with the client.</p>
            """
        let units = try DocumentReader.read(bytes: Array(html.utf8), path: "mail.html").units
        try Golden.check(Outline(path: "mail.html", units: units).dump, "reader-line-breaks-html.txt")
        #expect(units.map(\.kind) == [.label, .item, .item, .label, .item, .label, .item, .prose])
        #expect(units.map(\.marker) == [nil, "-", "-", nil, "1.", nil, "-", nil])
        #expect(units[1].scope == 0 && units[4].scope == 3 && units[6].scope == 5)
        // Lines keep their source lines, across the gaps a blank line leaves too.
        #expect(units[6].text == "Paid media and ad buying" && units[6].line == 4)
        #expect(units[6].line(atOffset: units[6].text.utf8.count - 1) == 5)
        #expect(units[7].line == 7 && units[7].line(atOffset: units[7].text.utf8.count - 1) == 9)
    }

    @Test func aShortParagraphAboveAListLabelsItAsInMarkdown() throws {
        let html = "<p>Roles</p>\n<p>What we'll handle</p>\n<ul><li>Creative direction.</li></ul>\n<p>Later</p>\n<p>We own the briefs.</p>"
        let units = try DocumentReader.read(bytes: Array(html.utf8), path: "roles.html").units
        let markdown = OutlineReader().read(SourceText(path: "roles.md", text: "Roles\n\nWhat we'll handle\n\n- Creative direction.\n\nLater\n\nWe own the briefs.\n"))
        #expect(units.map(\.kind) == [.title, .label, .item, .prose, .prose])
        #expect(Outline(path: "", units: units).shape == markdown.shape)
    }

    @Test func charsetFromTheXMLDeclarationOrAMetaElement() throws {
        // «Мы отвечаем за креатив.» in windows-1251.
        let cp1251: [UInt8] = [0xCC, 0xFB, 0x20, 0xEE, 0xF2, 0xE2, 0xE5, 0xF7, 0xE0, 0xE5, 0xEC, 0x20, 0xE7, 0xE0, 0x20,
                               0xEA, 0xF0, 0xE5, 0xE0, 0xF2, 0xE8, 0xE2, 0x2E]
        let xhtml = Array("<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>".utf8)
            + cp1251 + Array("</p></body></html>".utf8)
        let html = Array("<html><head><meta charset=\"windows-1251\"></head><body><p>".utf8) + cp1251 + Array("</p></body></html>".utf8)
        for bytes in [xhtml, html] {
            let outline = try DocumentReader.read(bytes: bytes, path: "roles.html")
            #expect(outline.units.map(\.text) == ["Мы отвечаем за креатив."])
        }
        // Without a charset, UTF-8 (libxml2 alone would assume ISO-8859-1).
        let utf8 = try DocumentReader.read(bytes: Array("<p>Мы отвечаем за креатив.</p>".utf8), path: "roles.html")
        #expect(utf8.units.map(\.text) == ["Мы отвечаем за креатив."])
        #expect(utf8.warnings.isEmpty)
        let invalid = try DocumentReader.read(bytes: Array("<p>Мы\n".utf8) + [0xFF] + Array(" отвечаем.</p>".utf8), path: "bad.html")
        #expect(invalid.warnings.map(\.line) == [2])
    }

    @Test func realHTMLKeepsSectionsAndListNumbering() throws {
        guard let shared = TestPaths.shared else { return }
        let path = shared.appendingPathComponent("external/parallel-legal/raw/cc_by_4.0_legalcode.en.html").path
        let units = try Self.read(path).units
        let sections = units.filter { $0.kind == .label && $0.text.hasPrefix("Section ") }
        #expect(sections.count == 8)
        #expect(sections.first?.text == "Section 1 – Definitions." && sections.first?.line == 37)
        let adapted = try #require(units.first { $0.text.hasPrefix("Adapted Material means") })
        #expect(adapted.kind == .item && adapted.marker == "a." && adapted.line == 40)
        #expect(units[try #require(adapted.scope)].text == "Section 1 – Definitions.")
        let reproduce = try #require(units.first { $0.text.hasPrefix("reproduce and Share the Licensed Material") })
        #expect(reproduce.marker == "A." && reproduce.line == 72)
    }

    // MARK: XML

    @Test func xmlElementsWithTextAreParagraphs() throws {
        let outline = try Self.read(Self.document("roles.xml"))
        try Golden.check(outline.dump, "reader-roles-xml.txt")
        #expect(outline.units.map(\.text) == [
            "We own creative direction and the big idea.",
            "We write the creative briefs for every creator.",
            "We need outreach to Russian creators from you.",
            "We don't handle paid media & ad buying.",
        ])
        #expect(outline.units.map(\.line) == [5, 6, 10, 12])
        #expect(outline.units[1].line(atOffset: outline.units[1].text.utf8.count - 1) == 7)
    }

    @Test func realXMLKeepsItsSourceLines() throws {
        guard let shared = TestPaths.shared else { return }
        let path = shared.appendingPathComponent("external/parallel-legal/raw/udhr_eng.xml").path
        let units = try Self.read(path).units
        let source = try String(contentsOfFile: path, encoding: .utf8).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let articles = units.filter { $0.text.hasPrefix("Article ") }
        #expect(articles.count == 30)
        for article in articles {
            #expect(source[article.line - 1].contains("<title>\(article.text)</title>"), "\(article.text) at line \(article.line)")
        }
    }

    // MARK: DOCX

    @Test func docxHeadingsNumberedListsAndTables() throws {
        let outline = try Self.read(Self.document("northwind.docx"))
        try Golden.check(outline.dump, "reader-northwind-docx.txt")
        let units = outline.units
        #expect(units[0].kind == .title && units[0].line == 1)
        let items = units.filter { $0.kind == .item }
        // Numbered lists count (the second restarts), bullets are "-".
        #expect(items.map(\.marker) == ["1.", "2.", "3.", "4.", "5.", "-", "-", "1.", "2.", "3.", "-", "-"])
        // Lines are paragraph indexes: title 1, prose 2, heading 3, items 4…
        #expect(items.prefix(5).map(\.line) == [4, 5, 6, 7, 8])
        let header = try #require(units.firstIndex { $0.kind == .tableHeader })
        #expect(units[header].cells == ["Function", "Us", "You"])
        // Each cell is a paragraph, and the deleted one (19) counts: the header row is
        // paragraphs 20–22, the rows start at 23 and 26.
        #expect(units[header].line == 20)
        #expect(units.filter { $0.kind == .tableRow }.map(\.line) == [23, 26])
        // Tracked deletions are not text.
        #expect(!units.contains { $0.text.contains("everywhere") })
    }

    @Test func docxGivesTheUnitsOfTheSameOutlineInMarkdown() throws {
        for name in ["northwind", "sever-media"] {
            let docx = try Self.read(Self.document(name + ".docx"))
            let markdown = try Self.read(TestPaths.fixture(name + ".md"))
            #expect(docx.shape == markdown.shape, "\(name)")
        }
    }

    @Test func docxStylesAreFoundByNameWhateverTheirIds() throws {
        // sever-media.docx uses the ids a Russian Word writes ("2" for "heading 2").
        let outline = try Self.read(Self.document("sever-media.docx"))
        try Golden.check(outline.dump, "reader-sever-media-docx.txt")
        #expect(outline.units.filter { $0.kind == .heading(level: 2) }.map(\.text)
                == ["За что мы отвечаем", "Совместно", "Чего мы не делаем", "Что нам нужно от вас", "Примечания"])
        // Runs split a paragraph's text, whatever their formatting.
        #expect(outline.units.last?.text == "Оплату блогерам прoводим мы, закрывающие документы тоже за нами.")
        // A paragraph's line breaks set its lines apart, all at the paragraph's index.
        let notes = outline.units.suffix(3)
        #expect(notes.allSatisfy { $0.kind == .prose && $0.line == 19 && $0.line(atOffset: $0.text.utf8.count - 1) == 19 })
    }

    @Test func counterStyles() {
        #expect(CounterStyle(htmlType: "a").format(2) == "b")
        #expect(CounterStyle(htmlType: "A").format(28) == "BB")
        #expect(CounterStyle(htmlType: "i").format(4) == "iv")
        #expect(CounterStyle(wordFormat: "upperRoman").format(1999) == "MCMXCIX")
        #expect(CounterStyle(wordFormat: "russianLower").format(2) == "б")
        #expect(CounterStyle(wordFormat: "ordinal").format(3) == "3")
    }

    // MARK: Sniffing

    static let sniffCases: [(content: String, path: String, format: DocumentReader.Format)] = [
        ("<!DOCTYPE html>\n<p>We own it.</p>", "notes.txt", .html),
        ("<!DOCTYPE html>\n<p>We own it.</p>", "notes.md", .html),
        ("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"/>", "a.xml", .html),
        ("<!-- exported -->\n<html><body>x</body></html>", "a", .html),
        ("<div>We own it.</div>", "notes.txt", .html),
        ("<div>We own it.</div>\n\n# Roles", "notes.md", .markdown),
        ("<?xml version=\"1.0\"?><roles/>", "roles.html", .xml),
        ("<roles><own>Creative</own></roles>\n", "roles.txt", .xml),
        ("<Draft> Our roles, in short", "roles.txt", .text),
        ("<!-- draft -->\n# Roles\n- We own it.", "roles.md", .markdown),
        ("# Roles\n- We own it.", "roles.html", .text),
        ("From alice@example.com Mon Jan  1 00:00:00 2024\nFrom: Alice <alice@example.com>\nSubject: Roles\n\nWe own it.", "export.txt", .mbox),
        ("Received: from mx.example.com\nFrom: Alice <alice@example.com>\nSubject: Roles\n\nWe own it.", "message.txt", .eml),
        ("From: Northwind\nTo: Sever Media\nSubject: Roles\n\nWe own creative direction.", "memo.txt", .text),
        ("From: Northwind\nTo: Sever Media\nSubject: Roles\n\nWe own creative direction.", "memo.eml", .eml),
        ("From the start we owned creative direction.", "roles.txt", .text),
    ]

    @Test(arguments: sniffCases.indices)
    func sniffing(_ index: Int) {
        let (content, path, format) = Self.sniffCases[index]
        #expect(DocumentReader.sniff(Array(content.utf8), path: path) == format, "\(path): \(content.prefix(30))")
    }

    @Test func sniffingSeesThroughUTF16AndZIP() throws {
        let utf16: [UInt8] = [0xFF, 0xFE] + "<html><body><p>We own it.</p></body></html>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(DocumentReader.sniff(utf16, path: "a.txt") == .html)
        #expect(try DocumentReader.read(bytes: utf16, path: "a.txt").units.map(\.text) == ["We own it."])
        let docx = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.document("northwind.docx"))))
        #expect(DocumentReader.sniff(docx, path: "northwind.md") == .docx)
    }

    @Test func aWrongExtensionStillReadsRight() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, copy) in [("northwind.html", "northwind.txt"), ("northwind.docx", "northwind.md"), ("roles.xml", "roles.html")] {
            let target = folder.appendingPathComponent(copy)
            try FileManager.default.copyItem(atPath: Self.document(name), toPath: target.path)
            let copied = try Self.read(target.path).units
            #expect(try copied == Self.read(Self.document(name)).units, "\(copy)")
        }
    }

    @Test func foldersAreMaildirsOrRefused() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: Diagnostic.self) { try Self.read(folder.path) }
        #expect(error?.message == "is a folder, not a file; name a file inside it")
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        // An empty Maildir is read as mail, and has nothing to analyse.
        let mail = #expect(throws: Diagnostic.self) { try Self.read(folder.path) }
        #expect(mail?.message == "holds no messages")
    }

    @Test func aDocumentWithoutTextIsAnError() {
        let error = #expect(throws: Diagnostic.self) {
            try DocumentReader.read(bytes: Array("<html><head><title>Roles</title></head><body> </body></html>".utf8), path: "empty.html")
        }
        #expect(error?.description == "empty.html: holds no text (read as HTML); there is nothing to analyse")
    }
}

extension Outline {
    /// One line per unit, for golden files: line, kind (and marker), scope, text or cells.
    var dump: String {
        units.enumerated().map { index, unit in
            var kind: String
            switch unit.kind {
            case .title: kind = "title"
            case .heading(let level): kind = "h\(level)"
            case .label: kind = "label"
            case .item: kind = "item " + (unit.marker ?? "")
            case .tableHeader: kind = "header"
            case .tableRow: kind = "row ^\(unit.tableHeader ?? -1)"
            case .prose: kind = "prose"
            }
            let scope = unit.scope.map { "^\($0)" } ?? "-"
            let text = unit.cells.isEmpty ? unit.text : unit.cells.map { "[\($0)]" }.joined()
            return "\(index)\t\(unit.line)\t\(kind)\t\(scope)\t\(text)"
        }.joined(separator: "\n") + "\n"
    }

    /// The units without lines or list markers, typographic apostrophes made plain: what must
    /// not depend on a document's format.
    var shape: [String] {
        units.map { unit in
            "\(unit.kind) ^\(unit.scope.map(String.init) ?? "-") \(unit.cells) \(unit.text.replacingOccurrences(of: "’", with: "'"))"
        }
    }
}
