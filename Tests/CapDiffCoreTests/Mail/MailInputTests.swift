import Foundation
import Testing
@testable import CapDiffCore

/// Reading exports: mbox splitting (mboxo and mboxrd), Maildir folders, .eml files and folders
/// of them; the lines claims point at; what is skipped and reported.
@Suite struct MailInputTests {
    func messages(_ paths: [String], maximumMessage: Int = 1 << 20) -> (raws: [RawMessage], problems: [MailProblem]) {
        let input = MailInput(paths: paths, maximumMessage: maximumMessage)
        var raws: [RawMessage] = [], problems: [MailProblem] = []
        while let event = input.nextEvent() {
            switch event {
            case .message(let raw): raws.append(raw)
            case .problem(let problem): problems.append(problem)
            }
        }
        return (raws, problems)
    }

    func temporary(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = try TestPaths.temporaryDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func anUnquotedFromLineInABodyDoesNotSplitTheMessage() throws {
        // mboxo: "From Russia with love" in a body; the file starts with a byte-order mark.
        let (raws, problems) = messages([MailFixtures.path("unmunged.mbox")])
        #expect(problems.isEmpty)
        #expect(raws.count == 2)
        #expect(String(decoding: raws[0].bytes, as: UTF8.self).contains("From Russia with love\n\nWe own creative direction."))
    }

    @Test func mboxrdQuotingIsUndone() throws {
        let (raws, _) = messages([MailFixtures.path("threads.mbox")])
        let first = String(decoding: raws[0].bytes, as: UTF8.self)
        #expect(first.contains("\nFrom the start we have owned performance analysis."))
        #expect(!first.contains(">From"))
        // So the line is read as the sender's text, not dropped as a quote.
        let record = try #require(try MailFixtures.read([MailFixtures.path("threads.mbox")]).records.first)
        #expect(record.ambiguities.contains { $0.text.hasPrefix("From the start") } || record.claims.contains { $0.text.hasPrefix("From the start") })
    }

    @Test func messagesKnowWhereTheyAreInTheFile() throws {
        let (raws, _) = messages([MailFixtures.path("threads.mbox")])
        let data = try Data(contentsOf: URL(fileURLWithPath: MailFixtures.path("threads.mbox")))
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for raw in raws {
            #expect(raw.number == raws.firstIndex { $0.offset == raw.offset }! + 1)
            #expect(data[raw.offset...].starts(with: Array("From ".utf8)), "the offset is the envelope's")
            #expect(lines[raw.line - 2].hasPrefix("From "), "the line before the first header is the envelope")
        }
    }

    @Test func claimsPointAtTheLinesOfTheMbox() throws {
        let records = try MailFixtures.read([MailFixtures.path("threads.mbox")]).records
        let data = try Data(contentsOf: URL(fileURLWithPath: MailFixtures.path("threads.mbox")))
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let claim = try #require(records[0].claims.first { $0.function == "creative-direction" })
        #expect(lines[claim.line - 1] == "We own creative direction and the final creative sign-off.")
    }

    @Test func aMessageOverTheLimitIsSkippedAndReported() throws {
        let big = "From a@b.c Mon Jan 11 16:05:00 2027\nFrom: a@b.c\nSubject: big\n\n" + String(repeating: "x", count: 3000) + "\n"
        let small = "From a@b.c Mon Jan 11 16:05:00 2027\nFrom: a@b.c\nSubject: small\n\nWe own logistics.\n"
        let path = try temporary("big.mbox", Array((small + "\n" + big + "\n" + small).utf8))
        let (raws, problems) = messages([path], maximumMessage: 1000)
        #expect(raws.map(\.number) == [1, 3])
        #expect(problems.count == 1)
        #expect(problems.first?.number == 2)
        if case .tooLarge(let bytes, let limit)? = problems.first?.reason {
            #expect(bytes > 3000 && limit == 1000)
        } else {
            Issue.record("expected a too-large report")
        }
        #expect(problems.first?.description.contains("message 2") == true)
    }

    @Test func aMaildirIsReadFromCurAndNewNotTmp() throws {
        let (raws, problems) = messages([MailFixtures.path("maildir")])
        #expect(problems.isEmpty)
        #expect(raws.map { ($0.file as NSString).lastPathComponent } == ["1700000000.M1P1.host:2,S", "1700000100.M2P1.host"])
        let threads = try MailFixtures.threads([MailFixtures.path("maildir")])
        #expect(threads.count == 1 && threads[0].messages == 2)
    }

    @Test func aFolderIsWalkedAndWhatIsNotMailIsReported() throws {
        let folder = try TestPaths.temporaryDirectory()
        try FileManager.default.copyItem(atPath: MailFixtures.path("eml/koi8r.eml"), toPath: folder.appendingPathComponent("a.eml").path)
        try FileManager.default.copyItem(atPath: MailFixtures.path("unmunged.mbox"), toPath: folder.appendingPathComponent("b.txt").path)
        try Data("just some notes\n".utf8).write(to: folder.appendingPathComponent("notes.md"))
        let (raws, problems) = messages([folder.path])
        #expect(raws.count == 3)  // a.eml, and b.txt found to be an mbox by its content
        #expect(problems.map(\.reason) == [.notMail])
        #expect(problems.first?.file.hasSuffix("notes.md") == true)
    }

    @Test func aMissingPathIsReported() {
        let (raws, problems) = messages(["/nonexistent/mail.mbox"])
        #expect(raws.isEmpty)
        #expect(problems.first?.reason == .unreadableFile("no such file or folder"))
    }

    @Test func sniffingReadsContentNotNames() {
        #expect(MailInput.sniff(Array("\u{FEFF}From - Mon Jan 1\nFrom: a".utf8)) == .mbox)
        #expect(MailInput.sniff(Array("Return-Path: <a@b>\nFrom: a".utf8)) == .message)
        #expect(MailInput.sniff(Array("# Roles\n\nWe own it.".utf8)) == nil)
    }

    @Test func newlinesAreCountedExactly() {
        for text in ["", "\n", "a\nb\n\n", String(repeating: "абв\n\n\u{0A}x", count: 37), "\u{0B}\u{0C}\n"] {
            let bytes = Array(text.utf8)
            let counted = bytes.withUnsafeBytes { LineCounter.newlines(in: $0) }
            #expect(counted == bytes.filter { $0 == 0x0A }.count)
        }
    }
}
