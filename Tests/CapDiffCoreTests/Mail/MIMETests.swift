import Foundation
import Testing
@testable import CapDiffCore

/// MIME through GMime: transfer encodings, multipart shapes, attached messages, attachments,
/// RFC 2047 words and RFC 2231 parameters.
@Suite struct MIMETests {
    @Test func quotedPrintableBodyIsDecodedAndItsLinesPointAtTheFile() throws {
        let record = try MailFixtures.record("eml/plain-qp.eml")
        #expect(MailFixtures.claims(record) == ["creative-direction owns", "outreach needs"])
        // Quoted-printable keeps lines apart: the claim's line holds the claim in the file.
        let lines = try String(contentsOfFile: MailFixtures.path("eml/plain-qp.eml"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let claim = try #require(record.claims.first { $0.function == "creative-direction" })
        #expect(lines[claim.line - 1].hasPrefix("We own creative direction"))
    }

    @Test func base64BodyIsDecoded() throws {
        let record = try MailFixtures.record("eml/cp1251-base64-outlook.eml")
        #expect(MailFixtures.claims(record) == ["logistics owns"])
    }

    @Test func plainTextIsPreferredToItsHTMLAlternative() throws {
        // The HTML alternative says something else ("We own logistics"): it must not be read.
        let record = try MailFixtures.record("eml/alternative.eml")
        #expect(MailFixtures.claims(record) == ["creative-direction owns"])
    }

    @Test func anHTMLOnlyMessageIsReadAsText() throws {
        let texts = try MailFixtures.texts("eml/html-only.eml")
        let own = MailFixtures.ownLines(texts)
        #expect(own.contains("We own performance analysis"))
        #expect(own.contains("- We run paid media."))
        // The title, the signature and the blockquote are not the sender's claims.
        #expect(!own.contains { $0.contains("paid media") && !$0.hasPrefix("- ") })
        #expect(!own.contains { $0.contains("client relations") || $0.contains("media budget") })
        let record = try MailFixtures.record("eml/html-only.eml")
        #expect(MailFixtures.claims(record) == ["performance-analysis owns", "paid-media owns"])
    }

    @Test func aBlankPlainAlternativeFallsBackToHTML() throws {
        let record = try MailFixtures.record("eml/empty-plain.eml")
        #expect(MailFixtures.claims(record) == ["logistics owns"])
    }

    @Test func nestedMultipartsAttachmentsAndAnAttachedMessage() throws {
        let record = try MailFixtures.record("eml/nested.eml")
        // The body (multipart/mixed > alternative > plain), then the documents attached.
        #expect(MailFixtures.claims(record) == ["campaign-management owns", "legal-contracts owns",
                                                 "budget-payments owns", "localization owns"])
        #expect(record.claims.first { $0.function == "legal-contracts" }?.attachment == "роли.md")  // RFC 2231 name
        #expect(record.attachmentsRead == ["роли.md", "notes.txt", "deck.html"])
        // The CSV and the forwarded message are counted, not read: its "paid media" is not ours.
        #expect(record.attachmentsSkipped.contains { $0.hasPrefix("shortlist.csv") })
        #expect(record.attachmentsSkipped.contains { $0.contains("message/rfc822") })
        #expect(!record.claims.contains { $0.function == "paid-media" })
    }

    @Test func aWordAttachmentIsReadByTheDOCXReader() throws {
        let record = try MailFixtures.record("eml/docx-attachment.eml")
        #expect(record.attachmentsRead == ["northwind.docx"])
        #expect(record.claims.contains { $0.function == "creative-direction" && $0.stance == .owns && $0.attachment == "northwind.docx" })
        #expect(record.claims.contains { $0.function == "paid-media" && $0.stance == .excludes })
    }

    @Test func encodedWordsInSubjectAndSenderAreDecoded() throws {
        let koi8 = try MailFixtures.record("eml/koi8r.eml")
        #expect(koi8.subject == "Роли в проекте")
        #expect(koi8.fromName == "Анна Петрова")
        #expect(koi8.from == "anna@sever-media.ru")
    }

    @Test func encodedWordsSplitAfterBase64PaddingAreAllDecoded() throws {
        // GMime alone drops every word after one that ends in "=" padding.
        let (records, _) = try MailFixtures.read([MailFixtures.path("threads.mbox")])
        #expect(records.contains { $0.subject == "Пересл: Voltra: кто за что отвечает" })
    }

    @Test func threadingHeadersAreParsedWithoutBrackets() throws {
        let (records, _) = try MailFixtures.read([MailFixtures.path("threads.mbox")])
        let reply = try #require(records.first { $0.messageID == "<t1.b@sever-media.ru>" })
        #expect(reply.id == "t1.b@sever-media.ru")
        #expect(reply.inReplyTo == ["t1.a@northwind-agency.com"])
        #expect(reply.references == ["t1.a@northwind-agency.com"])
        #expect(reply.date == 1_799_738_400)  // Tue, 12 Jan 2027 10:20:00 +0300
    }

    @Test func aContentTypeWithoutSubtypeIsPlainText() throws {
        let raw = Array("From: a@b.c\nContent-Type: text; charset=us-ascii\n\nWe own logistics.\n".utf8)
        let message = try MessageTextReader().parse(RawMessage(file: "t", number: 1, offset: 0, line: 1, bytes: raw))
        #expect(message.parts.first?.type == "text/plain")
    }

    @Test func aMissingBlankLineAfterHeadersStartsTheBody() throws {
        let raw = Array("From: a@b.c\nSubject: s\nWe own logistics.\n".utf8)
        let texts = try MessageTextReader().texts(RawMessage(file: "t", number: 1, offset: 0, line: 1, bytes: raw))
        #expect(texts.body?.lines.first?.text == "We own logistics.")
        // The line is the file's third: the inserted separator is not counted.
        #expect(texts.body?.lines.first?.fileLine == 3)
    }
}
