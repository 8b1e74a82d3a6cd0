import Foundation
import Testing

/// End to end: the built binary's output, errors and exit statuses.
@Suite struct CommandLineTests {
    let a = "fixtures/northwind.md", b = "fixtures/sever-media.md"

    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let url = try TestPaths.temporaryDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func write(_ text: String, _ name: String) throws -> String { try write(Array(text.utf8), name) }

    // MARK: Golden outputs

    @Test(arguments: ["text", "json", "markdown"])
    func compareGolden(format: String) throws {
        let result = try CLI.run(["compare", a, b, "--format", format])
        #expect(result.status == 1, "the bundled pair has contested rows and gaps")
        #expect(result.stderr.isEmpty)
        try Golden.check(result.stdout, "compare-fixtures.\(format == "markdown" ? "md" : format == "json" ? "json" : "txt")")
    }

    @Test(arguments: ["northwind", "sever-media"], ["text", "json", "markdown"])
    func analyzeGolden(name: String, format: String) throws {
        let result = try CLI.run(["analyze", "fixtures/\(name).md", "--format", format])
        #expect(result.status == 0)
        try Golden.check(result.stdout, "analyze-\(name).\(format == "markdown" ? "md" : format == "json" ? "json" : "txt")")
    }

    @Test func jsonFollowsTheContract() throws {
        let result = try CLI.run(["compare", a, b, "--format", "json", "--names", "us,them"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let sides = try #require(json["sides"] as? [[String: Any]])
        #expect(sides.map { $0["name"] as? String } == ["us", "them"])
        #expect(sides.map { $0["language"] as? String } == ["en", "ru"])
        let rows = try #require(json["rows"] as? [[String: Any]])
        let creative = try #require(rows.first { $0["function"] as? String == "creative-direction" })
        #expect(creative["verdict"] as? String == "contested")
        #expect((creative["stances"] as? [String: String]) == ["us": "owns", "them": "owns"])
        #expect(creative["lead"] is NSNull)
        let ambiguity = try #require((json["ambiguities"] as? [[String: Any]])?.first)
        #expect(Set(ambiguity.keys).isSuperset(of: ["side", "line", "kinds", "text"]))
    }

    // MARK: Exit statuses

    @Test func alignedOutlinesExitZero() throws {
        let ours = try write("## What we own\n- Creative direction.\n- Reporting.\n", "ours.md")
        let theirs = try write("## Что нам нужно от вас\n- Креативная концепция.\n- Отчётность.\n", "theirs.md")
        let result = try CLI.run(["compare", ours, theirs])
        #expect(result.status == 0)
        #expect(result.stdout.contains("covered"))
    }

    @Test func theDefaultGlossaryTravelsWithTheBinary() throws {
        let elsewhere = try TestPaths.temporaryDirectory()
        let here = try CLI.run(["compare", a, b, "--format", "json"])
        let there = try CLI.run(["compare", TestPaths.packageRoot.appendingPathComponent(a).path,
                                 TestPaths.packageRoot.appendingPathComponent(b).path, "--format", "json"], directory: elsewhere)
        let strip = { (s: String) in s.replacingOccurrences(of: TestPaths.packageRoot.path + "/", with: "") }
        #expect(strip(there.stdout) == here.stdout)
    }

    @Test func subcontractorTrapIsNamed() throws {
        let ours = try write("## What we own\n- Creative direction.\n- Client relations.\n- Reporting.\n", "a.md")
        let theirs = try write("## Our side\n- Shipping and seeding.\n- Shoots and editing.\n", "b.md")
        let result = try CLI.run(["compare", ours, theirs])
        #expect(result.stdout.contains("b owns no strategic function while a owns 3"))
    }

    // MARK: Bad input: one line on stderr naming the file, exit 2

    func expectTrouble(_ arguments: [String], mentions: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2, sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(mentions), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func missingFile() throws {
        try expectTrouble(["compare", a, "no/such/file.md"], mentions: "no/such/file.md: no such file")
    }

    @Test func folderInsteadOfFile() throws {
        try expectTrouble(["analyze", "fixtures"], mentions: "fixtures: is a folder")
    }

    @Test func emptyDocument() throws {
        let path = try write("  \n\n", "empty.md")
        try expectTrouble(["analyze", path], mentions: "empty.md: is empty")
    }

    @Test func binaryInput() throws {
        let path = try write([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02], "picture.md")
        try expectTrouble(["compare", path, a], mentions: "picture.md: looks like binary data")
    }

    @Test func unknownFlag() throws {
        try expectTrouble(["compare", a, b, "--colour"], mentions: "--colour")
    }

    @Test func badNames() throws {
        try expectTrouble(["compare", a, b, "--names", "only-one"], mentions: "--names")
    }

    @Test func malformedGlossaryNamesFileAndLine() throws {
        let glossary = try write("function\tlang\tphrase\nlogistics\ten\n", "mine.tsv")
        try expectTrouble(["compare", a, b, "--glossary", glossary], mentions: "mine.tsv:2: missing \"phrase\"")
    }

    @Test func invalidUTF8IsDecodedWithAWarning() throws {
        let path = try write(Array("## What we own\n- Creative direction \u{FF}\n".utf8) + [0xC3, 0x28, 0x0A], "latin1.md")
        let result = try CLI.run(["analyze", path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("latin1.md:3: warning: invalid UTF-8"))
        #expect(result.stdout.contains("Creative direction"))
    }

    // MARK: Glossary layers and colour

    @Test func userGlossaryWithoutTheDefault() throws {
        let folder = try TestPaths.temporaryDirectory()
        try "id\tgroup\ten\tru\nmerch\texecution\tMerch\tМерч\n".write(to: folder.appendingPathComponent("functions.tsv"), atomically: true, encoding: .utf8)
        try "function\tlang\tphrase\nmerch\ten\tmerch\n".write(to: folder.appendingPathComponent("phrases.tsv"), atomically: true, encoding: .utf8)
        try "role\tstance\tlang\tphrase\ncue\towns\ten\twe own\n".write(to: folder.appendingPathComponent("cues.tsv"), atomically: true, encoding: .utf8)
        let doc = try write("- We own merch.\n- We own creative direction.\n", "d.md")
        let result = try CLI.run(["analyze", doc, "--no-default-glossary", "--glossary", folder.path, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"function\": \"merch\""))
        #expect(!result.stdout.contains("creative-direction"))
    }

    @Test func colourOnlyWhenAskedOrOnATerminal() throws {
        let plain = try CLI.run(["compare", a, b])
        #expect(!plain.stdout.contains("\u{1B}["))
        let forced = try CLI.run(["compare", a, b, "--color", "always"])
        #expect(forced.stdout.contains("\u{1B}[31mcontested"))
    }

    @Test func theTableFitsTheWidth() throws {
        let narrow = try CLI.run(["compare", a, b], environment: ["COLUMNS": "60"])
        let table = narrow.stdout.split(separator: "\n").prefix { !$0.hasPrefix("Ambiguous") }
        #expect(table.allSatisfy { $0.count <= 60 }, "\(narrow.stdout)")
    }

    @Test func russianLabelsWhenAskedFor() throws {
        let result = try CLI.run(["compare", a, b, "--lang", "ru"])
        #expect(result.stdout.contains("Креативное направление"))
        #expect(result.stdout.contains("спорно"))
    }
}
