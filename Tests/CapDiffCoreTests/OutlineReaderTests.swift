import Testing
@testable import CapDiffCore

/// Headings, labels, lists, tables and prose, each unit with its original line.
@Suite struct OutlineReaderTests {
    func read(_ text: String) -> [Unit] {
        OutlineReader().read(SourceText(path: "t.md", text: text)).units
    }

    @Test func headingsItemsAndTheirScope() {
        let units = read("# Title\n\n## What we own\n- One\n* Two\n  continued\n\n## Notes\n1. Three\n2) Four")
        #expect(units.map(\.kind) == [.title, .heading(level: 2), .item, .item, .heading(level: 2), .item, .item])
        #expect(units.map(\.line) == [1, 3, 4, 5, 8, 9, 10])
        #expect(units[3].text == "Two continued")
        #expect(units[3].line(atOffset: units[3].text.utf8.count - 1) == 6)
        #expect(units[2].scope == 1 && units[5].scope == 4)
        #expect(units[6].marker == "2)")
    }

    @Test func labelLinesGovernTheListBelowUntilProse() {
        let units = read("Наша зона:\n— креатив;\n— бриф.\n\nOther text here.")
        #expect(units.map(\.kind) == [.label, .item, .item, .prose])
        #expect(units[1].scope == 0 && units[2].scope == 0)
        #expect(units[3].scope == nil)
    }

    @Test func markdownTablesKeepTheirCells() {
        let units = read("| Function | Us | You |\n|---|:---:|---|\n| Outreach | | ✓ |")
        #expect(units.map(\.kind) == [.tableHeader, .tableRow])
        #expect(units[1].cells == ["Outreach", "", "✓"])
        #expect(units[1].tableHeader == 0)
        #expect(units[1].line == 3)
    }

    @Test func proseIsSplitIntoSentencesWithTheirLines() {
        let units = read("Hi Anna,\n\nWe lead the strategy. Мы ведём аутрич.\nAnd a third\nsentence here.")
        let prose = units.filter { $0.kind == .prose }
        #expect(prose.map(\.text) == ["We lead the strategy.", "Мы ведём аутрич.", "And a third sentence here."])
        #expect(prose.map(\.line) == [3, 3, 4])
    }

    @Test func numberedClausesAreItems() {
        let units = read("2.1 The Agency shall own it.\n(a) creator outreach;\nб) логистика.")
        #expect(units.map(\.marker) == ["2.1", "(a)", "б)"])
    }

    @Test func letterMarkersNeedTheirParenthesisAndABlank() {
        #expect(OutlineReader.listItem("a) creator outreach")?.marker == "a)")
        #expect(OutlineReader.listItem("Я) логистика")?.marker == "Я)")
        for prose in ["As discussed)", "ab) not a marker", "a)no blank", "Ж", "a", "Мы ведём аутрич", "Ab"] {
            #expect(OutlineReader.listItem(Substring(prose)) == nil, "\(prose)")
        }
    }

    @Test func setextHeadingsAndRules() {
        let units = read("Intro line\n\nWhat we own\n-----------\n- Paid media\n\n***\n")
        #expect(units.map(\.kind) == [.title, .heading(level: 2), .item])
    }
}
