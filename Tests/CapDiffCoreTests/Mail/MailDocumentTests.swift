import Foundation
import Testing
@testable import CapDiffCore

/// Mail as one document, for analyze, compare and drift.
@Suite struct MailDocumentTests {
    @Test func anEmlBecomesAnOutlineOfItsSendersOwnText() throws {
        let outline = try MailDocument.outline(path: MailFixtures.path("eml/plain-qp.eml"))
        let texts = outline.units.map(\.text)
        #expect(texts.contains("We own creative direction and the final creative sign-off."))
        #expect(!texts.contains { $0.contains("paid media") })  // signature and quote
        let analysis = Pipeline(glossary: MailFixtures.glossary).analyzer.analyze(outline)
        #expect(Set(analysis.claims.map(\.function)) == ["creative-direction", "outreach"])
        // Lines are the file's.
        let lines = try String(contentsOfFile: MailFixtures.path("eml/plain-qp.eml"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let unit = try #require(outline.units.first { $0.text.hasPrefix("We need you") })
        #expect(lines[unit.line - 1].hasPrefix("We need you"))
    }

    @Test func anMboxBecomesOneOutlineOfEveryMessage() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: MailFixtures.path("unmunged.mbox"))))
        let outline = try MailDocument.outline(bytes: bytes, path: "unmunged.mbox")
        let texts = outline.units.map(\.text)
        #expect(texts.contains("We own creative direction."))
        #expect(texts.contains("Аутрич берём на себя."))
    }

    @Test func aMaildirFolderIsReadByPath() throws {
        let outline = try MailDocument.outline(path: MailFixtures.path("maildir"))
        #expect(outline.units.count == 2)
    }

    @Test func charsetCorrectionsBecomeWarnings() throws {
        let outline = try MailDocument.outline(path: MailFixtures.path("eml/wrong-label-koi8-as-1251.eml"))
        #expect(outline.warnings.contains { $0.message.contains("read as koi8-r") })
        #expect(outline.units.contains { $0.text.hasPrefix("Логистику") })
    }

    @Test func mailWithNoTextOfItsOwnIsAnError() throws {
        let bytes = Array("From: a@b.c\nSubject: fwd\n\n> All quoted.\n> Nothing new.\n".utf8)
        #expect(throws: Diagnostic.self) { try MailDocument.outline(bytes: bytes, path: "quoted.eml") }
    }
}
