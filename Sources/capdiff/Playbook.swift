import ArgumentParser
import CapDiffCore
import Foundation

extension CapDiff {
    struct Playbook: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the partner playbook for two outlines: a one-pager in English, Russian or both.",
            discussion: """
                Sections, in order: what each side owns; what the sides collaborate on, and who \
                leads; contested functions to decide before launch; gaps to close before launch; \
                what escalates to leadership (contested and unclear functions, and any function a \
                side marks by writing "escalate", "escalation", «эскалация» or «эскалировать» in a \
                line about it); open questions from ambiguous wording, for the side that wrote it.

                Exit status: 0 when the playbook is written (it is a document, not a check: use \
                compare to test for differences), 2 on trouble.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case markdown, html
        }

        enum Languages: String, ExpressibleByArgument, CaseIterable {
            case en, ru, both

            var list: [Language] {
                switch self {
                case .en: [.en]
                case .ru: [.ru]
                case .both: [.en, .ru]
                }
            }
        }

        @Argument(help: ArgumentHelp("The first side's outline (ours).", valueName: "a"))
        var a: String

        @Argument(help: ArgumentHelp("The second side's outline (theirs).", valueName: "b"))
        var b: String

        @Option(name: .long, help: ArgumentHelp("The two sides' names (default: the files' names).", valueName: "ours,theirs"))
        var names: String?

        @Option(name: .long, help: ArgumentHelp("The playbook's language: English, Russian, or both side by side.", valueName: "en|ru|both"))
        var lang: Languages = .both

        @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "markdown|html"))
        var format: Format = .markdown

        // The glossary flags alone: CommonOptions' --format and --color mean nothing here.
        @OptionGroup var glossaryOptions: GlossaryOptions

        @OptionGroup var reading: ReadingOptions

        func validate() throws {
            try SideNames.validate(names)
        }

        func run() throws {
            let glossary = try glossaryOptions.load()
            let pipeline = reading.pipeline(glossary)
            CapDiff.keepAlive.append(pipeline)
            let analyses = [try pipeline.analyze(path: a), try pipeline.analyze(path: b)]
            for warning in analyses.flatMap(\.warnings) { Output.error(warning.description) }
            let sideNames = SideNames.resolve(names, a, b)
            let playbook = CapDiffCore.Playbook(pipeline.compare((sideNames[0], analyses[0]), (sideNames[1], analyses[1])))
            switch format {
            case .markdown: Output.write(PlaybookMarkdown(glossary: glossary, languages: lang.list).render(playbook))
            case .html: Output.write(PlaybookHTML(glossary: glossary, languages: lang.list).render(playbook))
            }
        }
    }
}
