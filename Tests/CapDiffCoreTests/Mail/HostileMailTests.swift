import Foundation
import Testing
@testable import CapDiffCore

/// Malformed and hostile messages (fixtures/mail/hostile) are read or reported, never a crash,
/// and a batch over all of them still ends with a summary.
@Suite struct HostileMailTests {
    func read(_ name: String) throws -> (records: [MessageRecord], problems: [MailProblem]) {
        try MailFixtures.read([MailFixtures.path("hostile/" + name)])
    }

    @Test func binaryGarbageIsNotAMessage() throws {
        let (records, problems) = try read("garbage.eml")
        // It has no header line, so the folder walk does not even take it for mail.
        #expect(records.isEmpty)
        #expect(problems.count == 1)
    }

    @Test func garbageInsideAnMboxIsReportedWithItsNumberAndOffset() throws {
        let garbage = try Data(contentsOf: URL(fileURLWithPath: MailFixtures.path("hostile/garbage.eml")))
        var mbox = Data("From a@b.c Mon Jan 11 16:05:00 2027\nFrom: a@b.c\n\nWe own logistics.\n\nFrom a@b.c Mon Jan 11 16:05:00 2027\nX-Junk: 1\n".utf8)
        mbox.append(garbage.filter { $0 != 0x0A })
        let url = try TestPaths.temporaryDirectory().appendingPathComponent("junk.mbox")
        try mbox.write(to: url)
        let (records, problems) = try MailFixtures.read([url.path])
        #expect(records.count + problems.count == 2)
        #expect(records.first?.claims.first?.function == "logistics")
    }

    @Test func nestingDeeperThanTheLimitIsCutAndNoted() throws {
        let (records, problems) = try read("deep-nesting.eml")
        #expect(problems.isEmpty)
        let record = try #require(records.first)
        #expect(record.notes.contains { $0.contains("nested more than") })
    }

    @Test func nulBytesDoNotStopTheText() throws {
        let record = try #require(try read("nul-bytes.eml").records.first)
        #expect(record.skip == nil)
    }

    @Test func anEndlessHeaderIsRead() throws {
        let record = try #require(try read("endless-header.eml").records.first)
        #expect(record.claims.map(\.function) == ["creative-direction"])
    }

    @Test func aBoundaryThatNeverEndsStillGivesItsText() throws {
        let record = try #require(try read("no-end-boundary.eml").records.first)
        #expect(record.claims.map(\.function) == ["creative-direction"])
    }

    @Test func truncatedBase64DecodesWhatItCan() throws {
        let (records, problems) = try read("truncated-base64.eml")
        #expect(records.count + problems.count == 1)
    }

    @Test func anEntityBombInHTMLIsNotExpanded() throws {
        let (records, problems) = try read("entity-bomb.eml")
        #expect(problems.isEmpty)
        let record = try #require(records.first)
        #expect(!record.claims.contains { $0.text.contains("lollol") })
        #expect(record.claims.allSatisfy { $0.text.utf8.count < 1000 })
    }

    @Test func aBatchOverEveryHostileFileEndsWithASummary() throws {
        let result = try CLI.run(["batch", MailFixtures.path("hostile"), "--side", "us=@northwind-agency.com",
                                  "--side", "ru=@sever-media.ru", "--format", "jsonl"])
        #expect(result.status == 1 || result.status == 0)
        let last = try #require(result.stdout.split(separator: "\n").last)
        let summary = try #require((try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])?["summary"] as? [String: Any])
        let read = summary["messages_read"] as? Int ?? -1
        let files = summary["files"] as? Int ?? -1
        let skippedFiles = (summary["files_skipped"] as? [String: Int])?.values.reduce(0, +) ?? 0
        // Every file is a message read, or a file reported.
        #expect(read + skippedFiles == 7, "\(summary)")
        #expect(files == read)
        #expect(result.stderr.contains("garbage.eml"))
    }
}
