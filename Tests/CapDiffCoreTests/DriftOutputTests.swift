import Foundation
import Testing
@testable import CapDiffCore

/// `capdiff drift` as a user runs it: golden outputs in every format on the bundled agreement
/// fixtures, exit statuses, and bad input.
@Suite struct DriftOutputTests {
    static let faithful = ["fixtures/agreements/faithful.en.md", "fixtures/agreements/faithful.ru.md"]
    static let drifting = ["fixtures/agreements/drifting.en.md", "fixtures/agreements/drifting.ru.md"]
    static let memo = ["fixtures/agreements/memo.ru.md", "fixtures/agreements/memo.en.md"]

    @Test func textShowsDriftingClausesSideBySide() throws {
        let result = try CLI.run(["drift"] + Self.drifting)
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        try Golden.check(result.stdout, "drift-drifting.txt")
    }

    @Test func jsonFollowsTheContract() throws {
        let result = try CLI.run(["drift"] + Self.drifting + ["--format", "json"])
        #expect(result.status == 1)
        try Golden.check(result.stdout, "drift-drifting.json")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let drift = json?["drift"] as? [[String: Any]] ?? []
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("agreements/drifting.drift.json")))) as? [[String: Any]] ?? []
        #expect(Set(drift.map { "\($0["clause"]!) \($0["kind"]!)" }) == Set(expected.map { "\($0["clause"]!) \($0["kind"]!)" }))
        #expect(drift.allSatisfy { $0["source_line"] != nil && $0["translation_line"] != nil && $0["source"] is String })
    }

    @Test func markdownIsATable() throws {
        let result = try CLI.run(["drift"] + Self.drifting + ["--format", "markdown"])
        #expect(result.status == 1)
        try Golden.check(result.stdout, "drift-drifting.md")
    }

    @Test func aRussianSourceWithUnnumberedParagraphs() throws {
        let result = try CLI.run(["drift"] + Self.memo)
        #expect(result.status == 1)
        try Golden.check(result.stdout, "drift-memo.txt")
    }

    @Test func aFaithfulTranslationExitsZeroInBothDirections() throws {
        let forward = try CLI.run(["drift"] + Self.faithful + ["--format", "json"])
        #expect(forward.status == 0)
        #expect(forward.stdout.contains("\"drift\": []"))
        let backward = try CLI.run(["drift", Self.faithful[1], Self.faithful[0]])
        #expect(backward.status == 0)
        #expect(backward.stdout.contains("Summary: no drift"))
    }

    @Test func badInputIsOneLineAndExitTwo() throws {
        let missing = try CLI.run(["drift", "fixtures/agreements/nowhere.en.md", Self.faithful[1]])
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr == "capdiff: fixtures/agreements/nowhere.en.md: no such file; check the path\n")

        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("contract.docx")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01]).write(to: binary)
        let unreadable = try CLI.run(["drift", Self.faithful[0], binary.path])
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr.hasPrefix("capdiff: \(binary.path): "))
        #expect(unreadable.stderr.split(separator: "\n").count == 1)

        let badFormat = try CLI.run(["drift"] + Self.faithful + ["--format", "pdf"])
        #expect(badFormat.status == 2)
    }
}
