import Foundation
import Testing
@testable import CapDiffCore

/// Threads from Message-ID, In-Reply-To and References, the subject fallback, the side rule
/// and the latest-message rule, on fixtures/mail/threads.mbox.
@Suite struct ThreadingTests {
    let threads: [ThreadReport]

    init() throws {
        threads = try MailFixtures.threads([MailFixtures.path("threads.mbox")])
    }

    func thread(_ id: String) throws -> ThreadReport { try #require(threads.first { $0.thread == id }) }

    @Test func threadsAreFoundAndNamedByTheirFirstMessageID() {
        #expect(threads.map(\.thread) == ["<t1.a@northwind-agency.com>", "<t2.a@sever-media.ru>", "<t3.b@northwind-agency.com>"])
        #expect(threads.map(\.messages) == [5, 3, 2])
    }

    @Test func aMessageWithoutThreadingHeadersJoinsByItsSubject() throws {
        // t1.d came with "Ответ:" and no References; t2.b with "Пересл:" and none either.
        let t1 = try thread("<t1.a@northwind-agency.com>")
        #expect(t1.stance("ru", "creative-direction") == .shares)  // said in t1.d
        let t2 = try thread("<t2.a@sever-media.ru>")
        #expect(t2.stance("us", "logistics") == .needs)  // said in t2.b
    }

    @Test func repliesToAMissingMessageShareAThread() throws {
        let t3 = try thread("<t3.b@northwind-agency.com>")
        #expect(t3.messages == 2)
        #expect(t3.comparison.rows.first { $0.function == "client-relations" }?.verdict == .contested)
    }

    @Test func theLatestMessageOfASideWins() throws {
        let t1 = try thread("<t1.a@northwind-agency.com>")
        // Northwind owned creative direction (t1.a), then proposed to share it (t1.c).
        #expect(t1.stance("us", "creative-direction") == .shares)
        // Sever took it on (t1.b), then agreed to share (t1.d).
        #expect(t1.stance("ru", "creative-direction") == .shares)
        let t2 = try thread("<t2.a@sever-media.ru>")
        // Sever took logistics (t2.a), then said it does not do it (t2.c).
        #expect(t2.stance("ru", "logistics") == .excludes)
        #expect(t2.comparison.rows.first { $0.function == "logistics" }?.verdict == .gap)
    }

    @Test func aSideHasSeveralDomainsAndTheirSubdomains() throws {
        let t1 = try thread("<t1.a@northwind-agency.com>")
        // t1.c came from @northwind.us, t1.d from mail.sever-media.ru: both credited.
        let sources = t1.claimSources.flatMap { $0 }.compactMap(\.messageID)
        #expect(sources.contains("<t1.c@northwind.us>"))
        #expect(sources.contains("<t1.d@mail.sever-media.ru>"))
    }

    @Test func sendersOfNoSideAreReportedNotCredited() throws {
        let t1 = try thread("<t1.a@northwind-agency.com>")
        #expect(t1.unsidedSenders.map(\.address) == ["pat@gmail.com"])
        #expect(t1.stance("us", "logistics") == nil && t1.stance("ru", "logistics") == nil)
    }

    @Test func claimsFromAttachmentsAreListedNotCreditedUnlessAsked() throws {
        // nested.eml: the body claims campaign management; the attached «роли.md» legal review.
        let path = MailFixtures.path("eml/nested.eml")
        let records = try MailFixtures.read([path]).records
        let listed = ThreadReport(messages: records, sides: MailFixtures.sides, glossary: MailFixtures.glossary)
        #expect(listed.stance("us", "campaign-management") == .owns)
        #expect(listed.stance("us", "legal-contracts") == nil)
        #expect(listed.attachmentClaims[0].contains { $0.claim.function == "legal-contracts" && $0.source.attachment == "роли.md" })
        let credited = ThreadReport(messages: records, sides: MailFixtures.sides, glossary: MailFixtures.glossary, creditAttachments: true)
        #expect(credited.stance("us", "legal-contracts") == .owns)
        #expect(credited.attachmentClaims.allSatisfy { $0.isEmpty })
    }

    @Test func evidenceNamesItsMessageAndDate() throws {
        let t2 = try thread("<t2.a@sever-media.ru>")
        let side = try #require(t2.comparison.sides.firstIndex { $0.name == "ru" })
        let i = try #require(t2.comparison.sides[side].analysis.claims.firstIndex { $0.function == "logistics" })
        #expect(t2.claimSources[side][i].messageID == "<t2.c@sever-media.ru>")
        #expect(t2.claimSources[side][i].date == 1_800_428_400)  // Wed, 20 Jan 2027 10:00:00 +0300
    }

    @Test func aDuplicateMessageIsReportedAndSkipped() throws {
        let merge = try MailMerge(sides: MailFixtures.sides, glossary: MailFixtures.glossary)
        var duplicates: [MailProblem] = []
        for record in try MailFixtures.read([MailFixtures.path("threads.mbox")]).records {
            if let problem = try merge.add(record) { duplicates.append(problem) }
        }
        #expect(duplicates.map(\.reason) == [.duplicate("<t3.c@sever-media.ru>")])
        #expect(merge.summary.messagesRead == 11 && merge.summary.skipped["duplicate Message-ID"] == 1)
    }

    @Test func threadsDoNotDependOnTheOrderMessagesArriveIn() throws {
        let records = try MailFixtures.read([MailFixtures.path("threads.mbox")]).records
        func group(_ records: [MessageRecord]) throws -> Set<[String]> {
            let merge = try MailMerge(sides: MailFixtures.sides, glossary: MailFixtures.glossary)
            for r in records { try merge.add(r) }
            var result = Set<[String]>()
            try merge.finish(render: { _ in "" }) { report, _ in
                result.insert(report.claimSources.flatMap { $0 }.compactMap(\.messageID).sorted())
            }
            return result
        }
        // Sequence numbers keep the input order; only the arrival order changes.
        #expect(try group(records.reversed()) == group(records))
    }

    @Test func subjectKeysDropReplyAndForwardPrefixes() {
        #expect(MailThreads.subjectKey("RE: Fwd: Roles") == "roles")
        #expect(MailThreads.subjectKey("Ответ: Пересл: Роли  в проекте") == "роли в проекте")
        #expect(MailThreads.subjectKey("Re[2]: [team] AW: Roles") == "roles")
        #expect(MailThreads.subjectKey("Re: ") == nil)
        #expect(MailThreads.subjectKey("Relations with creators") == "relations with creators")
    }

    @Test func sidesAreParsedAndMatched() throws {
        let sides = try MailSides(arguments: ["us=@northwind-agency.com", "us=northwind.us", "ru=@sever-media.ru,boss@gmail.com"])
        #expect(sides.names == ["us", "ru"])
        #expect(sides.side(of: "Anna@Mail.Sever-Media.RU") == 1)
        #expect(sides.side(of: "x@northwind.us") == 0)
        #expect(sides.side(of: "boss@gmail.com") == 1)
        #expect(sides.side(of: "other@gmail.com") == nil)
        #expect(sides.side(of: "x@notnorthwind.us") == nil)
        #expect(throws: Diagnostic.self) { try MailSides(arguments: ["us=@a.com"]) }
        #expect(throws: Diagnostic.self) { try MailSides(arguments: ["us", "ru=@b.ru"]) }
        #expect(throws: Diagnostic.self) { try MailSides(arguments: ["a=@a.com", "b=@b.com", "c=@c.com"]) }
    }
}
