import Foundation
import Testing
@testable import CapDiffCore

/// `batch --format html` (and `merge`): golden files on the mail fixtures, well-formedness, a
/// section per thread with a matrix row per function checked against the contract's JSON lines,
/// the legend once, evidence naming its message, the summary of what was read and skipped.
@Suite struct HTMLBatchTests {
    static let sides = ["--side", "us=@northwind-agency.com,@northwind.us", "--side", "ru=@sever-media.ru"]

    static func page(_ paths: [String], _ extra: [String] = []) throws -> CLIResult {
        try CLI.run(["batch"] + paths + sides + ["--format", "html"] + extra)
    }

    /// The thread objects and the summary of `batch --format jsonl`.
    static func jsonLines(_ paths: [String]) throws -> (threads: [[String: Any]], summary: [String: Any]) {
        let result = try CLI.run(["batch"] + paths + sides + ["--format", "jsonl"])
        let objects = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        return (Array(objects.dropLast()), try #require(objects.last?["summary"] as? [String: Any]))
    }

    @Test(arguments: ["threads", "unmunged"])
    func mboxPageMatchesItsGoldenFile(_ name: String) throws {
        let result = try Self.page(["fixtures/mail/\(name).mbox"])
        let json = try CLI.run(["batch", "fixtures/mail/\(name).mbox"] + Self.sides + ["--format", "jsonl"])
        #expect(result.status == json.status, "html exits like jsonl")
        #expect(result.stderr == json.stderr)
        try Golden.check(result.stdout, "html-batch-\(name).html")
    }

    @Test func pagesAreWellFormedXMLEvenForHostileAndOddMail() throws {
        for paths in [["fixtures/mail/threads.mbox"], ["fixtures/mail/unmunged.mbox"], ["fixtures/mail/eml"],
                      ["fixtures/mail/hostile"], ["fixtures/mail/maildir", "fixtures/mail/threads.mbox"]] {
            let result = try Self.page(paths)
            #expect(result.status != 2 || paths == ["fixtures/mail/hostile"], "\(paths): \(result.stderr)")
            let root = try Reports.xml(result.stdout, paths.joined(separator: "+"))
            #expect(root.name == "html")
            #expect(root.descendants("script").isEmpty)
            #expect(root.all("section", class: "batch-summary").count == 1, "\(paths): the summary closes the page")
        }
    }

    @Test func aSectionPerThreadWithAMatrixRowPerFunction() throws {
        let (threads, _) = try Self.jsonLines(["fixtures/mail/threads.mbox"])
        let root = try Reports.xml(try Self.page(["fixtures/mail/threads.mbox"]).stdout, "threads.html")
        let sections = root.all("section", class: "thread")
        #expect(sections.map { $0.attributes["data-thread"] } == threads.map { $0["thread"] as? String })
        for (section, thread) in zip(sections, threads) {
            let id = thread["thread"] as? String ?? "?"
            #expect(section.elements("h2").first?.text == thread["subject"] as? String, "\(id): the subject heads it")
            let meta = try #require(section.all("dl", class: "thread-meta").first)
            let terms = meta.elements("dt").map(\.text), values = meta.elements("dd").map(\.flatText)
            let fields = Dictionary(zip(terms, values), uniquingKeysWith: { a, _ in a })
            #expect(fields["Thread"] == id)
            #expect(fields["Messages"] == String(thread["messages"] as? Int ?? -1))
            #expect(fields["Sides"] == "us (en), ru (ru)", "\(id)")
            if let unsided = thread["unsided_senders"] as? [[String: Any]], let first = unsided.first {
                #expect(fields["Not credited (no side)"]?.hasPrefix(first["address"] as? String ?? "?") == true)
            }

            let rows = try #require(thread["rows"] as? [[String: Any]])
            let table = try #require(section.all("table", class: "matrix").first)
            let cells = table.descendants("tbody").flatMap { $0.elements("tr") }
            #expect(cells.map { $0.attributes["data-function"] } == rows.map { $0["function"] as? String }, "\(id): a row per function")
            for (tr, row) in zip(cells, rows) {
                let tds = tr.elements().map(\.flatText)
                try #require(tds.count == 5)
                #expect(tds[3] == row["verdict"] as? String)
                let stances = row["stances"] as? [String: String] ?? [:]
                for (side, name) in ["us", "ru"].enumerated() {
                    let stance = stances[name] ?? "absent"
                    #expect(tds[1 + side].hasPrefix(stance == "absent" ? "not mentioned" : stance), "\(id) \(row["function"] ?? ""): \(name)")
                }
                // Each quoted line names its message: the place's title is the evidence's Message-ID.
                let evidence = row["evidence"] as? [String: [[String: Any]]] ?? [:]
                for (side, name) in ["us", "ru"].enumerated() {
                    let titles = tr.elements()[1 + side].all("span", class: "place").map { $0.attributes["title"] }
                    #expect(titles == (evidence[name] ?? []).map { $0["message_id"] as? String }, "\(id) \(row["function"] ?? ""): \(name)")
                }
            }
            // The thread's matrix sits under its heading: the ambiguous lines a level down.
            #expect(section.all("section", class: "ambiguities").first?.elements("h3").count == 1)
            #expect(section.all("ul", class: "legend").isEmpty)
        }
        #expect(root.all("ul", class: "legend").count == 1, "the legend once per page")
    }

    @Test func reportLangRuWritesTheHeadingsInRussian() throws {
        let result = try Self.page(["fixtures/mail/threads.mbox"], ["--report-lang", "ru"])
        let root = try Reports.xml(result.stdout, "threads-ru.html")
        #expect(root.attributes["lang"] == "ru")
        #expect(root.descendants("title").first?.text.hasPrefix("Ветки писем") == true)
        let english = try Reports.xml(try Self.page(["fixtures/mail/threads.mbox"]).stdout, "threads.html")
        #expect(root.all("section", class: "thread").count == english.all("section", class: "thread").count)
    }

    @Test func theSummarySaysWhatWasReadAnalysedAndSkippedAndWhy() throws {
        let (_, summary) = try Self.jsonLines(["fixtures/mail/threads.mbox"])
        let root = try Reports.xml(try Self.page(["fixtures/mail/threads.mbox"]).stdout, "threads.html")
        let section = try #require(root.descendants("section").first { $0.attributes["id"] == "summary" })
        let table = try #require(section.all("table", class: "batch-summary").first)
        let caption = table.elements("caption").first?.flatText ?? ""
        #expect(caption.count > 0)
        var counts: [String: Int] = [:]
        for row in table.descendants("tbody").flatMap({ $0.elements("tr") }) {
            let cells = row.elements()
            #expect(cells.first?.name == "th" && cells.first?.attributes["scope"] == "row")
            counts[cells.first?.flatText ?? ""] = Int(cells.last?.flatText ?? "")
        }
        #expect(counts["Messages read"] == summary["messages_read"] as? Int)
        #expect(counts["Messages analysed"] == summary["messages_analysed"] as? Int)
        #expect(counts["Messages skipped"] == summary["messages_skipped"] as? Int)
        for (reason, n) in summary["skipped"] as? [String: Int] ?? [:] {
            #expect(counts["skipped: \(reason)"] == n, "why: \(reason)")
        }
        #expect(counts["Threads"] == summary["threads"] as? Int)
        let problems = section.all("ul", class: "problems").first?.elements("li").map(\.flatText) ?? []
        #expect(problems.count == 1 && problems[0].contains("repeats Message-ID <t3.c@sever-media.ru>"))
        // The header points at it.
        #expect(root.descendants("a").contains { $0.attributes["href"] == "#summary" })
    }

    @Test func mergePrintsThePageBatchPrints() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shard = folder.appendingPathComponent("a.jsonl").path
        #expect(try CLI.run(["batch", "fixtures/mail/threads.mbox", "--emit", "messages", "--format", "html", "--output", shard]).status == 0)
        #expect(try String(contentsOfFile: shard, encoding: .utf8).hasPrefix("{"), "--emit messages writes JSON lines, whatever --format says")
        let merged = try CLI.run(["merge", shard] + Self.sides + ["--format", "html"])
        let direct = try Self.page(["fixtures/mail/threads.mbox"])
        #expect(merged.status == direct.status)
        // The same threads; the summary counts the shard's file and bytes, not the mbox's.
        func threads(_ html: String) -> Substring { html[..<(html.range(of: "<section class=\"batch-summary\"")?.lowerBound ?? html.endIndex)] }
        #expect(threads(merged.stdout) == threads(direct.stdout))
        _ = try Reports.xml(merged.stdout, "merged.html")
    }

    @Test func thePageWrittenInPartsIsThePageWrittenAtOnce() throws {
        let reports = try MailFixtures.threads([MailFixtures.path("threads.mbox")])
        let renderer = HTMLRenderer(glossary: MailFixtures.glossary)
        var summary = BatchSummary()
        summary.threads = reports.count
        let whole = renderer.render(threads: reports, summary: summary, sides: MailFixtures.sides)
        let parts = renderer.batchOpening(sides: MailFixtures.sides) + reports.map(renderer.batchThread).joined()
            + renderer.batchClosing(summary, sides: MailFixtures.sides)
        #expect(whole == parts)
        let root = try Reports.xml(whole, "parts.html")
        #expect(root.all("section", class: "thread").count == reports.count)
    }

    @Test func anEmptyThreadAndAnOddSubjectStayReadable() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mbox = folder.appendingPathComponent("odd.mbox")
        try """
            From x@y Mon Jan 11 10:00:00 2027
            From: anna@northwind-agency.com
            To: ivan@sever-media.ru
            Subject: <script>alert("x")</script> & ]]>
            Message-ID: <odd.1@northwind-agency.com>
            Date: Mon, 11 Jan 2027 10:00:00 +0000

            Hello, nothing about who does what.

            """.write(to: mbox, atomically: true, encoding: .utf8)
        let result = try Self.page([mbox.path])
        let root = try Reports.xml(result.stdout, "odd.html")
        #expect(root.descendants("script").isEmpty)
        let section = try #require(root.all("section", class: "thread").first)
        #expect(section.elements("h2").first?.text == "<script>alert(\"x\")</script> & ]]>")
        #expect(section.all("dl", class: "thread-meta").first?.flatText.contains("ru: nothing credited") == true)
    }
}
