import Foundation
import Testing
@testable import CapDiffCore

/// `capdiff batch` and `capdiff merge` end to end: the contract's JSON lines, the text summary,
/// exit statuses, atomic --output, and the two-stage form giving what one stage gives.
@Suite struct BatchCommandTests {
    let mbox = "fixtures/mail/threads.mbox"
    let sides = ["--side", "us=@northwind-agency.com,@northwind.us", "--side", "ru=@sever-media.ru"]

    func lines(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func attachmentClaimsAreListedUnlessCreditAttachmentsCountsThem() throws {
        let eml = "fixtures/mail/eml/nested.eml"
        let listed = try #require(try lines(CLI.run(["batch", eml] + sides + ["--format", "jsonl"]).stdout).first)
        let rows = try #require(listed["rows"] as? [[String: Any]])
        #expect(!rows.contains { $0["function"] as? String == "legal-contracts" })
        let aside = try #require((listed["attachment_claims"] as? [String: [[String: Any]]])?["us"])
        #expect(aside.contains { $0["function"] as? String == "legal-contracts" && $0["attachment"] as? String == "роли.md" })
        let text = try CLI.run(["batch", eml] + sides).stdout
        #expect(text.contains("not credited (in us's attachments): legal-contracts owns (роли.md)"))

        let credited = try #require(try lines(CLI.run(["batch", eml] + sides + ["--format", "jsonl", "--credit-attachments"]).stdout).first)
        let creditedRows = try #require(credited["rows"] as? [[String: Any]])
        #expect(creditedRows.contains { $0["function"] as? String == "legal-contracts" })
    }

    @Test func jsonLinesFollowTheContract() throws {
        let result = try CLI.run(["batch", mbox] + sides + ["--format", "jsonl"])
        #expect(result.status == 1, "the threads have gaps and a contested row")
        let objects = try lines(result.stdout)
        let threads = objects.dropLast()
        #expect(threads.map { $0["thread"] as? String } == ["<t1.a@northwind-agency.com>", "<t2.a@sever-media.ru>", "<t3.b@northwind-agency.com>"])
        let first = try #require(threads.first)
        #expect(first["messages"] as? Int == 5)
        #expect((first["sides"] as? [[String: Any]])?.map { $0["name"] as? String } == ["us", "ru"])
        let rows = try #require(first["rows"] as? [[String: Any]])
        let creative = try #require(rows.first { $0["function"] as? String == "creative-direction" })
        #expect((creative["stances"] as? [String: String]) == ["us": "shares", "ru": "shares"])
        #expect(creative["verdict"] as? String == "shared")
        #expect(creative["lead"] is NSNull)
        let evidence = try #require((creative["evidence"] as? [String: [[String: Any]]])?["us"]?.first)
        #expect(evidence["message_id"] as? String == "<t1.c@northwind.us>")
        #expect(evidence["date"] as? String == "2027-01-13T14:00:00Z")
        #expect(evidence["line"] is Int)
        #expect(first["ambiguities"] is [Any])
        #expect((first["unsided_senders"] as? [[String: Any]])?.first?["address"] as? String == "pat@gmail.com")
        let summary = try #require(objects.last?["summary"] as? [String: Any])
        #expect(summary["messages_read"] as? Int == 11)
        #expect(summary["messages_analysed"] as? Int == 10)
        #expect((summary["skipped"] as? [String: Int]) == ["duplicate Message-ID": 1])
        #expect(summary["threads"] as? Int == 3)
        #expect(result.stderr.contains("message 11") && result.stderr.contains("repeats Message-ID"))
    }

    @Test func textSummaryNamesThreadsRowsAndCounts() throws {
        let result = try CLI.run(["batch", mbox] + sides)
        #expect(result.stdout.contains("Thread <t2.a@sever-media.ru> — Voltra: кто за что отвечает (3 messages)"))
        #expect(result.stdout.contains("not credited (no side): pat@gmail.com (1)"))
        #expect(result.stdout.contains("Read 11 messages from 1 file"))
        #expect(result.stdout.contains("skipped, duplicate Message-ID: 1"))
    }

    @Test func theTwoStageFormGivesWhatOneStageGives() throws {
        let folder = try TestPaths.temporaryDirectory()
        // Two shards: the mbox, and the Maildir (whose thread is separate).
        let shardA = folder.appendingPathComponent("a.jsonl").path, shardB = folder.appendingPathComponent("b.jsonl").path
        #expect(try CLI.run(["batch", mbox, "--emit", "messages", "--output", shardA]).status == 0)
        #expect(try CLI.run(["batch", "fixtures/mail/maildir", "--emit", "messages", "--output", shardB]).status == 0)
        let merged = try CLI.run(["merge", shardA, shardB] + sides + ["--format", "jsonl"])
        let direct = try CLI.run(["batch", mbox, "fixtures/mail/maildir"] + sides + ["--format", "jsonl"])
        #expect(merged.status == direct.status)
        // Everything but the closing summary (timings, byte counts) is the same.
        #expect(merged.stdout.split(separator: "\n").dropLast() == direct.stdout.split(separator: "\n").dropLast())
        let records = try lines(try String(contentsOfFile: shardA, encoding: .utf8)).dropLast()
        #expect(records.count == 11)
        #expect(records.first?["claims"] is [Any])
    }

    @Test func anMboxOnStandardInputIsRead() throws {
        let bytes = try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent(mbox))
        let piped = try CLI.run(["batch", "-"] + sides + ["--format", "jsonl"], stdin: bytes)
        let direct = try CLI.run(["batch", mbox] + sides + ["--format", "jsonl"])
        // The same threads; evidence names "stdin" as its file.
        let strip = { (s: String) in s.split(separator: "\n").dropLast().map { $0.replacingOccurrences(of: mbox, with: "").replacingOccurrences(of: "stdin", with: "") } }
        #expect(strip(piped.stdout) == strip(direct.stdout))
    }

    @Test func mergeReportsALineThatIsNotARecord() throws {
        let shard = try TestPaths.temporaryDirectory().appendingPathComponent("bad.jsonl")
        try Data("{\"file\": \"x\", \"message\": 1}\nnot json\n".utf8).write(to: shard)
        let result = try CLI.run(["merge", shard.path] + sides + ["--format", "jsonl"])
        #expect(result.stderr.contains("bad.jsonl:2:"))
        #expect(result.stderr.contains("not a message record"))
    }

    @Test func outputIsWrittenAtomically() throws {
        let folder = try TestPaths.temporaryDirectory()
        let out = folder.appendingPathComponent("threads.jsonl")
        try Data("old\n".utf8).write(to: out)
        let ok = try CLI.run(["batch", mbox] + sides + ["--format", "jsonl", "--output", out.path])
        #expect(ok.stdout.isEmpty)
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("{\"thread\""))
        // A failed run (a glossary that does not exist) leaves the file as it was.
        try Data("old\n".utf8).write(to: out)
        let failed = try CLI.run(["batch", mbox] + sides + ["--output", out.path, "--glossary", "/nonexistent.tsv"])
        #expect(failed.status == 2)
        #expect(try String(contentsOf: out, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["threads.jsonl"])
    }

    @Test func exitStatuses() throws {
        #expect(try CLI.run(["batch", "fixtures/mail/eml/alternative.eml"] + sides).status == 0, "one side, covered rows only")
        let missing = try CLI.run(["batch", "/nonexistent.mbox"] + sides)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent.mbox cannot be read"))
        let oneSide = try CLI.run(["batch", mbox, "--side", "us=@a.com"])
        #expect(oneSide.status == 2)
        #expect(oneSide.stderr.contains("two sides"))
    }

    @Test func theDevelopmentMailSetIsReadWithoutTrouble() throws {
        guard let shared = TestPaths.shared else { return }
        let dev = shared.appendingPathComponent("eval/dev/mail/dev.mbox").path
        let result = try CLI.run(["batch", dev, "--side", "northwind=@northwind-agency.com", "--side", "sever=@sever-media.ru",
                                  "--format", "jsonl"])
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        let objects = try lines(result.stdout)
        #expect(objects.count == 4)
        #expect(objects.dropLast().map { $0["messages"] as? Int } == [5, 5, 6])
    }
}
