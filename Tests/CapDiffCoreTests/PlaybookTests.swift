import Foundation
import Testing
@testable import CapDiffCore

/// The partner playbook: the model built from a comparison, the escalation marker, the
/// questions, the Markdown and HTML printers, and the `playbook` command.
@Suite struct PlaybookTests {
    static func playbook(_ a: String, _ b: String, names: (String, String) = ("ours", "theirs")) throws -> Playbook {
        let pipeline = try Shared.pipeline()
        return Playbook(pipeline.compare((names.0, pipeline.analyze(SourceText(path: "a.md", text: a))),
                                         (names.1, pipeline.analyze(SourceText(path: "b.md", text: b)))))
    }

    static func bundled() throws -> Playbook {
        let pipeline = try Shared.pipeline()
        return Playbook(pipeline.compare(("northwind", try pipeline.analyze(path: TestPaths.fixture("northwind.md"))),
                                         ("sever-media", try pipeline.analyze(path: TestPaths.fixture("sever-media.md")))))
    }

    static func run(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(["playbook", Reports.a, Reports.b] + arguments)
    }

    @Test func bundledPairSortsEveryFunctionIntoItsSection() throws {
        let p = try Self.bundled()
        #expect(p.owned == [["us-market", "client-relations"], ["influencer-relations", "outreach", "outreach@ru", "ru-market"]])
        #expect(p.collaborations == [.init(key: "brief-writing", lead: 0), .init(key: "content-production", lead: 1),
                                     .init(key: "performance-analysis", lead: 0)])
        #expect(p.contested.map(\.function) == ["creative-direction", "budget-payments"])
        #expect(p.gaps.map(\.key) == ["paid-media", "paid-media@ru", "localization"])
        #expect(p.escalations == [
            .init(subject: .function("creative-direction"), reasons: [.contested]),
            .init(subject: .function("campaign-management"), reasons: [.unclear]),
            .init(subject: .function("legal-contracts"), reasons: [.unclear]),
            .init(subject: .function("budget-payments"), reasons: [.contested]),
        ])
    }

    @Test func eachAmbiguousLineBecomesAQuestionForTheSideThatWroteIt() throws {
        let questions = try Self.bundled().questions
        let summary = questions.map { "\($0.side):\($0.line) \($0.ask) \($0.functions.joined(separator: "+"))" }
        #expect(summary == [
            "0:14 whoOwnsItAndWhen campaign-management",
            "0:23 whatItCovers ",
            "0:30 whoDoesIt ",
            "1:21 whoOwnsItAndWhen localization",
            "1:24 whoDoesIt ",
            "1:25 whichFunction influencer-relations+paid-media",
            "1:26 retype budget-payments",
        ])
    }

    @Test func escalationMarkerReadsEnglishAndRussianForms() {
        for text in ["Escalate disagreements to leadership", "ESCALATES", "an escalation path", "Эскалация на руководство", "эскалируем"] {
            #expect(EscalationMarker.matches(text), "\(text)")
        }
        for text in ["we scale the campaign", "leadership decides", "руководство решает"] {
            #expect(!EscalationMarker.matches(text), "\(text)")
        }
    }

    @Test func aFunctionASideMarksEscalatesWhateverItsVerdict() throws {
        let p = try Self.playbook(
            "## What we own\n- Creative direction: we lead; escalate disagreements to leadership.\n- Paid media.\n"
                + "\n## Escalation\n- Anything we cannot agree on escalates to leadership.\n",
            "## За что мы отвечаем\n- Закупка рекламы; при споре — эскалация на руководство.\n")
        #expect(p.escalations == [
            // Covered (nobody disputes it), but ours asked.
            .init(subject: .function("creative-direction"), reasons: [.marked(side: 0, line: 2)]),
            .init(subject: .function("paid-media"), reasons: [.contested, .marked(side: 1, line: 2)]),
            // A marked line that names no function goes up as it is.
            .init(subject: .line(side: 0, line: 6, text: "Anything we cannot agree on escalates to leadership."),
                  reasons: [.marked(side: 0, line: 6)]),
        ])
        let markdown = PlaybookMarkdown(glossary: try Shared.pipeline().glossary, languages: [.en, .ru]).render(p)
        #expect(markdown.contains("| **Creative direction** — ours asks to escalate it (line 2). | **Креативное направление** — ours просит вынести на руководство (строка 2). |"))
    }

    @Test func markdownOfTheBundledPairMatchesItsGoldenFiles() throws {
        for (lang, golden) in [("both", "playbook.md"), ("en", "playbook-en.md"), ("ru", "playbook-ru.md")] {
            let result = try Self.run(["--lang", lang])
            #expect(result.status == 0 && result.stderr == "", "\(lang): \(result.stderr)")
            try Golden.check(result.stdout, golden)
        }
    }

    @Test func htmlOfTheBundledPairIsWellFormedAndMatchesItsGoldenFiles() throws {
        for (lang, golden) in [("both", "playbook.html"), ("en", "playbook-en.html"), ("ru", "playbook-ru.html")] {
            let result = try Self.run(["--lang", lang, "--format", "html"])
            #expect(result.status == 0 && result.stderr == "", "\(lang): \(result.stderr)")
            let root = try Reports.xml(result.stdout, golden)
            #expect(root.attributes["lang"] == (lang == "ru" ? "ru" : "en"))
            #expect(root.descendants("section").map { $0.attributes["id"] ?? "" }
                    == ["owned", "collaborate", "contested", "gaps", "escalate", "questions"])
            try Golden.check(result.stdout, golden)
        }
    }

    @Test func everyContestedAndGapFunctionIsListedInBothLanguages() throws {
        let rows = try Reports.rows()
        let markdown = try Self.run([]).stdout
        let sections = markdown.components(separatedBy: "\n## ")
        let contested = try #require(sections.first { $0.hasPrefix("3. ") })
        let gaps = try #require(sections.first { $0.hasPrefix("4. ") })
        for (verdict, section) in [("contested", contested), ("gap", gaps)] {
            let functions = rows.filter { $0.verdict == verdict }
            #expect(!functions.isEmpty, "the bundled pair has \(verdict) rows")
            for row in functions {
                for lang in ["en", "ru"] {
                    #expect(section.contains("**\(row.labels[lang] ?? "?")**"), "\(row.function) (\(lang)) in the \(verdict) section")
                }
            }
        }
        // And in HTML, each sits beside its translation, marked as Russian.
        let root = try Reports.xml(try Self.run(["--format", "html"]).stdout, "playbook.html")
        let gapSection = try #require(root.descendants("section").first { $0.attributes["id"] == "gaps" })
        for row in rows where row.verdict == "gap" {
            let cells = gapSection.all { $0.attributes["data-function"] == row.function && $0.attributes["data-scope"] == row.scope }
            #expect(cells.map { $0.attributes["lang"] ?? "en" } == ["en", "ru"])
            #expect(cells.last?.flatText.hasPrefix(row.labels["ru"] ?? "?") == true)
        }
    }

    @Test func namesComeFromTheNamesFlag() throws {
        let result = try Self.run(["--lang", "en", "--names", "Northwind,Sever"])
        #expect(result.stdout.hasPrefix("# Partner playbook: Northwind and Sever\n"))
        #expect(result.stdout.contains("- **For Sever:** Localization: who owns it, and when does the condition apply?"))
    }

    @Test func badArgumentsExitWithTrouble() throws {
        for arguments in [["--lang", "de"], ["--format", "json"], ["--names", "same,same"]] {
            let result = try Self.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("capdiff: "), "\(arguments): \(result.stderr)")
        }
    }

    @Test func markdownEscapesWhatWouldBecomeMarkup() {
        #expect(PlaybookMarkdown.escape("a|b *c* _d_ `e` [f](g) <h>\\\nnext") == "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\<h>\\\\ next")
    }
}
