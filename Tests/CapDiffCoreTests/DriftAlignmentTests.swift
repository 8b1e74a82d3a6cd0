import Testing
@testable import CapDiffCore

/// Clause numbers, clause splitting, and the Gale–Church style alignment of clauses and of the
/// sentences inside them.
@Suite struct DriftAlignmentTests {
    func item(_ length: Int, _ anchors: Set<String> = [], key: String? = nil) -> Aligner.Item {
        Aligner.Item(length: length, anchors: anchors, key: key)
    }

    func beads(_ a: [Aligner.Item], _ b: [Aligner.Item], ratio: Double = 1) -> [String] {
        Aligner.align(a, b, ratio: ratio).map { "\($0.source.count)-\($0.translation.count)" }
    }

    @Test func oneSentenceTranslatedAsTwo() {
        #expect(beads([item(120), item(80)], [item(60), item(62), item(84)]) == ["1-2", "1-1"])
    }

    @Test func twoSentencesTranslatedAsOne() {
        #expect(beads([item(70), item(65), item(90)], [item(140), item(88)]) == ["2-1", "1-1"])
    }

    @Test func aSentenceWithNoCounterpartIsLeftAlone() {
        let source = [item(90, ["v30"]), item(85, ["v2027"]), item(95, ["v15"])]
        let translation = [item(96, ["v30"]), item(99, ["v15"])]
        #expect(beads(source, translation) == ["1-1", "1-0", "1-1"])
        #expect(beads(translation, source) == ["1-1", "0-1", "1-1"])
    }

    @Test func matchingNumbersWinOverLengths() {
        let source = [item(40, key: "1"), item(200, key: "2"), item(50, key: "3")]
        let translation = [item(45, key: "1"), item(60, key: "3")]
        #expect(beads(source, translation) == ["1-1", "1-0", "1-1"])
    }

    @Test func leadingNumbersInTheirUsualForms() {
        func number(_ line: String) -> String? { ClauseNumbering.leading(Substring(line))?.number.written }
        #expect(number("3.2 The Agency shall") == "3.2")
        #expect(number("1. Parties") == "1")
        #expect(number("2(a)(1)(A)(iv) a notice") == "2(a)(1)(A)(iv)")
        #expect(number("(b) scheduling") == "(b)")
        #expect(number("б) планирование") == "(б)")
        #expect(number("Article 3. Payment") == "3")
        #expect(number("Статья 3") == "3")
        #expect(number("п. 4.2 Агентство") == "4.2")
        #expect(number("2027 was a good year") == nil)
        #expect(number("The Agency shall") == nil)
    }

    @Test func russianListLettersMatchLatinOnesByPosition() {
        #expect(ClauseNumbering.key("2.2(б)") == "2.2(b)")
        #expect(ClauseNumbering.key("(в)") == "(c)")
        #expect(ClauseNumbering.key("3.1.") == "3.1")
    }

    func clauses(_ text: String) -> [String] {
        ClauseSplitter.clauses(of: OutlineReader().read(SourceText(path: "t.md", text: text))).map { "\($0.label)|\($0.text)" }
    }

    @Test func numbersAreComposedWithTheirArticleAndClause() {
        let text = """
            # Title

            ## Article 13

            1. Everyone may move.

            2. Everyone may leave.

            ## Article 14

            Everyone may seek asylum.

            2.2 The Partner shall handle:
            (a) outreach;
            (b) seeding.

            2(a)(1) The Licensor grants a licence.
            """
        #expect(clauses(text) == ["Title|Title", "13.1|Everyone may move.", "13.2|Everyone may leave.", "14|Everyone may seek asylum.",
                                  "2.2|The Partner shall handle:", "2.2(a)|outreach;", "2.2(b)|seeding.",
                                  "2(a)(1)|The Licensor grants a licence."])
    }

    @Test func bulletedItemsBelongToTheClauseThatIntroducesThem() {
        let text = "## Article 2. Services\n\n2.1 The Partner shall provide:\n- outreach;\n- seeding.\n\nThe term is one year.\n"
        #expect(clauses(text) == ["2|Services", "2.1|The Partner shall provide:", "2.1|outreach;", "2.1|seeding.", "2|The term is one year."])
    }

    @Test func unnumberedParagraphsAreNumberedByPosition() {
        let text = "# Memo\n\nThe first paragraph. It has two sentences.\n\nThe second one\nruns over two lines.\n"
        #expect(clauses(text) == ["Memo|Memo", "1|The first paragraph. It has two sentences.", "2|The second one runs over two lines."])
    }
}
