import Foundation
import Testing
@testable import CapDiffCore

/// Only what the sender wrote is credited: quotes, attributions, forwarded and Outlook-quoted
/// messages and signatures are removed.
@Suite struct ReplyTextTests {
    func own(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            MailText.Line(text: String($0.element), fileLine: $0.offset + 1, quoted: $0.element.hasPrefix(">"))
        }
        return ReplyText.ownText(MailText(lines: lines)).lines.map(\.text).filter { !$0.isEmpty }
    }

    @Test func quotedLinesAndTheirAttributionGo() {
        #expect(own("We own paid media.\n\nOn Mon, Jan 11, 2027 at 4:05 PM Anna <a@b.ru> wrote:\n> We own it.\n> Really.")
                == ["We own paid media."])
    }

    @Test func aWrappedAttributionGoesToo() {
        #expect(own("Fine.\nOn Mon, Jan 11, 2027 at 4:05 PM Anna Petrova\n<anna@sever-media.ru> wrote:\n> We own it.") == ["Fine."])
    }

    @Test func russianAttributionGoes() {
        #expect(own("Берём на себя логистику.\n\n11.01.2027 16:05, Michael Grant пишет:\n> We own it.") == ["Берём на себя логистику."])
    }

    @Test func inlineRepliesKeepTheSendersLines() {
        #expect(own("Anna,\nOn Tue, Anna wrote:\n> Who runs it?\nWe run it.\n> And paid?\nWe don't.")
                == ["Anna,", "We run it.", "We don't."])
    }

    @Test(arguments: ["-----Original Message-----", "-----Исходное сообщение-----", "---------- Forwarded message ---------",
                      "-------- Пересылаемое сообщение --------", "Begin forwarded message:"])
    func everythingAfterASeparatorGoes(separator: String) {
        #expect(own("We handle localization.\n\n\(separator)\nFrom: X\nSent: today\n\nWe own paid media.") == ["We handle localization."])
    }

    @Test func anUnmarkedHeaderBlockStartsAQuote() {
        #expect(own("Agreed.\n________________________________\nFrom: Anna\nSent: Monday\nTo: Michael\nSubject: Roles\n\nWe own it.")
                == ["Agreed."])
        #expect(own("Согласны.\n\nОт: Анна\nОтправлено: 11 января\nКому: Майкл\nТема: Роли\n\nМы отвечаем за всё.") == ["Согласны."])
    }

    @Test func anUnmarkedQuoteAfterAnAttributionGoes() {
        #expect(own("Yes.\nOn Jan 12, Anna wrote:\nWe own everything.") == ["Yes."])
    }

    @Test func theSignatureGoes() {
        #expect(own("We own it.\n-- \nMichael Grant | we run paid media") == ["We own it."])
        #expect(own("We own it.\n--\nMichael") == ["We own it."])
    }

    @Test func deviceSignaturesGo() {
        #expect(own("We own it.\n\nSent from my iPhone") == ["We own it."])
        #expect(own("Берём на себя.\n\nОтправлено с iPhone") == ["Берём на себя."])
    }

    @Test func proseThatMerelyMentionsAMessageStays() {
        let text = "From our side: we own creative direction.\nThe original message was clear.\nOn logistics, we need you."
        #expect(own(text) == text.split(separator: "\n").map(String.init))
    }

    @Test(arguments: [("eml/outlook-en.eml", ["localization owns"]), ("eml/forwarded.eml", []),
                      ("eml/inline-reply.eml", ["campaign-management owns", "paid-media excludes"]),
                      ("eml/koi8r.eml", ["outreach owns", "paid-media excludes"])])
    func replyStylesInMessages(fixture: String, expected: [String]) throws {
        #expect(MailFixtures.claims(try MailFixtures.record(fixture)) == Set(expected))
    }

    @Test func htmlBlockquotesAndSignaturesAreNotCredited() throws {
        let own = MailFixtures.ownLines(try MailFixtures.texts("eml/html-only.eml"))
        #expect(!own.contains { $0.contains("media budget") })  // in the <blockquote>
        #expect(!own.contains { $0.contains("client relations") })  // after "-- " in the signature <div>
    }

    @Test func quotedLinesAreEmptiedBeforeDecoding() {
        let bytes = Array("Ours.\n> Theirs, quoted.\n  > Also theirs.\n>\nOurs again.\n".utf8)
        #expect(String(decoding: ReplyText.emptyingQuotedLines(bytes), as: UTF8.self) == "Ours.\n>\n  >\n>\nOurs again.\n")
    }
}
