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

        // The glossary flags of CommonOptions, without its --format (text|json|markdown|html)
        // and --color, which mean nothing for a playbook.
        @Option(name: .long, help: ArgumentHelp("A glossary file or folder layered over the default (repeatable).", valueName: "path"))
        var glossary: [String] = []

        @Flag(name: .long, help: "Do not load the default glossary (functions, phrases, cues, hedges).")
        var noDefaultGlossary = false

        func validate() throws {
            if let names {
                let parts = names.split(separator: ",", omittingEmptySubsequences: false)
                guard parts.count == 2, parts.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }), parts[0] != parts[1] else {
                    throw ValidationError("--names takes two different names separated by a comma, such as --names ours,theirs")
                }
            }
        }

        func run() throws {
            let glossary = try GlossaryReader.load(layers: self.glossary, includeDefault: !noDefaultGlossary)
            let pipeline = Pipeline(glossary: glossary)
            CapDiff.keepAlive.append(pipeline)
            let analyses = [try pipeline.analyze(path: a), try pipeline.analyze(path: b)]
            for warning in analyses.flatMap(\.warnings) { Output.error(warning.description) }
            let sideNames = names?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? Compare.defaultNames(a, b)
            let playbook = CapDiffCore.Playbook(pipeline.compare((sideNames[0], analyses[0]), (sideNames[1], analyses[1])))
            switch format {
            case .markdown: Output.write(PlaybookMarkdown(glossary: glossary, languages: lang.list).render(playbook))
            case .html: Output.write(PlaybookHTML(glossary: glossary, languages: lang.list).render(playbook))
            }
        }
    }
}
