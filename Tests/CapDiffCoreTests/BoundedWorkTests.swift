import Testing
@testable import CapDiffCore

/// Over-long units are read in bounded windows (issue 14): the windows cover the text, keep
/// every offset's original line, and the analysis still finds what the unit says. How long it
/// takes is measured by bench/scaling.py, never here.
@Suite struct BoundedWorkTests {
    static let repeated = "- We own creative direction and briefs" + String(repeating: ", creative direction and briefs", count: 200) + "."

    @Test func longUnitIsCutIntoWindowsThatCoverItsText() {
        let outline = OutlineReader().read(SourceText(path: "long.md", text: "# Roles\n\n" + Self.repeated + "\n"))
        let item = outline.units[1]
        #expect(item.text.utf8.count > UnitWindows.maximum)
        let windows = UnitWindows.windows(of: item)
        #expect(windows.count == (item.text.utf8.count + UnitWindows.maximum - 1) / UnitWindows.maximum
            || windows.count == (item.text.utf8.count + UnitWindows.maximum - 1) / UnitWindows.maximum + 1)
        #expect(windows.allSatisfy { $0.text.utf8.count <= UnitWindows.maximum && $0.kind == .item && $0.line == 3 })
        #expect(windows.map(\.text).joined(separator: " ") == item.text)
        // Cut after a clause mark: every window but the last ends with a comma.
        #expect(windows.dropLast().allSatisfy { $0.text.hasSuffix(",") })
    }

    @Test func windowsKeepTheLinesOfAnItemWrappedOverManyLines() {
        // One list item over 300 lines: each continuation line adds about 25 bytes.
        var text = "- We own creative direction\n"
        for i in 2...300 { text += "  and the briefs of wave \(i)\n" }
        let outline = OutlineReader().read(SourceText(path: "wrapped.md", text: text))
        #expect(outline.units.count == 1)
        let item = outline.units[0]
        #expect(item.lineBreaks.count == 299)
        let windows = UnitWindows.windows(of: item)
        #expect(windows.count > 1)
        for window in windows {
            // The window's first word is on the line its own text says ("wave N" is on line N).
            let firstWave = window.text.split(separator: " ").drop { $0 != "wave" }.dropFirst().first.flatMap { Int($0) }
            if let wave = firstWave, !window.text.hasPrefix("We") {
                #expect(window.line(atOffset: 0) == wave || window.line(atOffset: 0) == wave - 1)
            }
            // And every later line break maps offsets onto later lines, ending at the item's last line.
            #expect(window.lineBreaks == window.lineBreaks.sorted())
        }
        #expect(windows[0].line == 1)
        let last = windows[windows.count - 1]
        #expect(last.line(atOffset: last.text.utf8.count - 1) == 300)
    }

    @Test func aLongTableRowKeepsItsCellsInItsFirstWindowAndRowsPointAtTheHeader() {
        let columns = 600
        let header = "| Function | " + (1..<columns).map { "Wave \($0)" }.joined(separator: " | ") + " |"
        let separator = "|" + String(repeating: "---|", count: columns)
        let row = "| Creative direction | " + (1..<columns).map { $0 % 2 == 0 ? "Lead" : "—" }.joined(separator: " | ") + " |"
        let outline = OutlineReader().read(SourceText(path: "wide.md", text: [header, separator, row, row].joined(separator: "\n") + "\n"))
        let split = UnitWindows.split(outline).outline
        #expect(split.units.count > outline.units.count)
        let rows = split.units.indices.filter { split.units[$0].kind == .tableRow && !split.units[$0].cells.isEmpty }
        #expect(rows.count == 2)
        for i in rows {
            let headerIndex = try! #require(split.units[i].tableHeader)
            #expect(split.units[headerIndex].kind == .tableHeader)
            #expect(split.units[headerIndex].cells.count == columns)
            #expect(split.units[i].cells.count == columns)
        }
        // The rest of a row is read as the rest of its text, with no cells of its own.
        #expect(split.units.contains { $0.kind == .tableRow && $0.cells.isEmpty && $0.tableHeader == nil && $0.line == 3 })
    }

    @Test func scopesPointAtTheFirstWindowOfTheirHeading() {
        let heading = "## What we own: " + String(repeating: "the creative work and the briefs, ", count: 100)
        let outline = OutlineReader().read(SourceText(path: "h.md", text: heading + "\n\n- Creative direction\n"))
        let split = UnitWindows.split(outline).outline
        let item = try! #require(split.units.last)
        #expect(item.kind == .item)
        let scope = try! #require(item.scope)
        #expect(split.units[scope].kind == .heading(level: 2))
        #expect(split.units[scope].text.hasPrefix("What we own"))
    }

    @Test func aCutWithoutSpacesFallsOnACharacterBoundary() {
        // Cyrillic letters (two bytes each) with no space or punctuation: a base64-like blob.
        let blob = String(repeating: "бриф", count: 1500)
        let windows = UnitWindows.windows(of: Unit(kind: .prose, line: 7, text: blob))
        #expect(windows.count > 1)
        #expect(windows.map(\.text).joined() == blob)
        #expect(windows.allSatisfy { !$0.text.contains("\u{FFFD}") && $0.line == 7 })
    }

    @Test func aGiantLineReadsAsItsShortVersionDoes() throws {
        let pipeline = try Shared.pipeline()
        func read(_ item: String) -> (claims: Set<String>, ambiguities: Int) {
            let text = "# Northwind\n\n" + item + "\n- Paid media is not something we do.\n"
            let analysis = pipeline.analyze(SourceText(path: "giant.md", text: text))
            return (Set(analysis.claims.map { "\($0.function) \($0.stance) \($0.line)" }), analysis.ambiguities.count)
        }
        let short = read("- We own creative direction and briefs, creative direction and briefs.")
        let giant = read(Self.repeated)
        #expect(short.claims.contains("paid-media excludes 4"))
        #expect(short.claims.contains { $0.hasSuffix("owns 3") })
        #expect(giant.claims == short.claims)
        #expect(giant.ambiguities == short.ambiguities)
    }

    @Test func aWindowAfterTheFirstKeepsTheStanceItsUnitStated() throws {
        // Paid media comes some 3 kB after "We own", in a later window of the same item.
        let filler = (1...300).map { "point \($0)" }.joined(separator: ", ")
        let text = "# Notes\n\n- We own creative direction, " + filler + ", and paid media.\n"
        let analysis = try Shared.pipeline().analyze(SourceText(path: "carry.md", text: text))
        let claims = Set(analysis.claims.map { "\($0.function) \($0.stance) \($0.line)" })
        #expect(claims.contains("creative-direction owns 3"))
        #expect(claims.contains("paid-media owns 3"))
        #expect(!analysis.ambiguities.contains { $0.kinds.contains(.vagueOwner) })
    }

    @Test func sentencesOfALongParagraphKeepTheirLines() {
        // 400 lines of one paragraph, a sentence starting on every line.
        let lines = (1...400).map { "Sentence \($0) is here." }
        let outline = OutlineReader().read(SourceText(path: "p.md", text: "Intro line that is long enough to be prose.\n" + lines.joined(separator: "\n") + "\n"))
        let prose = outline.units.filter { $0.kind == .prose && $0.text.hasPrefix("Sentence") }
        #expect(prose.count == 400)
        for (i, unit) in prose.enumerated() {
            #expect(unit.line == i + 2)
            #expect(unit.lineBreaks.isEmpty)
        }
    }
}
