import Foundation
import Testing
@testable import CapDiffCore

/// `compare --format html`: escaping, well-formedness (libxml2 as an XML parser), the matrix
/// against the contract's JSON, accessibility markup, self-containment, golden files.
@Suite struct HTMLReportTests {
    static func report(_ arguments: [String] = [Reports.a, Reports.b]) throws -> CLIResult {
        try CLI.run(["compare"] + arguments + ["--format", "html"])
    }

    @Test func textAndAttributesAreEscaped() {
        var out = ""
        HTMLNode.tag("p", [("title", "a \"b\" & 'c' <d>"), ("lang", nil)], "<script>x & y</script>").render(into: &out)
        #expect(out == "<p title=\"a &quot;b&quot; &amp; &#39;c&#39; &lt;d&gt;\">&lt;script&gt;x &amp; y&lt;/script&gt;</p>\n")
    }

    @Test func charactersXMLForbidsBecomeReplacementCharacters() {
        #expect(HTMLNode.escape("a\u{1}b\u{FFFF}c\u{7F}", quotes: false) == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(HTMLNode.escape("tab\tand\nline", quotes: false) == "tab\tand\nline")
    }

    @Test func compareReportOfTheBundledPairMatchesItsGoldenFile() throws {
        let result = try Self.report()
        #expect(result.status == 1, "the pair differs, and html exits like every other format")
        #expect(result.stderr == "")
        try Golden.check(result.stdout, "html-compare.html")
    }

    @Test func russianReportMatchesItsGoldenFile() throws {
        let pipeline = try Shared.pipeline()
        let comparison = pipeline.compare(("northwind", try pipeline.analyze(path: TestPaths.fixture("northwind.md"))),
                                          ("sever-media", try pipeline.analyze(path: TestPaths.fixture("sever-media.md"))))
        var html = HTMLRenderer(glossary: pipeline.glossary, language: .ru).render(comparison)
        // Golden files must not depend on where the checkout is.
        html = html.replacingOccurrences(of: TestPaths.packageRoot.path + "/", with: "")
        let root = try Reports.xml(html, "html-compare-ru.html")
        #expect(root.attributes["lang"] == "ru")
        let verdicts = root.all("td", class: "verdict").map(\.flatText)
        #expect(verdicts.contains("спорно") && verdicts.contains("пробел"))
        // The English labels beside the Russian ones say they are English.
        #expect(root.all("span", class: "other-label").contains { $0.attributes["lang"] == "en" && $0.text == "Creative direction" })
        try Golden.check(html, "html-compare-ru.html")
    }

    @Test func compareReportIsWellFormedXML() throws {
        let root = try Reports.xml(try Self.report().stdout, "report.html")
        #expect(root.name == "html")
        #expect(root.attributes["lang"] == "en")
    }

    @Test func matrixHasARowPerFunctionWithBothStancesTheVerdictAndTheEvidenceLines() throws {
        let expected = try Reports.rows()
        let root = try Reports.xml(try Self.report().stdout, "report.html")
        let table = try #require(root.all("table", class: "matrix").first)
        let rows = table.descendants("tbody").flatMap { $0.elements("tr") }
        #expect(rows.map { $0.attributes["data-function"] ?? "" } == expected.map(\.function))
        #expect(rows.map { $0.attributes["data-scope"] } == expected.map(\.scope))
        for (row, want) in zip(rows, expected) {
            let cells = row.elements()
            try #require(cells.count == 5, "\(want.function): function, two stances, verdict, lead")
            #expect(cells[0].name == "th" && cells[0].attributes["scope"] == "row")
            #expect(cells[0].flatText.hasPrefix(want.labels["en"] ?? "?"), "\(want.function)")
            for side in 0..<2 {
                let cell = cells[1 + side]
                let stance = want.stances[side] == "absent" ? "not mentioned" : want.stances[side]
                #expect(cell.flatText.hasPrefix(stance), "\(want.function), side \(side): \(cell.flatText)")
                for line in want.evidenceLines[side] {
                    #expect(cell.flatText.contains("line \(line) "), "\(want.function), side \(side): evidence line \(line)")
                }
            }
            // The verdict in words, and in colour through its class.
            #expect(cells[3].flatText == want.verdict)
            #expect(row.attributes["class"] == "v-" + want.verdict + (want.scope == nil ? "" : " scoped"))
            #expect(cells[4].flatText == want.lead ?? "—", "\(want.function)")
        }
    }

    @Test func tablesHaveCaptionsAndScopedHeadersAndQuotesSayTheirLanguage() throws {
        let root = try Reports.xml(try Self.report().stdout, "report.html")
        for table in root.descendants("table") {
            let caption = table.elements("caption").first?.flatText ?? ""
            #expect(caption.count > 0)
            let headers = table.descendants("thead").flatMap { $0.descendants("th") }
            #expect(!headers.isEmpty && headers.allSatisfy { $0.attributes["scope"] == "col" })
        }
        let quotes = root.descendants("q")
        #expect(quotes.contains { $0.attributes["lang"] == "ru" && $0.text.hasPrefix("Креативная концепция") })
        #expect(quotes.contains { $0.attributes["lang"] == "en" && $0.text.hasPrefix("Creative direction") })
        #expect(root.all("span", class: "other-label").contains { $0.attributes["lang"] == "ru" && $0.text == "Креативное направление" })
        let legend = root.all("ul", class: "legend").first?.descendants("strong").map(\.text) ?? []
        #expect(legend == Verdict.allCases.map(\.rawValue))
    }

    @Test func ambiguousLinesAreListedWithTheirReasons() throws {
        let root = try Reports.xml(try Self.report().stdout, "report.html")
        let table = try #require(root.all("table", class: "ambiguities").first)
        let rows = table.descendants("tbody").flatMap { $0.elements("tr") }.map { $0.elements().map(\.flatText) }
        #expect(rows.count == 7)
        #expect(rows.contains { $0[0] == "northwind" && $0[1] == "14" && $0[2] == "hedge" && $0[4].contains("where it makes sense") })
        #expect(rows.contains { $0[0] == "sever-media" && $0[1] == "26" && $0[2] == "mixed-script" })
    }

    @Test func reportIsSelfContainedAndPrintable() throws {
        let html = try Self.report().stdout
        let root = try Reports.xml(html, "report.html")
        for name in ["script", "link", "img", "iframe", "object", "embed"] {
            #expect(root.descendants(name).isEmpty, "<\(name)> would need a network or run code")
        }
        // The only URL is the XHTML namespace, which nothing fetches.
        #expect(html.components(separatedBy: "http").count == 2)
        #expect(!html.contains("url(") && !html.contains("@import"))
        let css = try #require(root.descendants("style").first?.text)
        #expect(css.contains("@page") && css.contains("@media print") && css.contains("print-color-adjust: exact"))
    }

    @Test func hostileTextAndNamesStayText() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.md"), b = folder.appendingPathComponent("b.md")
        try "## What we own\n- Creative direction <script>alert(\"x\")</script> & co.\n".write(to: a, atomically: true, encoding: .utf8)
        try "## What we own\n- Creative direction]]> <!-- \u{1} -->\n".write(to: b, atomically: true, encoding: .utf8)
        let result = try Self.report([a.path, b.path, "--names", "A&B,<C>"])
        let root = try Reports.xml(result.stdout, "hostile.html")
        #expect(root.descendants("script").isEmpty)
        #expect(root.descendants("q").contains { $0.text.contains("<script>alert(\"x\")</script> & co.") })
        #expect(root.descendants("th").contains { $0.text.hasPrefix("<C>") })
        #expect(root.descendants("title").first?.text.contains("A&B / <C>") == true)
    }

    @Test func subcontractorTrapNoteIsShown() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("agency.md"), b = folder.appendingPathComponent("studio.md")
        try "## What we own\n- Creative direction.\n- Client relations.\n- Analytics and reporting.\n".write(to: a, atomically: true, encoding: .utf8)
        try "## What we own\n- Product shipping and logistics.\n- Paid media.\n".write(to: b, atomically: true, encoding: .utf8)
        let root = try Reports.xml(try Self.report([a.path, b.path]).stdout, "trap.html")
        let note = try #require(root.descendants("aside").first)
        #expect(note.attributes["role"] == "note")
        #expect(note.flatText.contains("studio owns no strategic function") && note.flatText.contains("subcontractor"))
    }

    @Test func analyzeRefusesHTMLWithAReason() throws {
        let result = try CLI.run(["analyze", Reports.a, "--format", "html"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--format html is for compare"))
    }
}
