import Foundation
import Testing
@testable import CapDiffCore

/// `drift --format html`: golden files on the bundled agreements, well-formedness (libxml2 as
/// an XML parser), a row per drifting clause checked against the contract's JSON (never against
/// the page itself), marked values that do not rely on colour, the "no drift" page, escaping.
@Suite struct HTMLDriftTests {
    static let drifting = ["fixtures/agreements/drifting.en.md", "fixtures/agreements/drifting.ru.md"]
    static let faithful = ["fixtures/agreements/faithful.en.md", "fixtures/agreements/faithful.ru.md"]
    static let memo = ["fixtures/agreements/memo.ru.md", "fixtures/agreements/memo.en.md"]

    static func page(_ pair: [String]) throws -> CLIResult {
        try CLI.run(["drift"] + pair + ["--format", "html"])
    }

    /// One drift of `drift --format json`.
    struct Item {
        var clause: String, kind: String, source: String, translation: String, reason: String
        var sourceLine: Int?, translationLine: Int?
    }

    static func items(_ pair: [String]) throws -> [Item] {
        let result = try CLI.run(["drift"] + pair + ["--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require(json["drift"] as? [[String: Any]]).map { item in
            Item(clause: item["clause"] as? String ?? "", kind: item["kind"] as? String ?? "", source: item["source"] as? String ?? "",
                 translation: item["translation"] as? String ?? "", reason: item["reason"] as? String ?? "",
                 sourceLine: item["source_line"] as? Int, translationLine: item["translation_line"] as? Int)
        }
    }

    @Test func driftingPairMatchesItsGoldenFile() throws {
        let result = try Self.page(Self.drifting)
        #expect(result.status == 1, "drift found: html exits like every other format")
        #expect(result.stderr == "")
        try Golden.check(result.stdout, "html-drift-drifting.html")
    }

    @Test func faithfulPairSaysThereIsNoDrift() throws {
        let result = try Self.page(Self.faithful)
        #expect(result.status == 0)
        try Golden.check(result.stdout, "html-drift-faithful.html")
        let root = try Reports.xml(result.stdout, "faithful.html")
        #expect(root.all("table", class: "drift").isEmpty)
        let section = try #require(root.all("section", class: "no-drift").first)
        #expect(section.descendants("h2").first?.text == "No drift")
        #expect(root.all("p", class: "summary").first?.flatText.hasPrefix("Summary: no drift (22 source and 22 translation clauses") == true)
    }

    @Test func pagesAreWellFormedXMLInBothDirections() throws {
        for pair in [Self.drifting, Self.faithful, Self.memo, Array(Self.drifting.reversed())] {
            let root = try Reports.xml(try Self.page(pair).stdout, pair[0])
            #expect(root.name == "html" && root.attributes["lang"] == "en")
        }
    }

    @Test func reportLangRuWritesTheHeadingsInRussian() throws {
        let result = try CLI.run(["drift"] + Self.drifting + ["--format", "html", "--report-lang", "ru"])
        let root = try Reports.xml(result.stdout, "drifting-ru.html")
        #expect(root.attributes["lang"] == "ru")
        #expect(root.descendants("title").first?.text.hasPrefix("Расхождения перевода") == true)
        // The same drifting clauses as the English page.
        let english = try Reports.xml(try Self.page(Self.drifting).stdout, "drifting.html")
        #expect(root.all("table", class: "drift").count == english.all("table", class: "drift").count)
    }

    @Test func aRowPerDriftingClauseWithEachKindInWordsItsReasonAndLines() throws {
        let expected = try Self.items(Self.drifting)
        let root = try Reports.xml(try Self.page(Self.drifting).stdout, "drifting.html")
        let table = try #require(root.all("table", class: "drift").first)
        let rows = table.descendants("tbody").flatMap { $0.elements("tr") }
        var clauses: [String] = []
        for item in expected where clauses.last != item.clause { clauses.append(item.clause) }
        #expect(rows.map { $0.attributes["data-clause"] ?? "" } == clauses, "one row per drifting clause, in order")
        for row in rows {
            let clause = row.attributes["data-clause"] ?? ""
            let want = expected.filter { $0.clause == clause }
            let cells = row.elements()
            try #require(cells.count == 4, "\(clause): clause, source, translation, changes")
            #expect(cells[0].name == "th" && cells[0].attributes["scope"] == "row" && cells[0].flatText == clause)
            let changes = cells[3].descendants("li")
            #expect(changes.map { $0.attributes["data-kind"] ?? "" } == want.map(\.kind), "\(clause)")
            for (change, item) in zip(changes, want) {
                #expect(change.all("strong", class: "kind").first?.text == item.kind, "\(clause): the kind in words")
                #expect(change.all("span", class: "reason").first?.text == item.reason, "\(clause)")
                // Each side's line: the clause's, beside its text, or the drift's own in the change.
                for (cell, line, side) in [(cells[1], item.sourceLine, "source"), (cells[2], item.translationLine, "translation")] {
                    if let line {
                        #expect(cell.flatText.hasPrefix("line \(line) ") || change.flatText.contains("\(side) line \(line)"), "\(clause): \(side) line")
                    } else {
                        #expect(cell.all("span", class: "absent").count == 1, "\(clause): no \(side) counterpart says so")
                    }
                }
            }
        }
    }

    @Test func differingValuesAreMarkedWithANumberNotColourAlone() throws {
        let expected = try Self.items(Self.drifting)
        let root = try Reports.xml(try Self.page(Self.drifting).stdout, "drifting.html")
        let rows = root.all("table", class: "drift").first?.descendants("tbody").flatMap { $0.elements("tr") } ?? []
        var marked = 0
        for row in rows {
            let clause = row.attributes["data-clause"] ?? ""
            let cells = row.elements()
            guard cells.count == 4 else { continue }
            for (cell, values) in [(cells[1], expected.filter { $0.clause == clause }.map(\.source)),
                                   (cells[2], expected.filter { $0.clause == clause }.map(\.translation))] {
                guard let text = cell.all("p", class: "clause-text").first else { continue }
                let marks = text.descendants("mark").map(\.text)
                for value in values where !value.isEmpty && value != text.text {
                    #expect(marks.contains(value), "\(clause): \"\(value)\" is marked")
                }
                // Every mark is followed by its change's number, as text.
                for (index, child) in text.children.enumerated() {
                    guard case .element(let mark) = child, mark.name == "mark" else { continue }
                    marked += 1
                    guard index + 1 < text.children.count, case .element(let marker) = text.children[index + 1] else {
                        Issue.record("\(clause): a mark without its number")
                        continue
                    }
                    #expect(marker.name == "sup" && marker.attributes["class"] == "marker" && marker.text.hasPrefix("["), "\(clause)")
                }
            }
        }
        #expect(marked >= 15)
        let number = try #require(rows.first { $0.attributes["data-clause"] == "3.1" })
        #expect(number.descendants("mark").map(\.text) == ["$5,000", "6 000 долларов США"])
        let css = try #require(root.descendants("style").first?.text)
        #expect(css.contains("mark {") && css.contains("border-bottom"), "a mark is underlined too, for black-and-white print")
    }

    @Test func tablesHaveCaptionsScopedHeadersAndClausesSayTheirLanguage() throws {
        for (pair, languages) in [(Self.drifting, ["en", "ru"]), (Self.memo, ["ru", "en"])] {
            let root = try Reports.xml(try Self.page(pair).stdout, pair[0])
            let table = try #require(root.all("table", class: "drift").first)
            let caption = table.elements("caption").first?.flatText ?? ""
            #expect(caption.count > 0)
            #expect(table.descendants("thead").flatMap { $0.descendants("th") }.allSatisfy { $0.attributes["scope"] == "col" })
            for row in table.descendants("tbody").flatMap({ $0.elements("tr") }) {
                let cells = row.elements()
                for (side, language) in languages.enumerated() {
                    for text in cells[1 + side].all("p", class: "clause-text") {
                        #expect(text.attributes["lang"] == language, "\(pair[0]) \(row.attributes["data-clause"] ?? ""): lang")
                    }
                }
            }
            // The legend explains exactly the kinds the page shows.
            let kinds = Set(try Self.items(pair).map(\.kind))
            #expect(Set(root.all("ul", class: "legend").first?.descendants("li").compactMap { $0.attributes["data-kind"] } ?? []) == kinds)
        }
    }

    @Test func theReportIsSelfContained() throws {
        let html = try Self.page(Self.drifting).stdout
        let root = try Reports.xml(html, "drifting.html")
        for name in ["script", "link", "img", "iframe", "object", "embed"] {
            #expect(root.descendants(name).isEmpty, "<\(name)> would need a network or run code")
        }
        #expect(html.components(separatedBy: "http").count == 2, "only the XHTML namespace")
    }

    @Test func hostileClauseTextStaysText() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.en.md"), b = folder.appendingPathComponent("b.ru.md")
        try "1. The Agency <script>alert(\"x\")</script> shall pay $5,000 & no more]]>.\n".write(to: a, atomically: true, encoding: .utf8)
        try "1. Агентство <script>alert(\"x\")</script> выплачивает 6 000 долларов США & <!-- \u{1} -->.\n"
            .write(to: b, atomically: true, encoding: .utf8)
        let result = try Self.page([a.path, b.path])
        #expect(result.status == 1)
        let root = try Reports.xml(result.stdout, "hostile.html")
        #expect(root.descendants("script").isEmpty)
        let texts = root.all("p", class: "clause-text").map(\.text)
        #expect(texts.contains { $0.hasPrefix("The Agency <script>alert(\"x\")</script> shall pay $5,000") && $0.hasSuffix("more]]>.") })
        #expect(texts.contains { $0.contains("& <!-- \u{FFFD} -->.") }, "a control character XML forbids is replaced")
    }

    @Test func aRussianPageTranslatesItsOwnWordsAndKeepsTheReasonsEnglish() throws {
        let glossary = try GlossaryReader.load(layers: [])
        let report = try DriftChecker(glossary: glossary).check(sourcePath: TestPaths.fixture("agreements/drifting.en.md"),
                                                                translationPath: TestPaths.fixture("agreements/drifting.ru.md"))
        let root = try Reports.xml(HTMLRenderer(glossary: glossary, language: .ru).render(report), "drifting-ru.html")
        #expect(root.attributes["lang"] == "ru")
        let kinds = root.all("strong", class: "kind").map(\.text)
        #expect(kinds.contains("число") && kinds.contains("пропуск"))
        #expect(root.all("span", class: "reason").allSatisfy { $0.attributes["lang"] == "en" })
        #expect(root.all("p", class: "summary").first?.text.hasPrefix("Итог: расхождений — 11") == true)
    }

    // MARK: Marking values

    static func markup(_ text: String, _ marks: [(String, Int)]) -> String {
        var out = ""
        for node in HTMLDriftView.marked(text, marks.map { (value: $0.0, number: $0.1) }) { node.render(into: &out) }
        return out
    }

    @Test func aValueIsMarkedAsAWholeWordWhereItCanBe() {
        #expect(Self.markup("Nothing is due now; no interest.", [("no", 1)])
            == "Nothing is due now; <mark>no</mark><sup class=\"marker\">[1]</sup> interest.")
        // Inside a word only when it is nowhere else.
        #expect(Self.markup("nonetheless", [("no", 1)]) == "<mark>no</mark><sup class=\"marker\">[1]</sup>netheless")
    }

    @Test func marksNeverOverlapAndAValueTwoChangesNameIsMarkedOnce() {
        #expect(Self.markup("pay $5,000 by May 1", [("$5,000", 1), ("5,000", 2), ("May 1", 3), ("$5,000", 4)])
            == "pay <mark>$5,000</mark><sup class=\"marker\">[1,4]</sup> by <mark>May 1</mark><sup class=\"marker\">[3]</sup>")
    }

    @Test func aWholeClauseAnEmptyValueOrAValueNotInTheTextIsLeftUnmarked() {
        let text = "The Partner shall deliver the shortlist."
        #expect(Self.markup(text, [(text, 1), ("", 2), ("elsewhere", 3)]) == text)
        #expect(Self.markup("a < b & c", [("&", 1)]) == "a &lt; b <mark>&amp;</mark><sup class=\"marker\">[1]</sup> c")
    }
}
