import Foundation
import Testing
@testable import CapDiffCore

/// `capdiff compare` reads any document format: the bundled outlines saved as HTML and as a
/// Word document give the rows the Markdown originals give.
@Suite struct ReaderCompareTests {
    /// The JSON output's rows without their evidence (whose lines and paths depend on the files).
    static func rows(_ a: String, _ b: String) throws -> (status: Int32, rows: [NSDictionary]) {
        let result = try CLI.run(["compare", a, b, "--format", "json"])
        #expect(result.stderr.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        return (result.status, rows.map { row in
            var row = row
            row["evidence"] = nil
            return row as NSDictionary
        })
    }

    @Test func htmlAgainstDocxGivesTheRowsOfTheMarkdownPair() throws {
        let documents = try Self.rows(TestPaths.fixture("documents/northwind.html"), TestPaths.fixture("documents/sever-media.docx"))
        let markdown = try Self.rows(TestPaths.fixture("northwind.md"), TestPaths.fixture("sever-media.md"))
        #expect(markdown.rows.count == 16)
        #expect(documents.rows == markdown.rows)
        #expect(documents.status == markdown.status)
        #expect(documents.status == ExitStatus.differences.rawValue)
    }

    @Test func aDocxNamedAsTextComparesLikeItsMarkdown() throws {
        // The other way round, with an extension that names the wrong format.
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let disguised = folder.appendingPathComponent("northwind.txt").path
        try FileManager.default.copyItem(atPath: TestPaths.fixture("documents/northwind.docx"), toPath: disguised)
        let documents = try Self.rows(TestPaths.fixture("sever-media.md"), disguised)
        let markdown = try Self.rows(TestPaths.fixture("sever-media.md"), TestPaths.fixture("northwind.md"))
        #expect(documents.rows == markdown.rows)
    }

    @Test func analyzeReportsDocxLinesAsParagraphIndexes() throws {
        let result = try CLI.run(["analyze", TestPaths.fixture("documents/northwind.docx"), "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let claims = try #require(json["claims"] as? [[String: Any]])
        let creative = try #require(claims.first { $0["function"] as? String == "creative-direction" })
        // Paragraph 4: after the title, the prose line and the heading.
        #expect(creative["line"] as? Int == 4)
        #expect(creative["stance"] as? String == "owns")
    }
}
